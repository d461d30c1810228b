import { useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import type { Role } from "./gql/graphql";
import { Field, InputField, GeneralErrors } from "./field";
import { formErrors } from "./errors";
import { useStoredState } from "./stored";
import { describeScope, ScopeFields, scopeInput, UNLIMITED } from "./scope";

const TokensQuery = graphql(`
  query StudioApiTokens {
    apiTokens {
      id
      name
      role
      readOnly
      conferences {
        id
        name
      }
      tokenPrefix
      revokedAt
      lastUsedAt
    }
  }
`);

const CreateTokenMutation = graphql(`
  mutation StudioCreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        id
        name
        role
        readOnly
        conferences {
          id
          name
        }
        tokenPrefix
        revokedAt
        lastUsedAt
      }
    }
  }
`);

const RevokeTokenMutation = graphql(`
  mutation StudioRevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

const EMPTY = { name: "", role: "EDITOR" as Role, scope: UNLIMITED };

/** Admins: API tokens for machines — create (with a scope; the secret is shown once) and revoke. */
export function ApiTokens() {
  const [{ data }, reload] = useQuery({ query: TokensQuery });
  const [form, setForm, clear] = useStoredState("api-token", EMPTY);
  const [created, create] = useMutation(CreateTokenMutation);
  const [revoked, revoke] = useMutation(RevokeTokenMutation);
  const errors = formErrors(created.error ?? revoked.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    const { scope, ...token } = form;
    const res = await create({ input: { ...token, ...scopeInput(scope) } });
    if (res.data) {
      clear();
      reload({ requestPolicy: "network-only" });
    }
  };
  return (
    <main id="main">
      <h1>API tokens</h1>
      <section aria-labelledby="token-heading">
        <h2 id="token-heading">Create a token</h2>
        <form onSubmit={submit} aria-labelledby="token-heading">
          <GeneralErrors messages={errors.general} />
          <InputField
            id="token-name"
            label="What it is for"
            error={errors.fields.name}
            hint="Who or what holds it, e.g. “schedule importer”."
            required
            value={form.name}
            onValue={value => setForm({ ...form, name: value })}
          />
          <Field id="token-role" label="Role" error={errors.fields.role}>
            {describedBy => (
              <select
                id="token-role"
                value={form.role}
                aria-describedby={describedBy}
                onChange={e => setForm({ ...form, role: e.currentTarget.value as Role })}
              >
                <option value="EDITOR">Editor</option>
                <option value="ADMIN">Admin</option>
              </select>
            )}
          </Field>
          <ScopeFields
            idPrefix="token"
            value={form.scope}
            error={errors.fields.conferences}
            onChange={scope => setForm({ ...form, scope })}
          />
          <div>
            <button type="submit" disabled={created.fetching}>
              Create token
            </button>
          </div>
        </form>
        {created.data && (
          <div class="invite-link">
            <label for="new-token">New token (shown once: store it now)</label>
            <input
              id="new-token"
              readOnly
              value={created.data.createApiToken.token}
              onFocus={e => e.currentTarget.select()}
            />
          </div>
        )}
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens</h2>
        <table>
          <caption class="visually-hidden">API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Role</th>
              <th scope="col">Scope</th>
              <th scope="col">State</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.apiTokens.map(t => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <code>{t.tokenPrefix}…</code>
                </td>
                <td>{t.role === "ADMIN" ? "Admin" : "Editor"}</td>
                <td>{describeScope(t.readOnly, t.conferences)}</td>
                <td>{t.revokedAt ? "Revoked" : "Active"}</td>
                <td>
                  {!t.revokedAt && (
                    <button type="button" onClick={() => revoke({ id: t.id })}>
                      Revoke<span class="visually-hidden"> “{t.name}”</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}

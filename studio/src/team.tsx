import { useState } from "preact/hooks";
import { useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import type { Role } from "./gql/graphql";
import { Field, InputField, GeneralErrors } from "./field";
import { formErrors } from "./errors";
import { useStoredState } from "./stored";
import { describeScope, ScopeFields, scopeInput, UNLIMITED, type ScopeValue } from "./scope";

const AccountsQuery = graphql(`
  query StudioAccounts {
    me {
      id
    }
    accounts {
      id
      email
      displayName
      role
      readOnly
      conferences {
        id
        name
      }
      inviteExpiresAt
      disabledAt
    }
  }
`);

const InviteMutation = graphql(`
  mutation StudioInvite($input: InviteAccountInput!) {
    inviteAccount(input: $input) {
      invitePath
      account {
        id
        email
        displayName
        role
        readOnly
        conferences {
          id
          name
        }
        inviteExpiresAt
        disabledAt
      }
    }
  }
`);

const SetScopeMutation = graphql(`
  mutation StudioSetAccountScope($id: ID!, $scope: AccountScopeInput!) {
    setAccountScope(id: $id, scope: $scope) {
      id
      readOnly
      conferences {
        id
        name
      }
    }
  }
`);

interface ScopedAccount {
  id: string;
  displayName: string;
  readOnly: boolean;
  conferences?: readonly { id: string; name: string }[] | null;
}

/** Changes one account's scope; its sessions carry the new one from their next request. */
function EditScope({ account, onDone }: { account: ScopedAccount; onDone: () => void }) {
  const [scope, setScope] = useState<ScopeValue>({
    readOnly: account.readOnly,
    conferences: account.conferences?.map(c => c.id) ?? [],
  });
  const [result, save] = useMutation(SetScopeMutation);
  const errors = formErrors(result.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    const res = await save({ id: account.id, scope: scopeInput(scope) });
    if (res.data) onDone();
  };
  return (
    <form onSubmit={submit} aria-labelledby="edit-scope-heading" class="edit-scope">
      <h3 id="edit-scope-heading">Scope of {account.displayName}</h3>
      <GeneralErrors messages={errors.general} />
      <ScopeFields
        idPrefix="edit-scope"
        value={scope}
        error={errors.fields.conferences}
        onChange={setScope}
      />
      <button type="submit" disabled={result.fetching}>
        Save scope
      </button>{" "}
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

const EMPTY = { email: "", displayName: "", role: "EDITOR" as Role, scope: UNLIMITED };

/** Admins: the team's accounts, and invitations with a one-time link to hand over. */
export function Team() {
  const [{ data }, reload] = useQuery({ query: AccountsQuery });
  const [form, setForm, clearForm] = useStoredState("invite", EMPTY);
  const [result, invite] = useMutation(InviteMutation);
  const [editing, setEditing] = useState<string | null>(null);
  const editingAccount = data?.accounts.find(a => a.id === editing);
  const errors = formErrors(result.error);
  const invited = result.data?.inviteAccount.account;
  const link = result.data?.inviteAccount.invitePath
    ? `${location.origin}${result.data.inviteAccount.invitePath}`
    : null;
  const submit = async (event: Event) => {
    event.preventDefault();
    const { scope, ...person } = form;
    const res = await invite({ input: { ...person, ...scopeInput(scope) } });
    if (res.data) {
      clearForm();
      reload({ requestPolicy: "network-only" });
    }
  };
  return (
    <main id="main">
      <h1>Team</h1>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite an editor</h2>
        <form onSubmit={submit} aria-labelledby="invite-heading">
          <GeneralErrors messages={errors.general} />
          <InputField
            id="invite-email"
            label="Email"
            error={errors.fields.email}
            type="email"
            required
            value={form.email}
            onValue={value => setForm({ ...form, email: value })}
          />
          <InputField
            id="invite-name"
            label="Display name"
            error={errors.fields.displayName}
            required
            value={form.displayName}
            onValue={value => setForm({ ...form, displayName: value })}
          />
          <Field id="invite-role" label="Role" error={errors.fields.role}>
            {(describedBy, invalid) => (
              <select
                id="invite-role"
                value={form.role}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={e => setForm({ ...form, role: e.currentTarget.value as Role })}
              >
                <option value="EDITOR">Editor</option>
                <option value="ADMIN">Admin</option>
              </select>
            )}
          </Field>
          <ScopeFields
            idPrefix="invite"
            value={form.scope}
            error={errors.fields.conferences}
            onChange={scope => setForm({ ...form, scope })}
          />
          <button type="submit" disabled={result.fetching}>
            Create invitation
          </button>
        </form>
        {link && (
          <div class="invite-link">
            <label for="invite-link">One-time invitation link (shown once: send it now)</label>
            <input id="invite-link" readOnly value={link} onFocus={e => e.currentTarget.select()} />
            {invited && (
              <p>
                Invited {invited.displayName} ({invited.email}), scope:{" "}
                <strong>{describeScope(invited.readOnly, invited.conferences)}</strong>
              </p>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts</h2>
        <table>
          <caption class="visually-hidden">Studio accounts</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Scope</th>
              <th scope="col">State</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.accounts.map(a => (
              <tr key={a.id}>
                <td>{a.displayName}</td>
                <td>{a.email}</td>
                <td>{a.role === "ADMIN" ? "Admin" : "Editor"}</td>
                <td>{describeScope(a.readOnly, a.conferences)}</td>
                <td>{a.disabledAt ? "Disabled" : a.inviteExpiresAt ? "Invited" : "Active"}</td>
                <td>
                  {a.id !== data.me?.id && !a.disabledAt && (
                    <button type="button" onClick={() => setEditing(a.id)}>
                      Change scope<span class="visually-hidden"> of {a.displayName}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {editingAccount && (
          <EditScope
            key={editingAccount.id}
            account={editingAccount}
            onDone={() => setEditing(null)}
          />
        )}
      </section>
    </main>
  );
}

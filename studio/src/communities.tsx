import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { useClient, useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import type { StudioCommunityFieldsFragment } from "./gql/graphql";
import { useVersionedForm } from "./versioned-form";
import { Field, InputField, GeneralErrors } from "./field";
import { formErrors } from "./errors";
import { navigate, useRoute } from "./router";
import { useStoredState } from "./stored";

const CommunitiesQuery = graphql(`
  query StudioCommunities {
    communities {
      ...StudioCommunityFields
      descendants {
        ...StudioCommunityFields
      }
    }
  }

  fragment StudioCommunityFields on Community {
    id
    version
    slug
    name
    description
    parent {
      id
      name
    }
  }
`);

const CommunityQuery = graphql(`
  query StudioCommunity($id: ID!) {
    node(id: $id) {
      __typename
      ... on Community {
        ...StudioCommunityFields
      }
    }
  }
`);

const CreateCommunityMutation = graphql(`
  mutation StudioCreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      ...StudioCommunityFields
    }
  }
`);

const UpdateCommunityMutation = graphql(`
  mutation StudioUpdateCommunity($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      ...StudioCommunityFields
    }
  }
`);

type Community = StudioCommunityFieldsFragment & { depth: number };

interface CommunityValues {
  name: string;
  slug: string;
  description: string;
  /** The parent's global id; "" for a root. */
  parent: string;
}

const EMPTY: CommunityValues = { name: "", slug: "", description: "", parent: "" };

const LABELS: Record<keyof CommunityValues, string> = {
  name: "Name",
  slug: "Slug",
  description: "Description",
  parent: "Parent community",
};

function valuesOf(c: StudioCommunityFieldsFragment): CommunityValues {
  return { name: c.name, slug: c.slug, description: c.description, parent: c.parent?.id ?? "" };
}

/** Every community, each root followed by everything below it, with its depth for indenting. */
function flatten(
  roots: (StudioCommunityFieldsFragment & { descendants: StudioCommunityFieldsFragment[] })[],
): Community[] {
  const depth = new Map<string, number>();
  return roots.flatMap(root =>
    [root, ...root.descendants].map(c => {
      const d = c.parent ? (depth.get(c.parent.id) ?? 0) + 1 : 0;
      depth.set(c.id, d);
      return { ...c, depth: d };
    }),
  );
}

/** The communities `id` may move under: not itself, nor any community below it. */
function possibleParents(all: Community[], id: string | null): Community[] {
  if (!id) return all;
  const below = new Set([id]);
  for (const c of all) if (c.parent && below.has(c.parent.id)) below.add(c.id);
  return all.filter(c => !below.has(c.id));
}

/** Admins: the community forest, with forms to add a community and to edit one. */
export function Communities({ admin }: { admin: boolean }) {
  const route = useRoute();
  const [status, setStatus] = useState("");
  const [{ data, error }, reload] = useQuery({ query: CommunitiesQuery, pause: !admin });
  if (!admin) {
    return (
      <main id="main" tabIndex={-1}>
        <h1>Communities</h1>
        <p>Only admins can manage communities. Ask an admin to add or change one.</p>
      </main>
    );
  }
  const all = data ? flatten(data.communities) : [];
  const editingId = /^\/communities\/(.+)$/.exec(route)?.[1];
  const editing = editingId ? all.find(c => c.id === decodeURIComponent(editingId)) : undefined;
  const done = (message: string) => {
    setStatus(message);
    reload({ requestPolicy: "network-only" });
    navigate("/communities");
  };
  return (
    <main id="main" tabIndex={-1}>
      <h1>Communities</h1>
      <p class="status" role="status">
        {status}
      </p>
      <GeneralErrors messages={formErrors(error).general} />
      {editing ? (
        <CommunityEditForm
          key={editing.id}
          community={editing}
          all={all}
          onDone={done}
          onCancel={() => navigate("/communities")}
        />
      ) : data ? (
        <CommunityCreator all={all} onCreated={done} />
      ) : (
        <p class="loading">Loading…</p>
      )}
      <section aria-labelledby="communities-list-heading">
        <h2 id="communities-list-heading">All communities</h2>
        <div class="table-scroll">
          <table class="communities">
            <caption class="visually-hidden">Communities, each followed by those below it</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Slug</th>
                <th scope="col">Belongs to</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map(c => (
                <tr key={c.id}>
                  <td class={`depth-${Math.min(c.depth, 4)}`}>{c.name}</td>
                  <td>{c.slug}</td>
                  <td>{c.parent?.name ?? "—"}</td>
                  <td>
                    <a href={`#/communities/${encodeURIComponent(c.id)}`}>
                      Edit<span class="visually-hidden"> {c.name}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}

/** What the API gets for a new community. */
function createInput(v: CommunityValues) {
  return {
    name: v.name,
    description: v.description,
    ...(v.slug.trim() ? { slug: v.slug.trim() } : {}),
    ...(v.parent ? { parent: v.parent } : {}),
  };
}

function CommunityCreator(props: { all: Community[]; onCreated: (message: string) => void }) {
  const [form, setForm, clear] = useStoredState("community:new", EMPTY);
  const [result, create] = useMutation(CreateCommunityMutation);
  const submit = async (event: Event) => {
    event.preventDefault();
    const res = await create({ input: createInput(form) });
    if (res.data) {
      clear();
      props.onCreated(`Created “${form.name}”.`);
    }
  };
  return (
    <section aria-labelledby="community-form-heading" class="panel">
      <h2 id="community-form-heading">New community</h2>
      <CommunityForm
        values={form}
        onChange={setForm}
        parents={props.all}
        errors={formErrors(result.error)}
        onSubmit={submit}
        busy={result.fetching}
        submitLabel="Create community"
      />
    </section>
  );
}

/** Edits a community from the version it was opened at (see `useVersionedForm`). */
function CommunityEditForm(props: {
  community: Community;
  all: Community[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { community } = props;
  const client = useClient();
  const [, update] = useMutation(UpdateCommunityMutation);
  const edit = useVersionedForm({
    storageKey: `community:${community.id}`,
    title: community.name,
    read: { values: valuesOf(community), version: community.version },
    labels: LABELS,
    send: (values, version) =>
      update({
        input: {
          id: community.id,
          version,
          name: values.name,
          description: values.description,
          parent: values.parent || null,
          ...(values.slug.trim() ? { slug: values.slug.trim() } : {}),
        },
      }),
    current: async () => {
      const now = await client
        .query(CommunityQuery, { id: community.id }, { requestPolicy: "network-only" })
        .toPromise();
      const c = now.data?.node?.__typename === "Community" ? now.data.node : null;
      return c && { values: valuesOf(c), version: c.version };
    },
    onSaved: values => props.onDone(`Saved “${values.name}”.`),
    onDiscarded: () => props.onDone(`Your changes to “${community.name}” were discarded.`),
  });
  // Opening an edit (from a link in the list) takes the keyboard to its first field.
  useEffect(() => document.getElementById("community-name")?.focus(), []);
  return (
    <>
      {edit.notice}
      <section aria-labelledby="community-form-heading" class="panel">
        <h2 id="community-form-heading">Edit “{community.name}”</h2>
        <CommunityForm
          values={edit.values}
          onChange={edit.setValues}
          parents={possibleParents(props.all, community.id)}
          errors={formErrors(edit.error)}
          onSubmit={edit.submit}
          busy={edit.busy}
          submitLabel="Save changes"
        >
          <button
            type="button"
            onClick={() => {
              edit.forget();
              props.onCancel();
            }}
          >
            Cancel
          </button>
        </CommunityForm>
      </section>
    </>
  );
}

function CommunityForm(props: {
  values: CommunityValues;
  onChange: (values: CommunityValues) => void;
  parents: Community[];
  errors: ReturnType<typeof formErrors>;
  onSubmit: (event: Event) => void;
  busy: boolean;
  submitLabel: string;
  children?: ComponentChildren;
}) {
  const { values, errors } = props;
  const set = (patch: Partial<CommunityValues>) => props.onChange({ ...values, ...patch });
  return (
    <form onSubmit={props.onSubmit} aria-labelledby="community-form-heading" noValidate>
      <GeneralErrors messages={errors.general} />
      <div class="row">
        <InputField
          id="community-name"
          label="Name"
          error={errors.fields.name}
          autoComplete="off"
          value={values.name}
          onValue={value => set({ name: value })}
        />
        <InputField
          id="community-slug"
          label="Slug"
          hint="Optional: made from the name when blank."
          error={errors.fields.slug}
          autoComplete="off"
          value={values.slug}
          onValue={value => set({ slug: value })}
        />
      </div>
      <Field id="community-parent" label="Parent community" error={errors.fields.parent}>
        {(describedBy, invalid) => (
          <select
            id="community-parent"
            value={values.parent}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={e => set({ parent: e.currentTarget.value })}
          >
            <option value="">None (a root community)</option>
            {props.parents.map(c => (
              <option key={c.id} value={c.id}>
                {`${"\u2003".repeat(c.depth)}${c.name}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="community-description" label="Description" error={errors.fields.description}>
        {(describedBy, invalid) => (
          <textarea
            id="community-description"
            rows={3}
            value={values.description}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => set({ description: e.currentTarget.value })}
          />
        )}
      </Field>
      <button type="submit" disabled={props.busy}>
        {props.submitLabel}
      </button>
      {props.children}
    </form>
  );
}

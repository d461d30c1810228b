import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { useClient, useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import type { StudioPersonFieldsFragment } from "./gql/graphql";
import { useVersionedForm } from "./versioned-form";
import { Field, GeneralErrors } from "./field";
import { formErrors } from "./errors";
import { navigate, useRoute } from "./router";
import { useStoredState } from "./stored";

/** People per page of the list: one keyset page each time "Load more" is pressed. */
const PAGE_SIZE = 20;

const PeoplePageQuery = graphql(`
  query StudioPeoplePage($first: Int!, $after: String, $filter: PersonFilterInput) {
    people(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        slug
        name
        affiliation
        sessions(first: 0) {
          totalCount
        }
        articles(first: 0) {
          totalCount
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const PersonQuery = graphql(`
  query StudioPerson($id: ID!) {
    node(id: $id) {
      __typename
      ... on Person {
        ...StudioPersonFields
      }
    }
  }

  fragment StudioPersonFields on Person {
    id
    version
    slug
    name
    affiliation
    bio
    links {
      label
      url
    }
  }
`);

const CreatePersonMutation = graphql(`
  mutation StudioCreatePerson($input: CreatePersonInput!) {
    createPerson(input: $input) {
      ...StudioPersonFields
    }
  }
`);

const UpdatePersonMutation = graphql(`
  mutation StudioUpdatePerson($input: UpdatePersonInput!) {
    updatePerson(input: $input) {
      ...StudioPersonFields
    }
  }
`);

const DeletePersonMutation = graphql(`
  mutation StudioDeletePerson($id: ID!, $detach: Boolean!) {
    deletePerson(id: $id, detach: $detach) {
      deletedId
    }
  }
`);

/** A person form's values, as typed (blank optional fields are sent as absent or null). */
interface PersonValues {
  name: string;
  slug: string;
  affiliation: string;
  bio: string;
  links: { label: string; url: string }[];
}

const EMPTY: PersonValues = { name: "", slug: "", affiliation: "", bio: "", links: [] };

const LABELS: Record<keyof PersonValues, string> = {
  name: "Name",
  slug: "Slug",
  affiliation: "Affiliation",
  bio: "Biography",
  links: "Links",
};

function valuesOf(p: StudioPersonFieldsFragment): PersonValues {
  return {
    name: p.name,
    slug: p.slug,
    affiliation: p.affiliation ?? "",
    bio: p.bio,
    links: p.links.map(l => ({ label: l.label, url: l.url })),
  };
}

/** What the API gets: blank optional fields left out, link rows left wholly blank dropped. */
function inputOf(v: PersonValues) {
  return {
    name: v.name,
    bio: v.bio,
    affiliation: v.affiliation.trim() ? v.affiliation : null,
    links: v.links.filter(l => l.label.trim() || l.url.trim()),
    ...(v.slug.trim() ? { slug: v.slug.trim() } : {}),
  };
}

/** Editors and admins: find people by name, page through them, create, edit and delete. */
export function People() {
  const route = useRoute();
  const editing = /^\/people\/(.+)$/.exec(route)?.[1];
  const [status, setStatus] = useState("");
  const [generation, setGeneration] = useState(0);
  const done = (message: string) => {
    setStatus(message);
    setGeneration(generation + 1);
    navigate("/people");
  };
  return (
    <main id="main" tabIndex={-1}>
      <h1>People</h1>
      <p class="status" role="status">
        {status}
      </p>
      {editing ? (
        <PersonEditor
          key={editing}
          id={decodeURIComponent(editing)}
          onDone={done}
          onCancel={() => navigate("/people")}
        />
      ) : (
        <PersonCreator onCreated={done} />
      )}
      <PeopleList generation={generation} />
    </main>
  );
}

/** The list: a search by name and keyset pages of PAGE_SIZE, added one by one. */
function PeopleList({ generation }: { generation: number }) {
  const [text, setText] = useState("");
  const [applied, setApplied] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [next, setNext] = useState<{ endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [empty, setEmpty] = useState(false);
  // A save or a new search starts again from the first page.
  useEffect(() => setCursors([null]), [generation, applied]);
  const search = (event: Event) => {
    event.preventDefault();
    setApplied(text.trim());
  };
  return (
    <section aria-labelledby="people-list-heading">
      <h2 id="people-list-heading">All people</h2>
      <form role="search" class="search" onSubmit={search} aria-label="People">
        <Field id="people-search" label="Search by name" hint="Whole words or their beginnings.">
          {describedBy => (
            <input
              id="people-search"
              type="search"
              value={text}
              aria-describedby={describedBy}
              onInput={e => setText(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit">Search</button>
        {applied && (
          <button type="button" onClick={() => (setText(""), setApplied(""))}>
            Show everyone
          </button>
        )}
      </form>
      <div class="table-scroll">
        <table class="people">
          <caption class="visually-hidden">
            {applied ? `People matching “${applied}”` : "People, by name"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Affiliation</th>
              <th scope="col">Sessions</th>
              <th scope="col">Articles</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          {cursors.map((after, index) => (
            <PeoplePage
              key={`${generation}:${applied}:${after}`}
              after={after}
              text={applied}
              fresh={generation > 0}
              onLoaded={
                index === cursors.length - 1
                  ? (info, count) => {
                      setNext(info);
                      setEmpty(index === 0 && count === 0);
                    }
                  : undefined
              }
            />
          ))}
        </table>
      </div>
      {empty && <p>{applied ? `No one matches “${applied}”.` : "No people yet."}</p>}
      {next?.hasNextPage && (
        <button
          type="button"
          onClick={() => next.endCursor && setCursors([...cursors, next.endCursor])}
        >
          Load more people
        </button>
      )}
    </section>
  );
}

/** One keyset page of the list, as a table body. */
function PeoplePage(props: {
  after: string | null;
  text: string;
  fresh: boolean;
  onLoaded?: (next: { endCursor: string | null; hasNextPage: boolean }, count: number) => void;
}) {
  const [{ data, error }] = useQuery({
    query: PeoplePageQuery,
    variables: {
      first: PAGE_SIZE,
      after: props.after,
      filter: props.text ? { text: props.text } : null,
    },
    // After a save, the list is read again rather than from the cache.
    requestPolicy: props.fresh ? "network-only" : "cache-and-network",
  });
  const page = data?.people;
  useEffect(() => {
    if (page) props.onLoaded?.(page.pageInfo, page.nodes.length);
  }, [page, props.onLoaded === undefined]);
  if (error && !page) {
    return (
      <tbody>
        <tr>
          <td colSpan={5} class="error" role="alert">
            {formErrors(error).general.join(" ")}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      {page?.nodes.map(p => (
        <tr key={p.id}>
          <td>
            {p.name}
            <br />
            <span class="hint">{p.slug}</span>
          </td>
          <td>{p.affiliation}</td>
          <td>{p.sessions.totalCount}</td>
          <td>{p.articles.totalCount}</td>
          <td>
            <a href={`#/people/${encodeURIComponent(p.id)}`}>
              Edit<span class="visually-hidden"> {p.name}</span>
            </a>
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/** A new person; the unsaved form survives a reload. */
function PersonCreator({ onCreated }: { onCreated: (message: string) => void }) {
  const [form, setForm, clear] = useStoredState("person:new", EMPTY);
  const [result, create] = useMutation(CreatePersonMutation);
  const submit = async (event: Event) => {
    event.preventDefault();
    const res = await create({ input: inputOf(form) });
    if (res.data) {
      clear();
      onCreated(`Created “${form.name}”.`);
    }
  };
  return (
    <section aria-labelledby="person-form-heading" class="panel">
      <h2 id="person-form-heading">New person</h2>
      <PersonForm
        idPrefix="person"
        values={form}
        onChange={setForm}
        errors={formErrors(result.error)}
        onSubmit={submit}
        busy={result.fetching}
        submitLabel="Create person"
      />
    </section>
  );
}

/** Loads the person being edited (by global id, from the route), then shows the edit form. */
function PersonEditor(props: {
  id: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [{ data, fetching, error }] = useQuery({
    query: PersonQuery,
    variables: { id: props.id },
    requestPolicy: "network-only",
  });
  // While the person is read again (the cache saw a change), the form stays as it is.
  const last = useRef<StudioPersonFieldsFragment | null>(null);
  if (data?.node?.__typename === "Person") last.current = data.node;
  const person = fetching ? last.current : data?.node?.__typename === "Person" ? data.node : null;
  if (!person) {
    if (fetching || (!data && !error)) return <p class="loading">Loading…</p>;
    return (
      <section class="panel" aria-labelledby="person-form-heading">
        <h2 id="person-form-heading">Person not found</h2>
        <p>This person does not exist any more. </p>
        <button type="button" onClick={props.onCancel}>
          Back to the list
        </button>
      </section>
    );
  }
  return <PersonEditForm person={person} onDone={props.onDone} onCancel={props.onCancel} />;
}

/** Edits a person from the version it was opened at (see `useVersionedForm`). */
function PersonEditForm(props: {
  person: StudioPersonFieldsFragment;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { person } = props;
  const client = useClient();
  const [, update] = useMutation(UpdatePersonMutation);
  const edit = useVersionedForm({
    storageKey: `person:${person.id}`,
    title: person.name,
    read: { values: valuesOf(person), version: person.version },
    labels: LABELS,
    send: (values, version) => update({ input: { id: person.id, version, ...inputOf(values) } }),
    current: async () => {
      const now = await client
        .query(PersonQuery, { id: person.id }, { requestPolicy: "network-only" })
        .toPromise();
      const p = now.data?.node?.__typename === "Person" ? now.data.node : null;
      return p && { values: valuesOf(p), version: p.version };
    },
    onSaved: values => props.onDone(`Saved “${values.name}”.`),
    onDiscarded: () => props.onDone(`Your changes to “${person.name}” were discarded.`),
  });
  // Opening an edit (from a link in the list) takes the keyboard to its first field.
  useEffect(() => document.getElementById("person-name")?.focus(), []);
  return (
    <>
      {edit.notice}
      <section aria-labelledby="person-form-heading" class="panel">
        <h2 id="person-form-heading">Edit “{person.name}”</h2>
        <PersonForm
          idPrefix="person"
          values={edit.values}
          onChange={edit.setValues}
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
        </PersonForm>
        <DeletePerson person={person} onDeleted={props.onDone} />
      </section>
    </>
  );
}

/** Deletes after an in-page confirmation; the API's refusal is shown beside the button. */
function DeletePerson(props: {
  person: StudioPersonFieldsFragment;
  onDeleted: (message: string) => void;
}) {
  const { person } = props;
  const [confirming, setConfirming] = useState(false);
  const [detach, setDetach] = useState(false);
  const [result, remove] = useMutation(DeletePersonMutation);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const error = result.error ? formErrors(result.error).general.join(" ") : "";
  const confirm = async () => {
    const res = await remove({ id: person.id, detach });
    if (res.data) props.onDeleted(`Deleted “${person.name}”.`);
  };
  return (
    <div class="danger" role="group" aria-labelledby="person-delete-heading">
      <h3 id="person-delete-heading">Delete</h3>
      {confirming ? (
        <>
          <p id="person-delete-question">Delete “{person.name}” for good? This cannot be undone.</p>
          <label class="check">
            <input
              type="checkbox"
              checked={detach}
              onChange={e => setDetach(e.currentTarget.checked)}
            />{" "}
            Also remove them from their sessions and articles
          </label>
          <div>
            <button
              type="button"
              class="destructive"
              disabled={result.fetching}
              aria-describedby={error ? "person-delete-error" : "person-delete-question"}
              onClick={() => void confirm()}
            >
              Yes, delete “{person.name}”
            </button>
            <button type="button" ref={keep} onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        </>
      ) : (
        <button type="button" class="destructive" onClick={() => setConfirming(true)}>
          Delete “{person.name}”…
        </button>
      )}
      {error && (
        <p id="person-delete-error" class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The person's fields, each with the API's message for it. */
function PersonForm(props: {
  idPrefix: string;
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  errors: ReturnType<typeof formErrors>;
  onSubmit: (event: Event) => void;
  busy: boolean;
  submitLabel: string;
  children?: ComponentChildren;
}) {
  const { idPrefix: p, values, errors } = props;
  const set = (patch: Partial<PersonValues>) => props.onChange({ ...values, ...patch });
  const setLink = (index: number, patch: Partial<PersonValues["links"][number]>) =>
    set({ links: values.links.map((l, i) => (i === index ? { ...l, ...patch } : l)) });
  const linkError = [errors.fields.links, errors.fields.label, errors.fields.url]
    .filter(Boolean)
    .join(" ");
  return (
    <form onSubmit={props.onSubmit} aria-labelledby="person-form-heading" noValidate>
      <GeneralErrors messages={errors.general} />
      <Field id={`${p}-name`} label="Name" error={errors.fields.name}>
        {(describedBy, invalid) => (
          <input
            id={`${p}-name`}
            value={values.name}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => set({ name: e.currentTarget.value })}
          />
        )}
      </Field>
      <div class="row">
        <Field
          id={`${p}-slug`}
          label="Slug"
          hint="Optional: made from the name when blank."
          error={errors.fields.slug}
        >
          {(describedBy, invalid) => (
            <input
              id={`${p}-slug`}
              value={values.slug}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={e => set({ slug: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id={`${p}-affiliation`} label="Affiliation" error={errors.fields.affiliation}>
          {(describedBy, invalid) => (
            <input
              id={`${p}-affiliation`}
              value={values.affiliation}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onInput={e => set({ affiliation: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <Field id={`${p}-bio`} label="Biography" error={errors.fields.bio}>
        {(describedBy, invalid) => (
          <textarea
            id={`${p}-bio`}
            rows={4}
            value={values.bio}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => set({ bio: e.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset aria-describedby={linkError ? `${p}-links-error` : undefined}>
        <legend>Links</legend>
        {values.links.map((link, i) => (
          <div class="row" key={i}>
            <Field id={`${p}-link-${i}-label`} label={`Link ${i + 1} label`}>
              {() => (
                <input
                  id={`${p}-link-${i}-label`}
                  value={link.label}
                  onInput={e => setLink(i, { label: e.currentTarget.value })}
                />
              )}
            </Field>
            <Field id={`${p}-link-${i}-url`} label={`Link ${i + 1} URL`}>
              {() => (
                <input
                  id={`${p}-link-${i}-url`}
                  type="url"
                  value={link.url}
                  onInput={e => setLink(i, { url: e.currentTarget.value })}
                />
              )}
            </Field>
            <button
              type="button"
              onClick={() => set({ links: values.links.filter((_, j) => j !== i) })}
            >
              Remove link {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => set({ links: [...values.links, { label: "", url: "" }] })}
        >
          Add a link
        </button>
        {linkError && (
          <p id={`${p}-links-error`} class="error" role="alert">
            {linkError}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={props.busy}>
        {props.submitLabel}
      </button>
      {props.children}
    </form>
  );
}

import { useState } from "preact/hooks";
import { useClient, useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import type { StudioConferenceEditFragment } from "./gql/graphql";
import type { InputHTMLAttributes } from "preact";
import { Field, GeneralErrors, InputField } from "./field";
import { formErrors, type FormErrors } from "./errors";
import { useStoredState } from "./stored";
import {
  AdminsOnly,
  ConferencePages,
  formatInZone,
  type ConferenceRowData,
} from "./conference-list";
import { TracksAndRooms } from "./program-structure";

const ConferenceOptionsQuery = graphql(`
  query StudioConferenceOptions($after: String) {
    communities {
      id
      name
      children {
        id
        name
        children {
          id
          name
        }
      }
    }
    conferenceSeries(first: 100, after: $after) {
      nodes {
        id
        name
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ConferenceEditFields = graphql(`
  fragment StudioConferenceEdit on Conference {
    id
    version
    slug
    name
    edition
    organizer
    startsOn
    endsOn
    timezone
    attendance
    description
    updatedAt
    venue {
      name
      city
      country
    }
    community {
      id
    }
    series {
      id
      name
    }
  }
`);

const CurrentConferenceQuery = graphql(`
  query StudioCurrentConference($id: ID!) {
    node(id: $id) {
      ... on Conference {
        ...StudioConferenceEdit
      }
    }
  }
`);

const CreateConferenceMutation = graphql(`
  mutation StudioCreateConference($input: CreateConferenceInput!) {
    createConference(input: $input) {
      ...StudioConferenceEdit
    }
  }
`);

const UpdateConferenceMutation = graphql(`
  mutation StudioUpdateConference($input: UpdateConferenceInput!) {
    updateConference(input: $input) {
      ...StudioConferenceEdit
    }
  }
`);

const CreateSeriesMutation = graphql(`
  mutation StudioCreateSeries($input: CreateConferenceSeriesInput!) {
    createConferenceSeries(input: $input) {
      id
      name
    }
  }
`);

void ConferenceEditFields;

/** The form's values, as the controls hold them (strings; numbers are parsed on save). */
interface ConferenceValues {
  name: string;
  slug: string;
  edition: string;
  organizer: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  venueName: string;
  venueCity: string;
  venueCountry: string;
  attendance: string;
  description: string;
  community: string;
  series: string;
}

interface ConferenceForm {
  values: ConferenceValues;
  /** When editing: the conference, the version read, and its values then (to show a conflict). */
  editing: { id: string; version: number; base: ConferenceValues } | null;
}

const BLANK: ConferenceValues = {
  name: "",
  slug: "",
  edition: String(new Date().getFullYear()),
  organizer: "",
  startsOn: "",
  endsOn: "",
  timezone: "UTC",
  venueName: "",
  venueCity: "",
  venueCountry: "",
  attendance: "",
  description: "",
  community: "",
  series: "",
};

const EMPTY: ConferenceForm = { values: BLANK, editing: null };

const LABELS: Record<keyof ConferenceValues, string> = {
  name: "Name",
  slug: "Slug",
  edition: "Edition year",
  organizer: "Organizer",
  startsOn: "First day",
  endsOn: "Last day",
  timezone: "Time zone",
  venueName: "Venue",
  venueCity: "City",
  venueCountry: "Country code",
  attendance: "Attendance",
  description: "Description",
  community: "Community",
  series: "Series",
};

/** A conference as the API returns it → the form's values. */
function valuesOf(c: {
  name: string;
  slug: string;
  edition: number;
  organizer: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  attendance?: number | null;
  description: string;
  venue: { name: string; city: string; country: string };
  community: { id: string };
  series?: { id: string } | null;
}): ConferenceValues {
  return {
    name: c.name,
    slug: c.slug,
    edition: String(c.edition),
    organizer: c.organizer,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    timezone: c.timezone,
    venueName: c.venue.name,
    venueCity: c.venue.city,
    venueCountry: c.venue.country,
    attendance: c.attendance == null ? "" : String(c.attendance),
    description: c.description,
    community: c.community.id,
    series: c.series?.id ?? "",
  };
}

/** The form's values → the API's input fields (shared by create and update). */
function inputOf(v: ConferenceValues) {
  return {
    name: v.name,
    slug: v.slug.trim() || null,
    edition: Number(v.edition),
    organizer: v.organizer,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    timezone: v.timezone,
    venue: { name: v.venueName, city: v.venueCity, country: v.venueCountry },
    attendance: v.attendance.trim() === "" ? null : Number(v.attendance),
    description: v.description,
    community: v.community,
    series: v.series || null,
  };
}

/** The conference a `node(id)` answer holds, or null. */
function asConference(node: unknown): StudioConferenceEditFragment | null {
  return node && typeof node === "object" && "version" in node
    ? (node as StudioConferenceEditFragment)
    : null;
}

/** Every IANA zone the browser knows, plus `current` if it is not among them. */
function zones(current: string): string[] {
  const all = Intl.supportedValuesOf("timeZone");
  return all.includes(current) || !current ? all : [current, ...all];
}

/** Communities as a flat list, children indented under their parent. */
function flatten(
  nodes: { id: string; name: string; children?: { id: string; name: string }[] }[],
  depth = 0,
): { id: string; label: string }[] {
  return nodes.flatMap(n => [
    { id: n.id, label: `${"\u00a0\u00a0".repeat(depth)}${n.name}` },
    ...flatten((n.children ?? []) as typeof nodes, depth + 1),
  ]);
}

/** The message for a form field: by its nested path first (`venue.name`), else by name. */
function fieldError(errors: FormErrors, key: keyof ConferenceValues): string | undefined {
  const path =
    key === "venueName"
      ? "venue.name"
      : key === "venueCity"
        ? "venue.city"
        : key === "venueCountry"
          ? "venue.country"
          : key;
  return errors.paths[path] ?? (key.startsWith("venue") ? undefined : errors.paths[key]);
}

/**
 * Admins: every conference (a keyset page at a time), a form to create or edit one (with its
 * series, time zone from the IANA list, venue and community), and its tracks and rooms. Edits
 * carry the version read; a conflict shows what changed and never overwrites silently.
 */
export function Conferences({ admin }: { admin: boolean }) {
  if (!admin) return <AdminsOnly title="Conferences" />;
  return <ConferencesScreen />;
}

function ConferencesScreen() {
  const client = useClient();
  const [form, setForm, clear] = useStoredState("conference", EMPTY);
  const [status, setStatus] = useState("");
  const [created, create] = useMutation(CreateConferenceMutation);
  const [updated, update] = useMutation(UpdateConferenceMutation);
  const [conflict, setConflict] = useState<{ current: ConferenceValues; version: number } | null>(
    null,
  );
  const [lastError, setLastError] = useState<FormErrors>(formErrors(undefined));
  const v = form.values;
  const set = (patch: Partial<ConferenceValues>) =>
    setForm({ ...form, values: { ...form.values, ...patch } });

  const edit = async (row: ConferenceRowData) => {
    const res = await client
      .query(CurrentConferenceQuery, { id: row.id }, { requestPolicy: "network-only" })
      .toPromise();
    const c = asConference(res.data?.node);
    if (!c) return;
    const values = valuesOf(c);
    setConflict(null);
    setLastError(formErrors(undefined));
    setForm({ values, editing: { id: c.id, version: c.version, base: values } });
    setStatus(`Editing “${c.name}”.`);
    document.getElementById("conference-name")?.focus();
  };

  const save = async (event: Event, version?: number) => {
    event.preventDefault();
    const input = inputOf(v);
    if (!form.editing) {
      const res = await create({ input });
      setLastError(formErrors(res.error));
      const c = res.data?.createConference;
      if (c) {
        const values = valuesOf(c);
        setForm({ values, editing: { id: c.id, version: c.version, base: values } });
        setStatus(`Created “${c.name}”. Add its tracks and rooms below.`);
      }
      return;
    }
    const res = await update({
      input: { id: form.editing.id, version: version ?? form.editing.version, ...input },
    });
    if (res.error?.graphQLErrors[0]?.extensions?.code === "CONFLICT") {
      const now = await client
        .query(CurrentConferenceQuery, { id: form.editing.id }, { requestPolicy: "network-only" })
        .toPromise();
      const c = asConference(now.data?.node);
      if (c) setConflict({ current: valuesOf(c), version: c.version });
      setLastError(formErrors(undefined));
      return;
    }
    setLastError(formErrors(res.error));
    const c = res.data?.updateConference;
    if (c) {
      const values = valuesOf(c);
      setConflict(null);
      setForm({ values, editing: { id: c.id, version: c.version, base: values } });
      setStatus(`Saved “${c.name}” (version ${c.version}).`);
    }
  };

  const discard = () => {
    if (!conflict || !form.editing) return;
    setForm({
      values: conflict.current,
      editing: { id: form.editing.id, version: conflict.version, base: conflict.current },
    });
    setConflict(null);
    setStatus("Your changes were discarded; the form shows the current conference.");
  };

  return (
    <main id="main" tabIndex={-1}>
      <h1>Conferences</h1>
      <p role="status" class="status">
        {status}
      </p>
      <section aria-labelledby="conference-list-heading">
        <h2 id="conference-list-heading">All conferences</h2>
        <ConferencePages
          caption="Conferences, earliest first"
          columns="details"
          action={c => (
            <button type="button" onClick={() => edit(c)}>
              Edit<span class="visually-hidden"> “{c.name}”</span>
            </button>
          )}
        />
      </section>
      <section aria-labelledby="conference-form-heading" class="session-form">
        <h2 id="conference-form-heading">
          {form.editing ? `Edit “${form.editing.base.name}”` : "New conference"}
        </h2>
        {form.editing && (
          <button
            type="button"
            onClick={() => {
              clear();
              setConflict(null);
              setLastError(formErrors(undefined));
              setStatus("");
            }}
          >
            Start a new conference instead
          </button>
        )}
        {conflict && form.editing && (
          <ConferenceConflict
            base={form.editing.base}
            current={conflict.current}
            yours={v}
            version={conflict.version}
            onReapply={e => save(e, conflict.version)}
            onDiscard={discard}
          />
        )}
        <ConferenceFields
          values={v}
          errors={lastError}
          set={set}
          busy={created.fetching || updated.fetching}
          editing={!!form.editing}
          onSubmit={save}
        />
        {form.editing && (
          <p class="hint">
            Last saved <LastSaved id={form.editing.id} zone={form.editing.base.timezone} /> (the
            event’s time zone).
          </p>
        )}
      </section>
      {form.editing && <TracksAndRooms conferenceId={form.editing.id} />}
    </main>
  );
}

/** When the conference last changed, in its own zone. */
function LastSaved({ id, zone }: { id: string; zone: string }) {
  const [{ data }] = useQuery({ query: CurrentConferenceQuery, variables: { id } });
  const node = asConference(data?.node);
  if (!node) return <>…</>;
  return <time dateTime={node.updatedAt}>{formatInZone(node.updatedAt, zone)}</time>;
}

/** Shows which fields someone else changed, and lets the admin reapply or discard their edits. */
function ConferenceConflict(props: {
  base: ConferenceValues;
  current: ConferenceValues;
  yours: ConferenceValues;
  version: number;
  onReapply: (e: Event) => void;
  onDiscard: () => void;
}) {
  const keys = Object.keys(LABELS) as (keyof ConferenceValues)[];
  const theirs = keys.filter(k => props.current[k] !== props.base[k]);
  const mine = keys.filter(k => props.yours[k] !== props.base[k]);
  const shown = [...new Set([...theirs, ...mine])];
  return (
    <section
      class="conflict"
      role="alertdialog"
      aria-labelledby="conference-conflict-heading"
      aria-describedby="conference-conflict-text"
    >
      <h3 id="conference-conflict-heading">Someone else changed this conference</h3>
      <p id="conference-conflict-text">
        Your changes were not saved and nothing was overwritten. It is now at version{" "}
        {props.version}. Compare, then reapply your changes over theirs or discard yours.
      </p>
      <table>
        <caption class="visually-hidden">What changed</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">When you started</th>
            <th scope="col">Now</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(k => (
            <tr key={k}>
              <th scope="row">{LABELS[k]}</th>
              <td>{props.base[k] || "—"}</td>
              <td>{props.current[k] || "—"}</td>
              <td>{props.yours[k] || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={props.onReapply}>
        Reapply my changes
      </button>
      <button type="button" onClick={props.onDiscard}>
        Discard my changes
      </button>
    </section>
  );
}

/** The conference's fields; each shows the API's message for it. */
function ConferenceFields(props: {
  values: ConferenceValues;
  errors: FormErrors;
  set: (patch: Partial<ConferenceValues>) => void;
  busy: boolean;
  editing: boolean;
  onSubmit: (e: Event) => void;
}) {
  const { values: v, errors, set } = props;
  const [seriesAfter, setSeriesAfter] = useState<string | null>(null);
  const [{ data }] = useQuery({
    query: ConferenceOptionsQuery,
    variables: { after: seriesAfter },
  });
  const [seriesSeen, setSeriesSeen] = useState<{ id: string; name: string }[]>([]);
  const [newSeries, setNewSeries] = useState("");
  const [madeSeries, createSeries] = useMutation(CreateSeriesMutation);
  const seriesErrors = formErrors(madeSeries.error);
  const communities = flatten(data?.communities ?? []);
  const seriesOptions = [
    ...seriesSeen,
    ...(data?.conferenceSeries.nodes ?? []).filter(s => !seriesSeen.some(x => x.id === s.id)),
  ];

  const text = (
    key: keyof ConferenceValues,
    attrs: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "id" | "label"> = {},
    hint?: string,
  ) => (
    <InputField
      {...attrs}
      id={`conference-${key}`}
      label={LABELS[key]}
      error={fieldError(errors, key)}
      hint={hint}
      value={v[key]}
      onValue={value => set({ [key]: value })}
    />
  );

  return (
    <form onSubmit={props.onSubmit} aria-labelledby="conference-form-heading">
      <GeneralErrors messages={errors.general} />
      {text("name", { required: true })}
      <div class="row">
        {text("slug", {}, "Made from the name when left empty.")}
        {text("edition", { type: "number", required: true, min: 1900, max: 2200 })}
      </div>
      {text("organizer", { required: true })}
      <div class="row">
        {text("startsOn", { type: "date", required: true })}
        {text("endsOn", { type: "date", required: true })}
        <Field
          id="conference-timezone"
          label="Time zone"
          error={fieldError(errors, "timezone")}
          hint="The venue’s IANA zone: days and times are shown in it."
        >
          {(describedBy, invalid) => (
            <select
              id="conference-timezone"
              value={v.timezone}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={e => set({ timezone: e.currentTarget.value })}
            >
              {zones(v.timezone).map(z => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend>Where</legend>
        {text("venueName", { required: true })}
        <div class="row">
          {text("venueCity", { required: true })}
          {text(
            "venueCountry",
            { required: true, maxLength: 2, size: 4, autocomplete: "off" },
            "Two letters, e.g. US.",
          )}
        </div>
      </fieldset>
      <div class="row">
        <Field id="conference-community" label="Community" error={fieldError(errors, "community")}>
          {(describedBy, invalid) => (
            <select
              id="conference-community"
              value={v.community}
              required
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={e => set({ community: e.currentTarget.value })}
            >
              <option value="">Choose a community</option>
              {communities.map(c => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text("attendance", { type: "number", min: 0 }, "Leave empty when unknown.")}
      </div>
      <fieldset>
        <legend>Series</legend>
        <Field
          id="conference-series"
          label="Edition of the series"
          error={fieldError(errors, "series")}
        >
          {(describedBy, invalid) => (
            <select
              id="conference-series"
              value={v.series}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={e => set({ series: e.currentTarget.value })}
            >
              <option value="">No series</option>
              {seriesOptions.map(s => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {data?.conferenceSeries.pageInfo.hasNextPage && (
          <button
            type="button"
            onClick={() => {
              setSeriesSeen(seriesOptions);
              setSeriesAfter(data.conferenceSeries.pageInfo.endCursor ?? null);
            }}
          >
            Load more series
          </button>
        )}
        <div class="row">
          <InputField
            id="new-series-name"
            label="Or start a new series"
            error={seriesErrors.fields.name}
            hint="It serves the community chosen above."
            value={newSeries}
            onValue={setNewSeries}
          />
          <button
            type="button"
            disabled={!newSeries.trim() || madeSeries.fetching}
            onClick={async () => {
              const res = await createSeries({
                input: { name: newSeries, community: v.community },
              });
              const made = res.data?.createConferenceSeries;
              if (made) {
                setSeriesSeen([...seriesOptions, made]);
                set({ series: made.id });
                setNewSeries("");
              }
            }}
          >
            Create series
          </button>
        </div>
        <GeneralErrors
          messages={[
            ...seriesErrors.general,
            ...(seriesErrors.fields.community ? [seriesErrors.fields.community] : []),
          ]}
        />
      </fieldset>
      <Field id="conference-description" label="Description" error={errors.paths.description}>
        {(describedBy, invalid) => (
          <textarea
            id="conference-description"
            rows={4}
            value={v.description}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => set({ description: e.currentTarget.value })}
          />
        )}
      </Field>
      <button type="submit" disabled={props.busy}>
        {props.editing ? "Save conference" : "Create conference"}
      </button>
    </form>
  );
}

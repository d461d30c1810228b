import { useState } from "preact/hooks";
import { useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import { GeneralErrors } from "./field";
import { formErrors } from "./errors";
import { useStoredState } from "./stored";
import { AdminsOnly, ConferencePages, formatDays } from "./conference-list";

const ColocationQuery = graphql(`
  query StudioColocation($id: ID!) {
    node(id: $id) {
      ... on Conference {
        id
        name
        edition
        colocatedWith {
          id
          name
        }
      }
    }
  }
`);

const SameYearQuery = graphql(`
  query StudioConferencesOfYear($year: Int!) {
    conferences(filter: { year: $year }, first: 100) {
      nodes {
        id
        name
        startsOn
        endsOn
        colocatedWith {
          id
          name
        }
      }
    }
  }
`);

const SetColocatedMutation = graphql(`
  mutation StudioSetColocated($conferences: [ID!]!) {
    setColocated(conferences: $conferences) {
      id
      name
      version
      colocatedWith {
        id
        name
      }
    }
  }
`);

interface Member {
  id: string;
  name: string;
}

interface ColocationForm {
  /** The conference whose event is being edited. */
  conference: Member | null;
  /** The other conferences of the event as it will be saved (checked ones stay). */
  members: (Member & { keep: boolean })[];
}

const EMPTY: ColocationForm = { conference: null, members: [] };

/** “A”, “A and B”, “A, B and C”. */
function names(list: { name: string }[]): string {
  const n = list.map(m => m.name);
  return n.length <= 1 ? (n[0] ?? "") : `${n.slice(0, -1).join(", ")} and ${n[n.length - 1]}`;
}

/**
 * Admins: which conferences run as one event, and a form to change one conference's event. Saving
 * calls setColocated with the whole event, so each member lists exactly the others; a conference
 * added from another event brings that event's members along (unticked ones leave it).
 */
export function Colocation({ admin }: { admin: boolean }) {
  if (!admin) return <AdminsOnly title="Co-location" />;
  return <ColocationScreen />;
}

function ColocationScreen() {
  const [form, setForm, clear] = useStoredState("colocation", EMPTY);
  const [result, setColocated] = useMutation(SetColocatedMutation);
  const [status, setStatus] = useState("");
  const [saves, setSaves] = useState(0);
  const errors = formErrors(result.error);

  const choose = (c: Member & { colocatedWith: Member[] }) => {
    setForm({
      conference: { id: c.id, name: c.name },
      members: c.colocatedWith.map(m => ({ ...m, keep: true })),
    });
    setStatus(`Editing the event of “${c.name}”.`);
  };

  const save = async (ids: string[]) => {
    const res = await setColocated({ conferences: ids });
    const saved = res.data?.setColocated;
    if (!saved) return;
    setSaves(saves + 1);
    const self = saved[0];
    setStatus(
      self.colocatedWith.length
        ? `Saved: ${names([self, ...self.colocatedWith])} are now one co-located event.`
        : `Saved: “${self.name}” is not co-located with any conference.`,
    );
    setForm({
      conference: { id: self.id, name: self.name },
      members: self.colocatedWith.map(m => ({ ...m, keep: true })),
    });
  };

  return (
    <main id="main" tabIndex={-1}>
      <h1>Co-location</h1>
      <p role="status" class="status">
        {status}
      </p>
      <section aria-labelledby="colocation-list-heading">
        <h2 id="colocation-list-heading">Conferences and their events</h2>
        <ConferencePages
          caption="Conferences and what they are co-located with"
          columns="colocation"
          refresh={saves}
          action={c => (
            <button type="button" onClick={() => choose(c)}>
              Change co-location<span class="visually-hidden"> of “{c.name}”</span>
            </button>
          )}
        />
      </section>
      {form.conference && (
        <EventEditor
          form={form}
          setForm={setForm}
          errors={errors}
          busy={result.fetching}
          onSave={save}
          onClose={() => {
            clear();
            setStatus("");
          }}
        />
      )}
    </main>
  );
}

function EventEditor(props: {
  form: ColocationForm;
  setForm: (f: ColocationForm) => void;
  errors: ReturnType<typeof formErrors>;
  busy: boolean;
  onSave: (ids: string[]) => void;
  onClose: () => void;
}) {
  const { form, setForm, errors } = props;
  const self = form.conference as Member;
  const [{ data: current }] = useQuery({
    query: ColocationQuery,
    variables: { id: self.id },
    requestPolicy: "network-only",
  });
  const node = current?.node && "edition" in current.node ? current.node : null;
  const [{ data: sameYear }] = useQuery({
    query: SameYearQuery,
    variables: { year: node?.edition ?? 0 },
    pause: !node,
  });
  const [adding, setAdding] = useState("");
  const kept = form.members.filter(m => m.keep);
  const leaving = form.members.filter(m => !m.keep);
  const candidates = (sameYear?.conferences.nodes ?? []).filter(
    c => c.id !== self.id && !form.members.some(m => m.id === c.id),
  );

  const add = () => {
    const picked = candidates.find(c => c.id === adding);
    if (!picked) return;
    // Joining the picked conference's event: its partners come along, ticked.
    const more = [picked, ...picked.colocatedWith].filter(
      m => m.id !== self.id && !form.members.some(x => x.id === m.id),
    );
    setForm({
      ...form,
      members: [...form.members, ...more.map(m => ({ id: m.id, name: m.name, keep: true }))],
    });
    setAdding("");
  };

  return (
    <section aria-labelledby="event-heading" class="session-form">
      <h2 id="event-heading">Co-location of “{self.name}”</h2>
      <p>
        Now:{" "}
        {node
          ? node.colocatedWith.length
            ? `co-located with ${names(node.colocatedWith)}.`
            : "not co-located with any conference."
          : "…"}
      </p>
      <form
        aria-labelledby="event-heading"
        onSubmit={e => {
          e.preventDefault();
          props.onSave([self.id, ...kept.map(m => m.id)]);
        }}
      >
        <GeneralErrors messages={errors.general} />
        <fieldset aria-describedby={errors.fields.conferences ? "event-error" : undefined}>
          <legend>Co-located with</legend>
          {form.members.length === 0 && <p>No other conference yet.</p>}
          {form.members.map(m => (
            <label class="check" key={m.id}>
              <input
                type="checkbox"
                checked={m.keep}
                onChange={e =>
                  setForm({
                    ...form,
                    members: form.members.map(x =>
                      x.id === m.id ? { ...x, keep: e.currentTarget.checked } : x,
                    ),
                  })
                }
              />{" "}
              {m.name}
            </label>
          ))}
          {errors.fields.conferences && (
            <p id="event-error" class="error" role="alert">
              {errors.fields.conferences}
            </p>
          )}
        </fieldset>
        <div class="row">
          <div class="field">
            <label for="event-add">Add a conference of the same year</label>
            <select id="event-add" value={adding} onChange={e => setAdding(e.currentTarget.value)}>
              <option value="">Choose a conference</option>
              {candidates.map(c => (
                <option key={c.id} value={c.id}>
                  {c.name} ({formatDays(c.startsOn, c.endsOn)})
                  {c.colocatedWith.length ? ` — with ${names(c.colocatedWith)}` : ""}
                </option>
              ))}
            </select>
          </div>
          <button type="button" disabled={!adding} onClick={add}>
            Add to the event
          </button>
        </div>
        <p class="hint" id="event-summary">
          {kept.length
            ? `Saving makes ${names([self, ...kept])} one event.`
            : `Saving leaves “${self.name}” on its own.`}
          {leaving.length ? ` ${names(leaving)} will no longer be co-located with it.` : ""}
        </p>
        <button type="submit" disabled={props.busy} aria-describedby="event-summary">
          Save co-location
        </button>
        <button type="button" disabled={props.busy} onClick={() => props.onSave([self.id])}>
          Clear co-location<span class="visually-hidden"> of “{self.name}”</span>
        </button>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </form>
    </section>
  );
}

import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useClient, useMutation, useQuery, useSubscription } from "@urql/preact";
import { graphql } from "./gql";
import type { SessionKind, StudioBoardQuery, StudioProgramSessionsQuery } from "./gql/graphql";
import { Field, InputField, GeneralErrors } from "./field";
import { formErrors, type FormErrors } from "./errors";
import { useStoredState } from "./stored";
import { useLiveState } from "./live";
import { isoToZoned, zonedToIso } from "./time";
import { PersonSearchQuery, Picker, type Choice } from "./picker";

const ConferencesQuery = graphql(`
  query StudioConferences {
    conferences(first: 100) {
      nodes {
        id
        slug
        name
      }
    }
  }
`);

const BoardQuery = graphql(`
  query StudioBoard($slug: String!) {
    conference(slug: $slug) {
      id
      slug
      name
      timezone
      community {
        id
      }
      colocatedWith {
        id
        slug
        name
        community {
          id
        }
      }
      days {
        date
      }
      tracks {
        id
        name
      }
      rooms {
        id
        name
      }
    }
    communities {
      id
      name
      descendants {
        id
        name
        parent {
          id
        }
      }
    }
    topics {
      id
      name
    }
  }
`);

/** The sessions of the host program and of up to two co-located ones, 100 each. */
const ProgramSessionsQuery = graphql(`
  query StudioProgramSessions(
    $host: String!
    $second: String!
    $third: String!
    $hasSecond: Boolean!
    $hasThird: Boolean!
  ) {
    host: sessions(filter: { conference: $host }, first: 100) {
      nodes {
        ...BoardSession
      }
    }
    second: sessions(filter: { conference: $second }, first: 100) @include(if: $hasSecond) {
      nodes {
        ...BoardSession
      }
    }
    third: sessions(filter: { conference: $third }, first: 100) @include(if: $hasThird) {
      nodes {
        ...BoardSession
      }
    }
  }

  fragment BoardSession on Session {
    id
    version
    title
    kind
    room
    startsAt(timezone: "UTC")
    endsAt(timezone: "UTC")
    hostConference {
      id
    }
    programs {
      id
      name
    }
    audiences {
      id
    }
    topics {
      id
    }
    track {
      id
    }
    speakers {
      id
      name
    }
  }
`);

const CreateSessionMutation = graphql(`
  mutation StudioCreateSession($input: CreateSessionInput!) {
    createSession(input: $input) {
      session {
        id
        version
      }
    }
  }
`);

const UpdateSessionMutation = graphql(`
  mutation StudioUpdateSession($input: UpdateSessionInput!) {
    updateSession(input: $input) {
      id
      version
      title
      room
      startsAt(timezone: "UTC")
      endsAt(timezone: "UTC")
      programs {
        id
        name
      }
      topics {
        id
      }
      track {
        id
      }
      speakers {
        id
        name
      }
    }
  }
`);

/** Each change to the shown programs (the host and its co-located ones), as it commits. */
const ScheduleChangedSubscription = graphql(`
  subscription StudioScheduleChanged($slug: String!) {
    scheduleChanged(conference: $slug, includeColocated: true) {
      scheduleVersion
      conference {
        id
        scheduleVersion
      }
    }
  }
`);

/** The schedule versions of the shown programs: the board re-reads its sessions only when one rose. */
const ScheduleVersionsQuery = graphql(`
  query StudioScheduleVersions($slug: String!) {
    conference(slug: $slug) {
      id
      scheduleVersion
      colocatedWith {
        id
        scheduleVersion
      }
    }
  }
`);

const CurrentSessionQuery = graphql(`
  query StudioCurrentSession($id: ID!) {
    node(id: $id) {
      ... on Session {
        id
        version
        title
        room
        startsAt(timezone: "UTC")
        endsAt(timezone: "UTC")
      }
    }
  }
`);

type Conference = NonNullable<StudioBoardQuery["conference"]>;
type BoardSession = StudioProgramSessionsQuery["host"]["nodes"][number];

const KINDS: SessionKind[] = ["TALK", "KEYNOTE", "TUTORIAL", "PANEL", "WORKSHOP"];
const NO_ROOM = "";
/** The room select's value for “another room”, typed in (room names never start with a space). */
const NEW_ROOM = " new";
/** While the live socket is down: how often the board asks whether a shown program changed, in ms. */
const POLL_MS = 1500;
/**
 * How long after a trigger (a change heard, a reconnect) the board checks the versions, in ms: it
 * folds the twin events of a combined session into one check, and gives a fresh connection's
 * subscription time to reach the hub before the catch-up read.
 */
const SETTLE_MS = 250;

/** The values a session form edits, as strings in the event's zone. */
interface SessionFormValues {
  title: string;
  kind: SessionKind;
  date: string;
  start: string;
  end: string;
  room: string;
  /** Whether `room` is a new room's name typed in, rather than one of the venue's rooms. */
  newRoom: boolean;
  track: string;
  programs: string[];
  audiences: string[];
  topics: string[];
  speakers: Choice[];
}

/** What a move or edit tried to do, kept for the conflict screen. */
interface Attempt {
  id: string;
  title: string;
  changes: { startsAt?: string; endsAt?: string; room?: string | null; title?: string };
  /** The board's values when the change was made. */
  yours: { room: string | null; startsAt: string };
}

/** Picks a conference, then shows its board. */
export function ProgramBoard({ slug }: { slug: string | null }) {
  const [{ data }] = useQuery({ query: ConferencesQuery });
  const chosen = slug ?? data?.conferences.nodes[0]?.slug ?? null;
  return (
    <main id="main" class="wide">
      <h1>Program board</h1>
      <div class="field inline">
        <label for="board-conference">Conference</label>
        <select
          id="board-conference"
          value={chosen ?? ""}
          onChange={e => (location.hash = `#/board/${e.currentTarget.value}`)}
        >
          {data?.conferences.nodes.map(c => (
            <option key={c.id} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {chosen && <Board slug={chosen} />}
    </main>
  );
}

function Board({ slug }: { slug: string }) {
  const client = useClient();
  const [{ data, error }] = useQuery({ query: BoardQuery, variables: { slug } });
  const others = data?.conference?.colocatedWith ?? [];
  const [sessions, reload] = useQuery({
    query: ProgramSessionsQuery,
    pause: !data?.conference,
    variables: {
      host: slug,
      second: others[0]?.slug ?? "",
      third: others[1]?.slug ?? "",
      hasSecond: others.length > 0,
      hasThird: others.length > 1,
    },
  });
  const [, update] = useMutation(UpdateSessionMutation);
  const [editing, setEditing] = useState<BoardSession | "new" | null>(null);
  const [conflict, setConflict] = useState<{
    attempt: Attempt;
    current: Attempt["yours"] & { version: number };
  } | null>(null);
  const [status, setStatus] = useState("");
  const [moveError, setMoveError] = useState<FormErrors | null>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number; moving: boolean } | null>(
    null,
  );
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const moveRef = useRef<((s: BoardSession, day: string, room: string) => Promise<void>) | null>(
    null,
  );

  // Live: other editors' changes arrive without a reload (paused while a form is open). The board
  // subscribes to the shown programs' changes over the WebSocket; on each change heard, on every
  // (re)connection (to catch up on what was missed while down) and when a form closes, it reads the
  // programs' schedule versions once and re-reads its sessions when one of them rose. Only while the
  // socket is down does it poll the versions instead.
  const live = useLiveState();
  const [heard] = useSubscription(
    { query: ScheduleChangedSubscription, variables: { slug } },
    (count: number | undefined) => (count ?? 0) + 1,
  );
  const seenVersions = useRef<string | null>(null);
  useEffect(() => {
    if (editing || conflict) return;
    let stopped = false;
    const check = async () => {
      const result = await client
        .query(ScheduleVersionsQuery, { slug }, { requestPolicy: "network-only" })
        .toPromise();
      const shown = result.data?.conference;
      if (stopped || !shown) return;
      const versions = [shown, ...shown.colocatedWith]
        .map(c => `${c.id}:${c.scheduleVersion}`)
        .join(",");
      // The first answer also re-reads once: a change made before it would otherwise be missed.
      if (seenVersions.current !== versions) {
        reload({ requestPolicy: "network-only" });
      }
      seenVersions.current = versions;
    };
    const settle = setTimeout(() => void check(), SETTLE_MS);
    const poll = live.connected ? undefined : setInterval(() => void check(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(settle);
      clearInterval(poll);
    };
  }, [editing, conflict, reload, client, slug, live.connected, live.connections, heard.data]);

  // Drag and drop with pointer events (mouse, pen and touch alike): a card follows the pointer to a
  // cell; releasing it there moves the session to that day and room.
  useEffect(() => {
    if (!drag) return;
    const cellAt = (x: number, y: number) =>
      document.elementFromPoint(x, y)?.closest<HTMLElement>("td[data-day]") ?? null;
    const onMove = (e: PointerEvent) => {
      if (!drag.moving && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 6) return;
      if (!drag.moving) setDrag({ ...drag, moving: true });
      const cell = cellAt(e.clientX, e.clientY);
      setDropTarget(cell ? `${cell.dataset.day}|${cell.dataset.room}` : null);
    };
    const onUp = (e: PointerEvent) => {
      const cell = drag.moving ? cellAt(e.clientX, e.clientY) : null;
      const session = grid?.byId.get(drag.id);
      setDrag(null);
      setDropTarget(null);
      if (cell && session) {
        void moveRef.current?.(session, cell.dataset.day!, cell.dataset.room ?? NO_ROOM);
      }
    };
    addEventListener("pointermove", onMove);
    addEventListener("pointerup", onUp);
    return () => {
      removeEventListener("pointermove", onMove);
      removeEventListener("pointerup", onUp);
    };
  });

  const conference = data?.conference;
  const programs = sessions.data;
  const grid = useMemo(
    () => (conference && programs ? buildGrid(conference, programs) : null),
    [conference, programs],
  );
  const failed = error ?? sessions.error;
  if (failed && !grid) return <GeneralErrors messages={formErrors(failed).general} />;
  if (!conference || !grid) return <p>Loading…</p>;
  const zone = conference.timezone;

  /** Sends a change with the version the board holds; a CONFLICT opens the conflict screen. */
  const send = async (attempt: Attempt, version: number) => {
    const res = await update({ input: { id: attempt.id, version, ...attempt.changes } });
    const code = res.error?.graphQLErrors[0]?.extensions?.code;
    if (code === "CONFLICT") {
      const now = await client
        .query(CurrentSessionQuery, { id: attempt.id }, { requestPolicy: "network-only" })
        .toPromise();
      const node = now.data?.node;
      if (node && "version" in node) {
        setConflict({
          attempt,
          current: { room: node.room ?? null, startsAt: node.startsAt, version: node.version },
        });
      }
      return false;
    }
    if (res.error) {
      setMoveError(formErrors(res.error));
      return false;
    }
    setMoveError(null);
    return true;
  };

  const move = async (session: BoardSession, day: string, room: string) => {
    const from = isoToZoned(session.startsAt, zone);
    const startsAt = zonedToIso(day, from.time, zone);
    const duration = Date.parse(session.endsAt) - Date.parse(session.startsAt);
    const endsAt = new Date(Date.parse(startsAt) + duration).toISOString();
    const attempt: Attempt = {
      id: session.id,
      title: session.title,
      changes: { startsAt, endsAt, room: room || null },
      yours: { room: session.room ?? null, startsAt: session.startsAt },
    };
    if (await send(attempt, session.version)) {
      setStatus(`Moved “${session.title}” to ${room || "no room"} on ${day}.`);
    }
  };
  moveRef.current = move;

  const onKeyMove = (
    event: KeyboardEvent,
    session: BoardSession,
    dayIndex: number,
    roomIndex: number,
  ) => {
    if (!event.altKey) return;
    let d = dayIndex;
    let r = roomIndex;
    if (event.key === "ArrowLeft") r -= 1;
    else if (event.key === "ArrowRight") r += 1;
    else if (event.key === "ArrowUp") d -= 1;
    else if (event.key === "ArrowDown") d += 1;
    else return;
    event.preventDefault();
    if (d < 0 || d >= grid.days.length || r < 0 || r >= grid.rooms.length) return;
    void move(session, grid.days[d], grid.rooms[r]);
  };

  return (
    <>
      <p class="hint" id="board-keys">
        Drag a session to another day or room, or focus it and press Alt + arrow keys. Enter edits.
      </p>
      <p role="status" class="status">
        {status}
      </p>
      {moveError && (
        <GeneralErrors messages={moveError.general.concat(Object.values(moveError.fields))} />
      )}
      <button type="button" onClick={() => setEditing("new")}>
        New session
      </button>
      {conflict && (
        <ConflictScreen
          conflict={conflict}
          zone={zone}
          onReapply={async () => {
            const ok = await send(conflict.attempt, conflict.current.version);
            if (ok) {
              setConflict(null);
              setStatus(`Your change to “${conflict.attempt.title}” was reapplied.`);
              reload({ requestPolicy: "network-only" });
            }
          }}
          onDiscard={() => {
            setConflict(null);
            setEditing(null);
            setStatus(`Your change to “${conflict.attempt.title}” was discarded.`);
            reload({ requestPolicy: "network-only" });
          }}
        />
      )}
      {editing && !conflict && (
        <SessionForm
          conference={conference}
          communities={data.communities}
          topics={data.topics}
          days={grid.days}
          session={editing === "new" ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={message => {
            setEditing(null);
            setStatus(message);
            reload({ requestPolicy: "network-only" });
          }}
          onConflictingSave={async attempt => {
            if (editing !== "new") await send(attempt, editing.version);
          }}
        />
      )}
      <div class="board-scroll">
        <table class="board" aria-describedby="board-keys">
          <caption>
            {conference.name}
            {conference.colocatedWith.length > 0 &&
              ` with ${conference.colocatedWith.map(c => c.name).join(", ")}`}{" "}
            ({zone})
          </caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {grid.rooms.map(room => (
                <th scope="col" key={room}>
                  {room || "No room"}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.days.map((day, dayIndex) => (
              <tr key={day}>
                <th scope="row">{formatDay(day)}</th>
                {grid.rooms.map((room, roomIndex) => (
                  <td
                    key={room}
                    data-day={day}
                    data-room={room}
                    class={dropTarget === `${day}|${room}` ? "drop-target" : undefined}
                  >
                    <ul class="cell" aria-label={`${formatDay(day)}, ${room || "no room"}`}>
                      {(grid.cells.get(`${day}|${room}`) ?? []).map(s => (
                        <li
                          key={s.id}
                          class={`card${drag?.moving && drag.id === s.id ? " dragging" : ""}`}
                          tabIndex={0}
                          aria-label={`${s.title}, ${isoToZoned(s.startsAt, zone).time}, ${s.programs.map(p => p.name).join(" and ")}`}
                          onPointerDown={e => {
                            if (e.button !== 0) return;
                            e.preventDefault();
                            e.currentTarget.focus();
                            setDrag({ id: s.id, x: e.clientX, y: e.clientY, moving: false });
                          }}
                          onKeyDown={e => {
                            if (e.key === "Enter") setEditing(s);
                            else onKeyMove(e, s, dayIndex, roomIndex);
                          }}
                        >
                          <span class="time">
                            {isoToZoned(s.startsAt, zone).time}–{isoToZoned(s.endsAt, zone).time}
                          </span>{" "}
                          <strong>{s.title}</strong>
                          <span class="programs">
                            {s.programs.map(p => (
                              <span class="program" key={p.id}>
                                {p.name}
                              </span>
                            ))}
                          </span>
                          {s.speakers.length > 0 && (
                            <span class="speakers">{s.speakers.map(p => p.name).join(", ")}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Sessions of the host and its co-located programs, each once, by day (event zone) and room. */
function buildGrid(conference: Conference, programs: StudioProgramSessionsQuery) {
  const byId = new Map<string, BoardSession>();
  const dates = new Set(conference.days.map(d => d.date));
  for (const list of [programs.host, programs.second, programs.third]) {
    for (const s of list?.nodes ?? []) byId.set(s.id, s);
  }
  const rooms = new Set<string>();
  const cells = new Map<string, BoardSession[]>();
  for (const s of byId.values()) {
    const day = isoToZoned(s.startsAt, conference.timezone).date;
    dates.add(day);
    const room = s.room ?? NO_ROOM;
    rooms.add(room);
    const key = `${day}|${room}`;
    cells.set(key, [...(cells.get(key) ?? []), s]);
  }
  for (const list of cells.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  rooms.add(NO_ROOM);
  return {
    byId,
    days: [...dates].sort(),
    rooms: [...rooms].sort((a, b) => (a === NO_ROOM ? 1 : b === NO_ROOM ? -1 : a.localeCompare(b))),
    cells,
  };
}

function formatDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

function ConflictScreen(props: {
  conflict: { attempt: Attempt; current: Attempt["yours"] & { version: number } };
  zone: string;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { attempt, current } = props.conflict;
  const show = (room: string | null | undefined, startsAt: string | undefined) =>
    startsAt
      ? `${room || "no room"}, ${isoToZoned(startsAt, props.zone).date} ${isoToZoned(startsAt, props.zone).time}`
      : room || "no room";
  return (
    <section
      class="conflict"
      role="alertdialog"
      aria-labelledby="conflict-heading"
      aria-describedby="conflict-text"
    >
      <h2 id="conflict-heading">Someone else changed “{attempt.title}”</h2>
      <p id="conflict-text">
        Your change was not saved, and nothing was overwritten. Compare, then reapply your change or
        discard it.
      </p>
      <dl>
        <dt>When you started</dt>
        <dd>{show(attempt.yours.room, attempt.yours.startsAt)}</dd>
        <dt>Now (version {current.version})</dt>
        <dd>{show(current.room, current.startsAt)}</dd>
        <dt>Your change</dt>
        <dd>
          {show(
            attempt.changes.room ?? attempt.yours.room,
            attempt.changes.startsAt ?? attempt.yours.startsAt,
          )}
          {attempt.changes.title && attempt.changes.title !== attempt.title
            ? `, titled “${attempt.changes.title}”`
            : ""}
        </dd>
      </dl>
      <button type="button" onClick={props.onReapply}>
        Reapply my change
      </button>
      <button type="button" onClick={props.onDiscard}>
        Discard my change
      </button>
    </section>
  );
}

/** Creates or edits a session; unsaved values survive a reload. */
function SessionForm(props: {
  conference: Conference;
  communities: StudioBoardQuery["communities"];
  topics: StudioBoardQuery["topics"];
  days: string[];
  session: BoardSession | null;
  onCancel: () => void;
  onSaved: (message: string) => void;
  onConflictingSave: (attempt: Attempt) => Promise<void>;
}) {
  const { conference, session } = props;
  const zone = conference.timezone;
  const initial: SessionFormValues = session
    ? {
        title: session.title,
        kind: session.kind,
        date: isoToZoned(session.startsAt, zone).date,
        start: isoToZoned(session.startsAt, zone).time,
        end: isoToZoned(session.endsAt, zone).time,
        room: session.room ?? "",
        newRoom: !!session.room && !conference.rooms.some(r => r.name === session.room),
        track: session.track?.id ?? "",
        programs: session.programs.map(p => p.id),
        audiences: session.audiences.map(a => a.id),
        topics: session.topics.map(t => t.id),
        speakers: session.speakers,
      }
    : {
        title: "",
        kind: "TALK",
        date: props.days[0] ?? "",
        start: "10:00",
        end: "11:00",
        room: "",
        newRoom: conference.rooms.length === 0,
        track: "",
        programs: [conference.id],
        audiences: [conference.community.id],
        topics: [],
        speakers: [],
      };
  const [form, setForm, clear] = useStoredState(
    `session:v2:${session?.id ?? `new:${conference.id}`}`,
    initial,
  );
  const [created, create] = useMutation(CreateSessionMutation);
  const [updated, update] = useMutation(UpdateSessionMutation);
  const errors = formErrors(created.error ?? updated.error);
  const set = (patch: Partial<SessionFormValues>) => setForm({ ...form, ...patch });
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter(x => x !== id) : [...list, id];
  const programs = [conference, ...conference.colocatedWith];
  const audiences = indented(props.communities);

  const submit = async (event: Event) => {
    event.preventDefault();
    const startsAt = zonedToIso(form.date, form.start, zone);
    const endsAt = zonedToIso(form.date, form.end, zone);
    const common = {
      title: form.title,
      kind: form.kind,
      startsAt,
      endsAt,
      room: form.room || null,
      programs: form.programs,
      audiences: form.audiences,
      topics: form.topics,
      speakers: form.speakers.map(p => p.id),
      ...(conference.tracks.length ? { track: form.track || null } : {}),
    };
    if (!session) {
      const res = await create({ input: { ...common, hostConference: conference.id } });
      if (res.data) {
        clear();
        props.onSaved(`Created “${form.title}”.`);
      }
      return;
    }
    const res = await update({ input: { id: session.id, version: session.version, ...common } });
    if (res.error?.graphQLErrors[0]?.extensions?.code === "CONFLICT") {
      await props.onConflictingSave({
        id: session.id,
        title: session.title,
        changes: { title: form.title, startsAt, endsAt, room: form.room || null },
        yours: { room: session.room ?? null, startsAt: session.startsAt },
      });
      return;
    }
    if (res.data) {
      clear();
      props.onSaved(`Saved “${form.title}”.`);
    }
  };

  return (
    <form class="session-form" onSubmit={submit} aria-labelledby="session-form-heading">
      <h2 id="session-form-heading">{session ? `Edit “${session.title}”` : "New session"}</h2>
      <GeneralErrors
        messages={errors.general.concat(
          ["startsAt", "endsAt", "hostConference", "topics"].flatMap(f => errors.fields[f] ?? []),
        )}
      />
      <InputField
        id="session-title"
        label="Title"
        error={errors.fields.title}
        required
        value={form.title}
        onValue={value => set({ title: value })}
      />
      <div class="row">
        <Field id="session-kind" label="Kind" error={errors.fields.kind}>
          {describedBy => (
            <select
              id="session-kind"
              value={form.kind}
              aria-describedby={describedBy}
              onChange={e => set({ kind: e.currentTarget.value as SessionKind })}
            >
              {KINDS.map(k => (
                <option key={k} value={k}>
                  {k.charAt(0) + k.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="session-date" label="Day" error={errors.fields.date}>
          {describedBy => (
            <select
              id="session-date"
              value={form.date}
              aria-describedby={describedBy}
              onChange={e => set({ date: e.currentTarget.value })}
            >
              {props.days.map(d => (
                <option key={d} value={d}>
                  {formatDay(d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="session-start" label="Starts" error={errors.fields.startsAt}>
          {describedBy => (
            <input
              id="session-start"
              type="time"
              required
              value={form.start}
              aria-describedby={describedBy}
              onInput={e => set({ start: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id="session-end" label="Ends" error={errors.fields.endsAt}>
          {describedBy => (
            <input
              id="session-end"
              type="time"
              required
              value={form.end}
              aria-describedby={describedBy}
              onInput={e => set({ end: e.currentTarget.value })}
            />
          )}
        </Field>
        {conference.rooms.length > 0 && (
          <Field
            id="session-room"
            label="Room"
            error={form.newRoom ? undefined : errors.fields.room}
          >
            {describedBy => (
              <select
                id="session-room"
                value={form.newRoom ? NEW_ROOM : form.room}
                aria-describedby={describedBy}
                onChange={e => {
                  const room = e.currentTarget.value;
                  set(room === NEW_ROOM ? { newRoom: true, room: "" } : { newRoom: false, room });
                }}
              >
                <option value="">No room</option>
                {conference.rooms.map(r => (
                  <option key={r.id} value={r.name}>
                    {r.name}
                  </option>
                ))}
                <option value={NEW_ROOM}>Another room…</option>
              </select>
            )}
          </Field>
        )}
        {form.newRoom && (
          <Field
            id="session-new-room"
            label={conference.rooms.length ? "New room's name" : "Room"}
            error={errors.fields.room}
          >
            {(describedBy, invalid) => (
              <input
                id="session-new-room"
                value={form.room}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onInput={e => set({ room: e.currentTarget.value })}
              />
            )}
          </Field>
        )}
        {conference.tracks.length > 0 && (
          <Field id="session-track" label="Track" error={errors.fields.track}>
            {describedBy => (
              <select
                id="session-track"
                value={form.track}
                aria-describedby={describedBy}
                onChange={e => set({ track: e.currentTarget.value })}
              >
                <option value="">No track</option>
                {conference.tracks.map(t => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <fieldset>
        <legend>Programs</legend>
        {programs.map(c => (
          <label class="check" key={c.id}>
            <input
              type="checkbox"
              checked={form.programs.includes(c.id)}
              disabled={c.id === conference.id}
              onChange={() => set({ programs: toggle(form.programs, c.id) })}
            />{" "}
            {c.name}
          </label>
        ))}
        {errors.fields.programs && <p class="error">{errors.fields.programs}</p>}
      </fieldset>
      <fieldset>
        <legend>Audiences</legend>
        {audiences.map(({ community: c, depth }) => (
          <label class={`check depth-${Math.min(depth, 3)}`} key={c.id}>
            <input
              type="checkbox"
              checked={form.audiences.includes(c.id)}
              onChange={() => set({ audiences: toggle(form.audiences, c.id) })}
            />{" "}
            {c.name}
          </label>
        ))}
        {errors.fields.audiences && <p class="error">{errors.fields.audiences}</p>}
      </fieldset>
      {props.topics.length > 0 && (
        <fieldset>
          <legend>Topics</legend>
          <div class="checks">
            {props.topics.map(t => (
              <label class="check" key={t.id}>
                <input
                  type="checkbox"
                  checked={form.topics.includes(t.id)}
                  onChange={() => set({ topics: toggle(form.topics, t.id) })}
                />{" "}
                {t.name}
              </label>
            ))}
          </div>
          {errors.fields.topics && <p class="error">{errors.fields.topics}</p>}
        </fieldset>
      )}
      <Picker
        id="session-speakers"
        legend="Speakers, in order"
        searchLabel="Find a speaker by name"
        query={PersonSearchQuery}
        results={d => d.people.nodes}
        value={form.speakers}
        onChange={speakers => set({ speakers })}
        ordered
        error={errors.fields.speakers}
      />
      <button type="submit" disabled={created.fetching || updated.fetching}>
        {session ? "Save session" : "Create session"}
      </button>
      <button
        type="button"
        onClick={() => {
          clear();
          props.onCancel();
        }}
      >
        Cancel
      </button>
    </form>
  );
}

/** Root communities, each followed by those below it (depth-first), with how deep each sits. */
function indented(
  roots: StudioBoardQuery["communities"],
): { community: { id: string; name: string }; depth: number }[] {
  return roots.flatMap(root => {
    const depth = new Map<string, number>([[root.id, 0]]);
    return [
      { community: root, depth: 0 },
      ...root.descendants.map(c => {
        const d = (depth.get(c.parent?.id ?? root.id) ?? 0) + 1;
        depth.set(c.id, d);
        return { community: c, depth: d };
      }),
    ];
  });
}

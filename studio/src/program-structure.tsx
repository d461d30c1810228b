import { useState } from "preact/hooks";
import { useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import { Field, GeneralErrors } from "./field";
import { formErrors, type FormErrors } from "./errors";
import { useStoredState } from "./stored";

const StructureQuery = graphql(`
  query StudioConferenceStructure($id: ID!) {
    node(id: $id) {
      ... on Conference {
        id
        tracks {
          id
          version
          name
          slug
          color
        }
        rooms {
          id
          version
          name
          capacity
          position
        }
      }
    }
  }
`);

const CreateTrackMutation = graphql(`
  mutation StudioCreateTrack($input: CreateTrackInput!) {
    createTrack(input: $input) {
      id
      version
      name
      slug
      color
    }
  }
`);

const UpdateTrackMutation = graphql(`
  mutation StudioUpdateTrack($input: UpdateTrackInput!) {
    updateTrack(input: $input) {
      id
      version
      name
      slug
      color
    }
  }
`);

const CreateRoomMutation = graphql(`
  mutation StudioCreateRoom($input: CreateRoomInput!) {
    createRoom(input: $input) {
      id
      version
      name
      capacity
      position
    }
  }
`);

const UpdateRoomMutation = graphql(`
  mutation StudioUpdateRoom($input: UpdateRoomInput!) {
    updateRoom(input: $input) {
      id
      version
      name
      capacity
      position
    }
  }
`);

const NO_COLOUR = "#20304a";

/** A CONFLICT says plainly that nothing was overwritten; other errors go by field. */
function explain(errors: FormErrors, code: unknown): FormErrors {
  if (code !== "CONFLICT") return errors;
  return {
    ...errors,
    general: [
      "Someone else changed this since you loaded it. Nothing was overwritten; the list now shows their version, so check it and save again.",
    ],
  };
}

/** A conference's tracks and its venue's rooms: add one, rename or re-colour, each versioned. */
export function TracksAndRooms({ conferenceId }: { conferenceId: string }) {
  const [{ data }, reload] = useQuery({ query: StructureQuery, variables: { id: conferenceId } });
  const node = data?.node && "tracks" in data.node ? data.node : null;
  const refresh = () => reload({ requestPolicy: "network-only" });
  return (
    <section aria-labelledby="structure-heading">
      <h2 id="structure-heading">Tracks and rooms</h2>
      <div class="structure">
        <section aria-labelledby="tracks-heading">
          <h3 id="tracks-heading">Tracks</h3>
          <ul class="plain">
            {node?.tracks.map(t => (
              <li key={t.id}>
                <TrackEditor track={t} onConflict={refresh} />
              </li>
            ))}
          </ul>
          <NewTrack conferenceId={conferenceId} onAdded={refresh} />
        </section>
        <section aria-labelledby="rooms-heading">
          <h3 id="rooms-heading">Rooms at the venue</h3>
          <p class="hint">Rooms belong to the venue: conferences held there share them.</p>
          <ul class="plain">
            {node?.rooms.map(r => (
              <li key={r.id}>
                <RoomEditor room={r} onConflict={refresh} />
              </li>
            ))}
          </ul>
          <NewRoom conferenceId={conferenceId} onAdded={refresh} />
        </section>
      </div>
    </section>
  );
}

function NewTrack({ conferenceId, onAdded }: { conferenceId: string; onAdded: () => void }) {
  const [form, setForm, clear] = useStoredState(`track:${conferenceId}`, {
    name: "",
    color: NO_COLOUR,
  });
  const [result, create] = useMutation(CreateTrackMutation);
  const errors = formErrors(result.error);
  return (
    <form
      class="row"
      aria-label="Add a track"
      onSubmit={async e => {
        e.preventDefault();
        const res = await create({ input: { conference: conferenceId, ...form } });
        if (res.data) {
          clear();
          onAdded();
        }
      }}
    >
      <GeneralErrors messages={errors.general} />
      <Field id="new-track-name" label="New track" error={errors.fields.name}>
        {(describedBy, invalid) => (
          <input
            id="new-track-name"
            required
            value={form.name}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => setForm({ ...form, name: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="new-track-color" label="Colour" error={errors.fields.color}>
        {describedBy => (
          <input
            id="new-track-color"
            type="color"
            value={form.color}
            aria-describedby={describedBy}
            onInput={e => setForm({ ...form, color: e.currentTarget.value })}
          />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Add track
      </button>
    </form>
  );
}

function TrackEditor(props: {
  track: { id: string; version: number; name: string; color?: string | null };
  onConflict: () => void;
}) {
  const { track } = props;
  const [name, setName] = useState(track.name);
  const [color, setColor] = useState(track.color ?? NO_COLOUR);
  const [result, update] = useMutation(UpdateTrackMutation);
  const errors = explain(
    formErrors(result.error),
    result.error?.graphQLErrors[0]?.extensions?.code,
  );
  const id = `track-${track.id.replace(/\W/g, "")}`;
  return (
    <form
      class="row"
      aria-label={`Track “${track.name}”`}
      onSubmit={async e => {
        e.preventDefault();
        const res = await update({ input: { id: track.id, version: track.version, name, color } });
        if (res.error?.graphQLErrors[0]?.extensions?.code === "CONFLICT") props.onConflict();
      }}
    >
      <GeneralErrors messages={errors.general} />
      <Field id={`${id}-name`} label="Track name" error={errors.fields.name}>
        {(describedBy, invalid) => (
          <input
            id={`${id}-name`}
            required
            value={name}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${id}-color`} label="Colour" error={errors.fields.color}>
        {describedBy => (
          <input
            id={`${id}-color`}
            type="color"
            value={color}
            aria-describedby={describedBy}
            onInput={e => setColor(e.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Save<span class="visually-hidden"> track “{track.name}”</span>
      </button>
    </form>
  );
}

function NewRoom({ conferenceId, onAdded }: { conferenceId: string; onAdded: () => void }) {
  const [form, setForm, clear] = useStoredState(`room:${conferenceId}`, {
    name: "",
    capacity: "",
  });
  const [result, create] = useMutation(CreateRoomMutation);
  const errors = formErrors(result.error);
  return (
    <form
      class="row"
      aria-label="Add a room"
      onSubmit={async e => {
        e.preventDefault();
        const res = await create({
          input: {
            conference: conferenceId,
            name: form.name,
            capacity: form.capacity.trim() === "" ? null : Number(form.capacity),
          },
        });
        if (res.data) {
          clear();
          onAdded();
        }
      }}
    >
      <GeneralErrors messages={errors.general} />
      <Field id="new-room-name" label="New room" error={errors.fields.name}>
        {(describedBy, invalid) => (
          <input
            id="new-room-name"
            required
            value={form.name}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => setForm({ ...form, name: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="new-room-capacity" label="Seats" error={errors.fields.capacity}>
        {(describedBy, invalid) => (
          <input
            id="new-room-capacity"
            type="number"
            min={0}
            size={6}
            value={form.capacity}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => setForm({ ...form, capacity: e.currentTarget.value })}
          />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Add room
      </button>
    </form>
  );
}

function RoomEditor(props: {
  room: { id: string; version: number; name: string; capacity?: number | null; position: number };
  onConflict: () => void;
}) {
  const { room } = props;
  const [name, setName] = useState(room.name);
  const [capacity, setCapacity] = useState(room.capacity == null ? "" : String(room.capacity));
  const [result, update] = useMutation(UpdateRoomMutation);
  const errors = explain(
    formErrors(result.error),
    result.error?.graphQLErrors[0]?.extensions?.code,
  );
  const id = `room-${room.id.replace(/\W/g, "")}`;
  return (
    <form
      class="row"
      aria-label={`Room “${room.name}”`}
      onSubmit={async e => {
        e.preventDefault();
        const res = await update({
          input: {
            id: room.id,
            version: room.version,
            name,
            capacity: capacity.trim() === "" ? null : Number(capacity),
          },
        });
        if (res.error?.graphQLErrors[0]?.extensions?.code === "CONFLICT") props.onConflict();
      }}
    >
      <GeneralErrors messages={errors.general} />
      <Field id={`${id}-name`} label="Room name" error={errors.fields.name}>
        {(describedBy, invalid) => (
          <input
            id={`${id}-name`}
            required
            value={name}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={`${id}-capacity`} label="Seats" error={errors.fields.capacity}>
        {(describedBy, invalid) => (
          <input
            id={`${id}-capacity`}
            type="number"
            min={0}
            size={6}
            value={capacity}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={e => setCapacity(e.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={result.fetching}>
        Save<span class="visually-hidden"> room “{room.name}”</span>
      </button>
    </form>
  );
}

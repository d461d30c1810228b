import { useState } from "preact/hooks";
import { useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import { GeneralErrors, InputField } from "./field";
import type { CombinedError } from "@urql/core";
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

/** `""` → null (unknown), else the number typed. */
const count = (text: string) => (text.trim() === "" ? null : Number(text));

const isConflict = (error: CombinedError | undefined) =>
  error?.graphQLErrors[0]?.extensions?.code === "CONFLICT";

/** A CONFLICT says plainly that nothing was overwritten; other errors go by field. */
function explain(error: CombinedError | undefined): FormErrors {
  const errors = formErrors(error);
  if (!isConflict(error)) return errors;
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
  const empty = { name: "", color: NO_COLOUR };
  const [form, setForm, clear] = useStoredState(`track:${conferenceId}`, empty);
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
      <InputField
        id="new-track-name"
        label="New track"
        required
        error={errors.fields.name}
        value={form.name}
        onValue={name => setForm({ ...form, name })}
      />
      <InputField
        id="new-track-color"
        label="Colour"
        type="color"
        error={errors.fields.color}
        value={form.color}
        onValue={color => setForm({ ...form, color })}
      />
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
  const errors = explain(result.error);
  const id = `track-${track.id.replace(/\W/g, "")}`;
  return (
    <form
      class="row"
      aria-label={`Track “${track.name}”`}
      onSubmit={async e => {
        e.preventDefault();
        const res = await update({ input: { id: track.id, version: track.version, name, color } });
        if (isConflict(res.error)) props.onConflict();
      }}
    >
      <GeneralErrors messages={errors.general} />
      <InputField
        id={`${id}-name`}
        label="Track name"
        required
        error={errors.fields.name}
        value={name}
        onValue={setName}
      />
      <InputField
        id={`${id}-color`}
        label="Colour"
        type="color"
        error={errors.fields.color}
        value={color}
        onValue={setColor}
      />
      <button type="submit" disabled={result.fetching}>
        Save<span class="visually-hidden"> track “{track.name}”</span>
      </button>
    </form>
  );
}

function NewRoom({ conferenceId, onAdded }: { conferenceId: string; onAdded: () => void }) {
  const empty = { name: "", capacity: "" };
  const [form, setForm, clear] = useStoredState(`room:${conferenceId}`, empty);
  const [result, create] = useMutation(CreateRoomMutation);
  const errors = formErrors(result.error);
  return (
    <form
      class="row"
      aria-label="Add a room"
      onSubmit={async e => {
        e.preventDefault();
        const input = { conference: conferenceId, name: form.name, capacity: count(form.capacity) };
        const res = await create({ input });
        if (res.data) {
          clear();
          onAdded();
        }
      }}
    >
      <GeneralErrors messages={errors.general} />
      <InputField
        id="new-room-name"
        label="New room"
        required
        error={errors.fields.name}
        value={form.name}
        onValue={name => setForm({ ...form, name })}
      />
      <InputField
        id="new-room-capacity"
        label="Seats"
        type="number"
        min={0}
        error={errors.fields.capacity}
        value={form.capacity}
        onValue={capacity => setForm({ ...form, capacity })}
      />
      <button type="submit" disabled={result.fetching}>
        Add room
      </button>
    </form>
  );
}

function RoomEditor(props: {
  room: { id: string; version: number; name: string; capacity?: number | null };
  onConflict: () => void;
}) {
  const { room } = props;
  const [name, setName] = useState(room.name);
  const [capacity, setCapacity] = useState(room.capacity == null ? "" : String(room.capacity));
  const [result, update] = useMutation(UpdateRoomMutation);
  const errors = explain(result.error);
  const id = `room-${room.id.replace(/\W/g, "")}`;
  return (
    <form
      class="row"
      aria-label={`Room “${room.name}”`}
      onSubmit={async e => {
        e.preventDefault();
        const input = { id: room.id, version: room.version, name, capacity: count(capacity) };
        const res = await update({ input });
        if (isConflict(res.error)) props.onConflict();
      }}
    >
      <GeneralErrors messages={errors.general} />
      <InputField
        id={`${id}-name`}
        label="Room name"
        required
        error={errors.fields.name}
        value={name}
        onValue={setName}
      />
      <InputField
        id={`${id}-capacity`}
        label="Seats"
        type="number"
        min={0}
        error={errors.fields.capacity}
        value={capacity}
        onValue={setCapacity}
      />
      <button type="submit" disabled={result.fetching}>
        Save<span class="visually-hidden"> room “{room.name}”</span>
      </button>
    </form>
  );
}

import { useEffect, useRef, useState } from "preact/hooks";
import { useMutation, useQuery } from "@urql/preact";
import { graphql } from "./gql";
import type { CommentStatus } from "./gql/graphql";
import { GeneralErrors } from "./field";
import { formErrors } from "./errors";

const QueueQuery = graphql(`
  query StudioModerationQueue($after: String) {
    comments(status: PENDING, first: 50, after: $after) {
      nodes {
        id
        authorName
        body
        status
        version
        createdAt
        article {
          id
          title
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const ModerateMutation = graphql(`
  mutation StudioModerate($id: ID!, $status: CommentStatus!, $version: Int) {
    moderateComment(id: $id, status: $status, version: $version) {
      id
      status
      version
    }
  }
`);

const KEYS: Record<string, CommentStatus> = { a: "APPROVED", r: "REJECTED", s: "SPAM" };
const LABELS: Record<CommentStatus, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  SPAM: "Spam",
};

interface Decision {
  id: string;
  from: CommentStatus;
}

/**
 * Pending comments across every article, oldest first. Keyboard: J / ↓ next, K / ↑ previous,
 * A approve, R reject, S spam, U undo the last decision. Decided comments stay in view (marked)
 * until the queue is reloaded, so a decision can be undone.
 */
export function ModerationQueue() {
  const [{ data, fetching, error }, reload] = useQuery({ query: QueueQuery });
  const [result, moderate] = useMutation(ModerateMutation);
  const [active, setActive] = useState(0);
  const [undo, setUndo] = useState<Decision[]>([]);
  const [status, setStatus] = useState("");
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const comments = data?.comments.nodes ?? [];

  useEffect(() => {
    items.current[active]?.focus();
  }, [active]);

  const decide = async (index: number, next: CommentStatus) => {
    const comment = comments[index];
    if (!comment) return;
    const res = await moderate({ id: comment.id, status: next, version: comment.version });
    if (res.data) {
      setUndo(stack => [...stack, { id: comment.id, from: comment.status }]);
      setStatus(`${LABELS[next]}: comment by ${comment.authorName}. Press U to undo.`);
      setActive(Math.min(index + 1, comments.length - 1));
    }
  };

  const undoLast = async () => {
    const last = undo[undo.length - 1];
    if (!last) return;
    const comment = comments.find(c => c.id === last.id);
    const res = await moderate({ id: last.id, status: last.from, version: comment?.version });
    if (res.data) {
      setUndo(stack => stack.slice(0, -1));
      setStatus(`Undone: the comment is ${LABELS[last.from].toLowerCase()} again.`);
      const index = comments.findIndex(c => c.id === last.id);
      if (index >= 0) setActive(index);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as HTMLElement).closest("button")) {
      if (event.key === "Enter" || event.key === " ") return;
    }
    const key = event.key.toLowerCase();
    if (key === "j" || event.key === "ArrowDown") {
      setActive(i => Math.min(i + 1, comments.length - 1));
    } else if (key === "k" || event.key === "ArrowUp") {
      setActive(i => Math.max(i - 1, 0));
    } else if (KEYS[key]) {
      void decide(active, KEYS[key]);
    } else if (key === "u") {
      void undoLast();
    } else {
      return;
    }
    event.preventDefault();
  };

  const errors = formErrors(result.error ?? error);
  return (
    <main id="main">
      <h1>Moderation queue</h1>
      <p class="hint" id="queue-keys">
        Keyboard: J or ↓ next, K or ↑ previous, A approve, R reject, S spam, U undo.
      </p>
      <GeneralErrors messages={errors.general} />
      <p role="status" class="status">
        {status}
      </p>
      {fetching && !data && <p>Loading…</p>}
      {data && comments.length === 0 && <p>No comments are waiting. Well done.</p>}
      <ul
        class="queue"
        aria-label="Pending comments, oldest first"
        aria-describedby="queue-keys"
        onKeyDown={onKeyDown}
      >
        {comments.map((c, index) => (
          <li
            key={c.id}
            ref={el => {
              items.current[index] = el;
            }}
            tabIndex={index === active ? 0 : -1}
            class={`queue-item ${c.status === "PENDING" ? "" : "decided"}`}
            aria-label={`Comment by ${c.authorName} on ${c.article?.title ?? "an article"}, ${LABELS[c.status].toLowerCase()}`}
            onFocus={() => setActive(index)}
          >
            <p class="meta">
              <strong>{c.authorName}</strong> on <em>{c.article?.title ?? "an article"}</em> ·{" "}
              <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString()}</time> ·{" "}
              <span class={`badge badge-${c.status.toLowerCase()}`}>{LABELS[c.status]}</span>
            </p>
            <p class="body">{c.body}</p>
            <div class="actions">
              <button type="button" onClick={() => decide(index, "APPROVED")}>
                Approve
              </button>
              <button type="button" onClick={() => decide(index, "REJECTED")}>
                Reject
              </button>
              <button type="button" onClick={() => decide(index, "SPAM")}>
                Spam
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => reload({ requestPolicy: "network-only" })}>
        Reload queue
      </button>
      {undo.length > 0 && (
        <button type="button" onClick={undoLast}>
          Undo last decision
        </button>
      )}
    </main>
  );
}

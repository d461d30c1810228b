import { randomUUID } from "node:crypto";

/**
 * The domain events a committed write announces: to GraphQL subscribers (after commit, through the
 * pub/sub bus) and to webhook endpoints (through the `outbox_event` table written in the same
 * transaction). Plain, JSON-safe data; every event is public-safe, so it never carries a draft
 * article or a pending comment.
 */
export type DomainEventType =
  "schedule.changed" | "session.cancelled" | "article.published" | "comment.approved";

/** Every event type, in a stable order (for validation and documentation). */
export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = [
  "schedule.changed",
  "session.cancelled",
  "article.published",
  "comment.approved",
];

export interface DomainEvent {
  /** Unique (a UUID); also the Standard Webhooks `webhook-id`. */
  id: string;
  type: DomainEventType;
  /** ISO instant. */
  occurredAt: string;
  /** Every conference whose program the event touches (`[]` if none). */
  conferenceIds: number[];
  publicationId: number | null;
  /** The public payload: global ids and change details. */
  data: Record<string, unknown>;
}

/** Builds an event with a fresh id. */
export function domainEvent(
  type: DomainEventType,
  fields: {
    conferenceIds?: number[];
    publicationId?: number | null;
    data: Record<string, unknown>;
    occurredAt?: Date;
  },
): DomainEvent {
  return {
    id: randomUUID(),
    type,
    occurredAt: (fields.occurredAt ?? new Date()).toISOString(),
    conferenceIds: [...new Set(fields.conferenceIds ?? [])].sort((a, b) => a - b),
    publicationId: fields.publicationId ?? null,
    data: fields.data,
  };
}

/** Receives the events of one committed transaction, in the order they were emitted. */
export type CommittedListener = (events: DomainEvent[]) => void;

/** Where committed events can be heard in this process (the subscriptions' side of the bus). */
export interface EventSource {
  /** Calls `listener` with every event published from now on; returns the unsubscribe function. */
  subscribe(listener: (event: DomainEvent) => void): () => void;
}

/** The one publish/subscribe interface: in process, or through Redis across processes. */
export interface EventBus extends EventSource {
  /** Hands committed events to every subscriber (in every process, with Redis). Never throws. */
  publish(events: DomainEvent[]): void;
}

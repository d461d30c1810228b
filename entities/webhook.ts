import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from "typeorm";
import type { DomainEventType } from "../src/core/events";
import { Node } from "../src/core/node";
import { DateTimeScalar } from "../src/core/scalars";
import { BaseEntity } from "./base";

/** The events an endpoint may subscribe to; the values are the Standard Webhooks `type`s sent. */
export enum WebhookEventType {
  SCHEDULE_CHANGED = "schedule.changed",
  SESSION_CANCELLED = "session.cancelled",
  ARTICLE_PUBLISHED = "article.published",
  COMMENT_APPROVED = "comment.approved",
}

registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description: "An event a webhook endpoint can receive (sent as `type`, e.g. `schedule.changed`).",
  valuesConfig: {
    SCHEDULE_CHANGED: { description: "`schedule.changed`: a program changed." },
    SESSION_CANCELLED: { description: "`session.cancelled`: a session was cancelled." },
    ARTICLE_PUBLISHED: { description: "`article.published`: an article became public." },
    COMMENT_APPROVED: { description: "`comment.approved`: a reader's comment was approved." },
  },
});

/** Whether an endpoint receives deliveries. */
export enum WebhookStatus {
  ACTIVE = "ACTIVE",
  PAUSED = "PAUSED",
}

registerEnumType(WebhookStatus, {
  name: "WebhookStatus",
  description: "Whether a webhook endpoint receives deliveries.",
  valuesConfig: {
    ACTIVE: { description: "Deliveries are sent." },
    PAUSED: { description: "Deliveries are queued, and sent once the endpoint is resumed." },
  },
});

/** Where one delivery stands. */
export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  SENDING = "SENDING",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
}

registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where one delivery of an event to an endpoint stands.",
  valuesConfig: {
    PENDING: { description: "Waiting for its (next) attempt, at nextAttemptAt." },
    SENDING: { description: "An attempt is under way." },
    DELIVERED: { description: "The endpoint answered 2xx." },
    FAILED: { description: "Every attempt failed; `redeliver` queues it again." },
  },
});

/**
 * A URL that receives signed events (Standard Webhooks). The signing secret is stored, because every
 * delivery is signed with it, but never exposed after creation.
 */
@ObjectType({
  implements: Node,
  description:
    "An endpoint that receives events, signed as Standard Webhooks specifies. ADMIN only.",
})
@Entity({ name: "webhook_endpoint" })
export class WebhookEndpoint extends BaseEntity {
  @Field({ description: "Where events are POSTed (http or https)." })
  @Column({ type: "varchar", length: 2000 })
  url!: string;

  @Field(_type => [WebhookEventType], { description: "The events the endpoint receives." })
  @Column({ type: "simple-json" })
  events!: DomainEventType[];

  /** Only events touching these conferences; null for every conference (and events of none). */
  @Column({ type: "simple-json", nullable: true, name: "conference_ids" })
  conferenceIds!: number[] | null;

  /** `whsec_` + base64 of 32 random bytes. Never exposed after creation. */
  @Column({ type: "varchar", length: 100 })
  secret!: string;

  @Field(_type => WebhookStatus, { description: "Whether deliveries are sent." })
  @Column({ type: "varchar", length: 16, default: WebhookStatus.ACTIVE })
  status!: WebhookStatus;

  @Field({
    description:
      "True after repeated failed attempts in a row; the next successful delivery clears it.",
  })
  @Column({ type: "boolean", default: false })
  failing!: boolean;

  @Field(_type => Int, { description: "Failed attempts since the last successful delivery." })
  @Column({ type: "int", default: 0 })
  consecutiveFailures!: number;
}

/** One event to one endpoint, with its attempts. */
@ObjectType({
  implements: Node,
  description: "One event sent (or to be sent) to one webhook endpoint. ADMIN only.",
})
@Entity({ name: "webhook_delivery" })
@Index("uq_webhook_delivery_event", ["endpointId", "outboxId"], { unique: true })
@Index("ix_webhook_delivery_due", ["status", "nextAttemptAt"])
@Index("ix_webhook_delivery_endpoint", ["endpointId", "id"])
@Index("ix_webhook_delivery_finished", ["status", "lastAttemptAt"])
@Index("ix_webhook_delivery_outbox", ["outboxId"])
export class WebhookDelivery extends BaseEntity {
  @Column({ type: "int" })
  endpointId!: number;

  /** The outbox_event row delivered. */
  @Column({ type: "int" })
  outboxId!: number;

  @Field({ description: "The event's id, sent as `webhook-id` (the same on every attempt)." })
  @Column({ type: "varchar", length: 36 })
  eventId!: string;

  @Field(_type => WebhookEventType, { description: "The event's type." })
  @Column({ type: "varchar", length: 40 })
  eventType!: DomainEventType;

  @Field(_type => WebhookDeliveryStatus, { description: "Where the delivery stands." })
  @Column({ type: "varchar", length: 16 })
  status!: WebhookDeliveryStatus;

  @Field(_type => Int, { description: "Attempts made so far." })
  @Column({ type: "int", default: 0 })
  attempts!: number;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When the next attempt is due (PENDING only).",
  })
  @Column({ type: "datetime", precision: 3, nullable: true })
  nextAttemptAt!: Date | null;

  /** While SENDING: until when the claiming process owns the attempt. */
  @Column({ type: "datetime", precision: 3, nullable: true })
  leaseUntil!: Date | null;

  /** While SENDING: which dispatcher claimed it. */
  @Column({ type: "varchar", length: 64, nullable: true })
  leaseOwner!: string | null;

  @Field(_type => Int, {
    nullable: true,
    description: "The HTTP status of the last answer; null if none came (refused, timeout).",
  })
  @Column({ type: "int", nullable: true })
  responseStatus!: number | null;

  @Field(_type => String, { nullable: true, description: "Why the last attempt failed." })
  @Column({ type: "varchar", length: 500, nullable: true })
  lastError!: string | null;

  @Field(_type => DateTimeScalar, { nullable: true, description: "When the last attempt began." })
  @Column({ type: "datetime", precision: 3, nullable: true })
  lastAttemptAt!: Date | null;

  @Field(_type => DateTimeScalar, { nullable: true, description: "When the endpoint took it." })
  @Column({ type: "datetime", precision: 3, nullable: true })
  deliveredAt!: Date | null;

  @ManyToOne(() => WebhookEndpoint, { onDelete: "CASCADE" })
  @JoinColumn({ name: "endpoint_id", foreignKeyConstraintName: "fk_webhook_delivery_endpoint" })
  endpoint?: Relation<WebhookEndpoint>;
}

/**
 * Marks an outbox event as fanned out into deliveries. Its primary key makes the fan-out of one event
 * happen once, whichever process gets there first. Not exposed.
 */
@Entity({ name: "webhook_fanout" })
export class WebhookFanout {
  @PrimaryColumn({ type: "int" })
  outboxId!: number;

  @CreateDateColumn({ type: "datetime", name: "created_at" })
  createdAt!: Date;
}

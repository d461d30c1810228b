import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { DomainEventType } from "../src/core/events";

/**
 * One domain event, written by `Writer.emit` in the same transaction as the change it announces
 * (the transactional outbox): it exists exactly when the change committed. Append-only; delivery
 * state lives elsewhere, and readers follow the table by increasing `id`. Not exposed.
 */
@Entity({ name: "outbox_event" })
@Index("uq_outbox_event_event_id", ["eventId"], { unique: true })
@Index("ix_outbox_event_created", ["createdAt"])
export class OutboxEvent {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  /** The event's UUID (DomainEvent.id). */
  @Column({ type: "varchar", length: 36, name: "event_id" })
  eventId!: string;

  @Column({ type: "varchar", length: 40 })
  type!: DomainEventType;

  /** Every conference whose program the event touches, as JSON (`[]` if none). */
  @Column({ type: "simple-json", name: "conference_ids" })
  conferenceIds!: number[];

  /** The whole DomainEvent as JSON. */
  @Column({ type: "text" })
  payload!: string;

  @CreateDateColumn({ type: "datetime", name: "created_at" })
  createdAt!: Date;
}

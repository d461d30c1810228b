import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from "typeorm";
import { Session } from "./session";

/**
 * A personal agenda, kept without an account: whoever holds its secret may read and change it. Only
 * the SHA-256 hash of the secret is stored. Never listed, never counted, not a Node (no global id).
 */
@Entity({ name: "agenda" })
@Index("uq_agenda_secret_hash", ["secretHash"], { unique: true })
@Index("ix_agenda_created", ["createdAt"])
export class Agenda {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  /** SHA-256 of the secret, lowercase hex. */
  @Column({ type: "varchar", length: 64 })
  secretHash!: string;

  @CreateDateColumn({ type: "datetime", name: "created_at" })
  createdAt!: Date;
}

/** A session on an agenda. Goes with the agenda, and with the session when it is deleted. */
@Entity({ name: "agenda_session" })
@Index("ix_agenda_session_session", ["sessionId", "agendaId"])
export class AgendaSession {
  @PrimaryColumn({ type: "int" })
  agendaId!: number;

  @PrimaryColumn({ type: "int" })
  sessionId!: number;

  @CreateDateColumn({ type: "datetime", name: "added_at" })
  addedAt!: Date;

  @ManyToOne(() => Agenda, { onDelete: "CASCADE" })
  @JoinColumn({ name: "agenda_id", foreignKeyConstraintName: "fk_agenda_session_agenda" })
  agenda?: Relation<Agenda>;

  @ManyToOne(() => Session, { onDelete: "CASCADE" })
  @JoinColumn({ name: "session_id", foreignKeyConstraintName: "fk_agenda_session_session" })
  session?: Relation<Session>;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * Remembers what a create mutation sent with a `clientMutationId` produced, so that a retry returns
 * the first result instead of creating a duplicate. Written in the same transaction as the record it
 * points at; the unique index makes two concurrent first attempts collapse into one. Not exposed.
 */
@Entity({ name: "mutation_receipt" })
@Index("uq_mutation_receipt", ["scope", "clientMutationId"], { unique: true })
@Index("ix_mutation_receipt_created", ["createdAt"])
export class MutationReceipt {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  /** The mutation and the client: `createSession|token:12` or `postComment|ip:203.0.113.5`. */
  @Column({ type: "varchar", length: 120 })
  scope!: string;

  /** The id the client chose for this attempt (a UUID, say). */
  @Column({ type: "varchar", length: 100 })
  clientMutationId!: string;

  /** The id of the row the first attempt created. */
  @Column({ type: "int" })
  resultId!: number;

  @CreateDateColumn({ type: "datetime", name: "created_at" })
  createdAt!: Date;
}

import { Field, Int, ObjectType } from "type-graphql";
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from "typeorm";

/**
 * Columns every domain entity carries: a surrogate key, audit instants (UTC) and an optimistic-lock
 * version that each write increments.
 */
@ObjectType({ description: "Columns every record carries." })
export abstract class BaseEntity {
  /** Internal numeric key; the API exposes an opaque global id instead. */
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  /** Exposed through NodeFields (resolvers/node-fields.ts), which takes a `timezone`. */
  @CreateDateColumn({ type: "datetime", name: "created_at" })
  createdAt!: Date;

  /** Exposed through NodeFields, like createdAt. */
  @UpdateDateColumn({ type: "datetime", name: "updated_at" })
  updatedAt!: Date;

  @Field(_type => Int, {
    description:
      "Optimistic-lock version: increases with every change. Updates must send the version they read.",
  })
  @VersionColumn({ type: "int", default: 1 })
  version!: number;
}

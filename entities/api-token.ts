import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../src/core/node";
import { DateTimeScalar } from "../src/core/scalars";
import { BaseEntity } from "./base";
import { Role } from "./enums";

/**
 * A bearer token for the API. Only the SHA-256 hash of the secret is stored; the secret itself is
 * shown once, when the token is created. The hash is never exposed through the API.
 */
@ObjectType({
  implements: Node,
  description:
    "A bearer token for the API. The secret is shown once at creation; only its prefix is kept for display.",
})
@Entity({ name: "api_token" })
@Index("uq_api_token_hash", ["tokenHash"], { unique: true })
export class ApiToken extends BaseEntity {
  @Field({ description: "What the token is for, e.g. who holds it." })
  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Field(_type => Role, { description: "What the token may do." })
  @Column({ type: "varchar", length: 16 })
  role!: Role;

  /** SHA-256 of the token, lowercase hex. Never exposed. */
  @Column({ type: "varchar", length: 64 })
  tokenHash!: string;

  @Field({ description: "The token's first characters, to recognise it by." })
  @Column({ type: "varchar", length: 12 })
  tokenPrefix!: string;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When the token stops working; null if it never expires.",
  })
  @Column({ type: "datetime", nullable: true })
  expiresAt!: Date | null;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When the token was revoked; null while it is active.",
  })
  @Column({ type: "datetime", nullable: true })
  revokedAt!: Date | null;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When the token was last used (to the minute); null if never.",
  })
  @Column({ type: "datetime", nullable: true })
  lastUsedAt!: Date | null;

  @Field({
    description:
      "True when the token may read unpublished material but write nothing (every write is FORBIDDEN).",
  })
  @Column({ type: "boolean", default: false })
  readOnly!: boolean;

  /**
   * Ids of the conferences the token is limited to (null: all). Such a token writes only sessions
   * whose host and programs are all among them, and those conferences; other writes are FORBIDDEN.
   */
  @Column({ type: "simple-json", nullable: true })
  conferenceScope!: number[] | null;
}

import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Node } from "../src/core/node";
import { DateTimeScalar } from "../src/core/scalars";
import { BaseEntity } from "./base";
import { Role } from "./enums";

/**
 * A person who signs in to the Studio: an editor or an admin. The password is stored only as a
 * salted scrypt hash; an invited account has none until its holder accepts the invitation. Neither
 * the hash nor the invitation's secret is exposed through the API. An account may be scoped like an
 * API token (read-only, some conferences); its sessions carry that scope.
 */
@ObjectType({
  implements: Node,
  description: "An editor's or admin's account, for signing in to the Studio.",
})
@Entity({ name: "account" })
@Index("uq_account_email", ["email"], { unique: true })
@Index("uq_account_invite_hash", ["inviteHash"], { unique: true })
export class Account extends BaseEntity {
  @Field({ description: "The address the holder signs in with (lowercase)." })
  @Column({ type: "varchar", length: 254 })
  email!: string;

  @Field({ description: "The name shown to other editors." })
  @Column({ type: "varchar", length: 100 })
  displayName!: string;

  @Field(_type => Role, { description: "What the account may do." })
  @Column({ type: "varchar", length: 16 })
  role!: Role;

  @Field({
    description:
      "True when the account may read unpublished material but write nothing (every write is FORBIDDEN).",
  })
  @Column({ type: "boolean", default: false })
  readOnly!: boolean;

  /**
   * Ids of the conferences the account is limited to (null: all), with the same rules as a scoped
   * API token's: it writes only sessions whose host and programs are all among them.
   */
  @Column({ type: "simple-json", nullable: true })
  conferenceScope!: number[] | null;

  /** `scrypt$N$r$p$salt$hash` (base64url parts); null until an invitation is accepted. */
  @Column({ type: "varchar", length: 200, nullable: true })
  passwordHash!: string | null;

  /** SHA-256 of the one-time invitation secret, while the invitation is open. */
  @Column({ type: "varchar", length: 64, nullable: true })
  inviteHash!: string | null;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description:
      "Until when the invitation can be accepted; null once accepted (or never invited).",
  })
  @Column({ type: "datetime", nullable: true })
  inviteExpiresAt!: Date | null;

  /** Wrong passwords in a row since the last success or lockout. */
  @Column({ type: "int", default: 0 })
  failedSignIns!: number;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description:
      "Sign-in is refused until then, after repeated wrong passwords; null when not locked.",
  })
  @Column({ type: "datetime", nullable: true })
  lockedUntil!: Date | null;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description:
      "When an admin disabled the account (its sessions end at once); null while active.",
  })
  @Column({ type: "datetime", nullable: true })
  disabledAt!: Date | null;
}

/**
 * A signed-in browser. The cookie carries a random secret; only its SHA-256 is stored, so a copy of
 * the table cannot be replayed. Revoked on sign-out, when the account is disabled, or by an admin.
 */
@Entity({ name: "account_session" })
@Index("uq_account_session_hash", ["sessionHash"], { unique: true })
@Index("ix_account_session_account", ["accountId"])
@Index("ix_account_session_expires", ["expiresAt"])
export class AccountSession extends BaseEntity {
  @Column({ type: "int" })
  accountId!: number;

  @ManyToOne(() => Account, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "account_id", foreignKeyConstraintName: "fk_account_session_account" })
  account?: Relation<Account>;

  /** SHA-256 of the cookie's secret, lowercase hex. */
  @Column({ type: "varchar", length: 64 })
  sessionHash!: string;

  @Column({ type: "datetime" })
  expiresAt!: Date;

  @Column({ type: "datetime", nullable: true })
  revokedAt!: Date | null;
}

import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { PrimaryGeneratedColumn } from "typeorm";
import { SessionLinkKind } from "./enums";
import { Session } from "./session";

/** Material published for a session: its slides, a video, its code. Ordered by `position`. */
@ObjectType({ description: "Material published for a session: slides, a video, code." })
@Entity({ name: "session_link" })
@Index("ix_session_link_session", ["sessionId", "position"])
export class SessionLink {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "int" })
  sessionId!: number;

  @ManyToOne(() => Session, { onDelete: "CASCADE" })
  @JoinColumn({ name: "session_id", foreignKeyConstraintName: "fk_session_link_session" })
  session?: Relation<Session>;

  /** 1-based order within the session. */
  @Column({ type: "int" })
  position!: number;

  @Field(_type => SessionLinkKind, { description: "What the link leads to." })
  @Column({ type: "varchar", length: 16 })
  kind!: SessionLinkKind;

  @Field({ description: "Absolute http(s) URL." })
  @Column({ type: "varchar", length: 2000 })
  url!: string;

  @Field(_type => String, { nullable: true, description: "A title for the link, if given." })
  @Column({ type: "varchar", length: 300, nullable: true })
  title!: string | null;
}

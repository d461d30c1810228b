import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { VenueRecord } from "./venue";

/** The longest room slug. */
export const ROOM_SLUG_MAX_LENGTH = 100;

/** A room at a venue. Sessions reference it; `Session.room` keeps a copy of its name. */
@ObjectType({ implements: Node, description: "A room at a venue, where on-site sessions happen." })
@Entity({ name: "room" })
@Index("uq_room_venue_slug", ["venueId", "slug"], { unique: true })
@Index("uq_room_guid", ["guid"], { unique: true })
@Index("ix_room_venue_position", ["venueId", "position", "id"])
export class Room extends BaseEntity {
  /** The venue that has the room. */
  @Column({ type: "int" })
  venueId!: number;

  @ManyToOne(() => VenueRecord, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "venue_id", foreignKeyConstraintName: "fk_room_venue" })
  venue?: Relation<VenueRecord>;

  @Field({ description: "Display name, e.g. `Ballroom`." })
  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Field({ description: "URL-safe key, unique within the venue." })
  @Column({ type: "varchar", length: ROOM_SLUG_MAX_LENGTH })
  slug!: string;

  @Field(_type => Int, { nullable: true, description: "How many people the room seats, if known." })
  @Column({ type: "int", nullable: true })
  capacity!: number | null;

  @Field({
    description: "A UUID that never changes, for schedule apps (the frab room `guid`).",
  })
  @Column({ type: "varchar", length: 36 })
  guid!: string;

  @Field(_type => Int, { description: "Where the room sorts in its venue's list (lowest first)." })
  @Column({ type: "int", default: 0 })
  position!: number;
}

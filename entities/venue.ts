import { Column, Entity, Index } from "typeorm";
import { BaseEntity } from "./base";

/**
 * A physical venue, which owns rooms. A conference's venue is the row with the same name, city and
 * country as the conference's venue columns, so co-located conferences at one hotel share its rooms,
 * and a conference that moves elsewhere leaves the old venue's rooms where they are.
 */
@Entity({ name: "venue" })
@Index("uq_venue_place", ["name", "city", "country"], { unique: true })
export class VenueRecord extends BaseEntity {
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Column({ type: "varchar", length: 100 })
  city!: string;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column({ type: "varchar", length: 2 })
  country!: string;
}

import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { Room, VenueRecord } from "../../entities";
import { ROOM_SLUG_MAX_LENGTH } from "../../entities/room";
import { slugify } from "../core/slug";
import { withFields } from "../core/objects";

/** Where a venue is: a conference's venue columns. */
export interface Place {
  venueName: string;
  venueCity: string;
  venueCountry: string;
}

/** What findOrCreateRoom made, for callers that count their inserts. */
export interface Made {
  venue?: boolean;
  room?: boolean;
}

/** The venue row for a place, made when missing. */
export async function findOrCreateVenue(
  manager: EntityManager,
  place: Place,
  made: Made = {},
): Promise<VenueRecord> {
  const key = {
    name: place.venueName,
    city: place.venueCity,
    country: place.venueCountry.toUpperCase(),
  };
  const found = await manager.findOneBy(VenueRecord, key);
  if (found) return found;
  await manager.insert(VenueRecord, withFields({}, key));
  made.venue = true;
  return manager.findOneByOrFail(VenueRecord, key);
}

/**
 * The room called `name` at the place's venue, made when missing (slug from the name, unique in the
 * venue; a fresh guid; last in the venue's order).
 */
export async function findOrCreateRoom(
  manager: EntityManager,
  place: Place,
  name: string,
  made: Made = {},
): Promise<Room> {
  const venue = await findOrCreateVenue(manager, place, made);
  const found = await manager.findOneBy(Room, { venueId: venue.id, name });
  if (found) return found;
  const rooms = await manager.find(Room, {
    where: { venueId: venue.id },
    select: { slug: true, position: true },
  });
  const slugs = new Set(rooms.map(r => r.slug));
  const base = slugify(name, ROOM_SLUG_MAX_LENGTH - 4) || "room";
  let slug = base;
  for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
  const position = Math.max(0, ...rooms.map(r => r.position)) + 1;
  const result = await manager.insert(Room, {
    venueId: venue.id,
    name,
    slug,
    capacity: null,
    guid: randomUUID(),
    position,
  });
  made.room = true;
  return manager.findOneByOrFail(Room, { id: Number(result.identifiers[0].id) });
}

import { createHash } from "node:crypto";

/** The fixed domain of every iCalendar UID Crosstalk writes. Changing it re-creates every event. */
export const UID_DOMAIN = "crosstalk";

/** Namespace of the name-based UUIDs below (a fixed random UUID; never change it). */
const GUID_NAMESPACE = "5b0f3c1e-8f5e-4c55-9d2c-6f1c2a7e9b40";

/** The iCalendar UID of a session: derived from its numeric id only, so it never changes. */
export function sessionUid(sessionId: number): string {
  return `session-${sessionId}@${UID_DOMAIN}`;
}

/** A stable RFC 9562 version-5 UUID for a session (the frab `guid`), derived from its id. */
export function sessionGuid(sessionId: number): string {
  return nameGuid(sessionUid(sessionId));
}

/**
 * The frab `guid` of a place that has no room record (an off-site location, or TBA), derived from
 * the conference and the name, so it stays the same from one export to the next.
 */
export function placeGuid(conferenceId: number, name: string): string {
  return nameGuid(`place-${conferenceId}-${name}@${UID_DOMAIN}`);
}

/** A version-5 UUID of `name` in Crosstalk's namespace. */
function nameGuid(name: string): string {
  const namespace = Buffer.from(GUID_NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Where a session can be fetched on its own (its single-event calendar), under `publicUrl`. */
export function sessionUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/calendar/session/${encodeURIComponent(slug)}.ics`;
}

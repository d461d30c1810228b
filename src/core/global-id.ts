import { BadUserInputError } from "./errors";
import { HeldValues } from "./held-values";

/** The GraphQL type names that have global ids. */
export const NODE_TYPES = [
  "Conference",
  "Community",
  "Session",
  "Person",
  "Publication",
  "Article",
  "Topic",
  "Comment",
  "ApiToken",
  "ConferenceSeries",
  "Track",
  "Room",
  "WebhookEndpoint",
  "WebhookDelivery",
  "Account",
] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

/** Opaque global id: base64url of `Type:id`. Clients must not parse it. */
export function toGlobalId(type: NodeTypeName, id: number): string {
  return encoded.get(type, id, encode);
}

/**
 * Global ids already encoded, by type and id (up to 20,000, then the memory starts afresh): a page
 * of sessions and their speakers encodes about fifty, and encoding (through a Buffer) costs ten
 * times a lookup.
 */
const encoded = new HeldValues<NodeTypeName, number, string>(20_000);

function encode(type: NodeTypeName, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

export interface DecodedId {
  type: NodeTypeName;
  id: number;
}

/** Decodes a global id; throws BAD_USER_INPUT for anything that is not one of ours. */
export function fromGlobalId(globalId: string): DecodedId {
  const decoded = decodeOrNull(globalId);
  if (!decoded) throw new BadUserInputError(`"${globalId}" is not a valid id`);
  return decoded;
}

/** Decodes a global id of an expected type; throws BAD_USER_INPUT when it is another type. */
export function fromGlobalIdOf(type: NodeTypeName, globalId: string, field = "id"): number {
  const decoded = decodeOrNull(globalId);
  if (!decoded || decoded.type !== type) {
    throw new BadUserInputError(`${field}: "${globalId}" is not a ${type} id`, [
      { field, message: `must be a ${type} id` },
    ]);
  }
  return decoded.id;
}

/** Decodes a global id, or null for anything that is not one of ours. */
export function decodeOrNull(globalId: string): DecodedId | null {
  if (typeof globalId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(globalId)) return null;
  const text = Buffer.from(globalId, "base64url").toString("utf8");
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(text);
  if (!match || !(NODE_TYPES as readonly string[]).includes(match[1])) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) && id <= 2147483647
    ? { type: match[1] as NodeTypeName, id }
    : null;
}

import { BadUserInputError } from "./errors";

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
  let ofType = encoded.get(type);
  const known = ofType?.get(id);
  if (known !== undefined) return known;
  const globalId = Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
  if (encodedCount >= MAX_ENCODED) {
    encoded.clear();
    encodedCount = 0;
    ofType = undefined;
  }
  if (!ofType) encoded.set(type, (ofType = new Map()));
  ofType.set(id, globalId);
  encodedCount += 1;
  return globalId;
}

/**
 * Global ids already encoded, by type and id: a page of sessions and their speakers encodes about
 * fifty, and encoding (through a Buffer) costs ten times a lookup. Past MAX_ENCODED it starts afresh.
 */
const encoded = new Map<NodeTypeName, Map<number, string>>();
let encodedCount = 0;
const MAX_ENCODED = 20_000;

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

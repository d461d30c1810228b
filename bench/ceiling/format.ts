/** The API's opaque global id: base64url of `Type:id`. */
export function globalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** The zone's UTC offset in minutes at `ms`, cached per zone and UTC hour. */
function offsetMinutes(ms: number, zone: string): number {
  const key = `${zone}|${Math.floor(ms / 3_600_000)}`;
  let offset = offsets.get(key);
  if (offset !== undefined) return offset;
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, format);
  }
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(ms))) p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  offset = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  if (offsets.size > 50_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A stored UTC instant ('YYYY-MM-DD HH:MM:SS') as ISO-8601 in `zone` with its offset, whole seconds:
 * `Z` for the zone named UTC, `±HH:MM` for any IANA zone.
 */
export function isoInZone(stored: string, zone: string): string {
  const ms = Date.parse(`${stored.replace(" ", "T")}Z`);
  const lower = zone.toLowerCase();
  if (lower === "utc" || lower === "gmt") return `${stored.replace(" ", "T")}Z`;
  const offset = offsetMinutes(ms, zone);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The ceiling's own cursor: the sort values of a row, opaque to clients. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(values.join("|"), "utf8").toString("base64url");
}

export function decodeCursor(cursor: unknown): [string, number] | null {
  if (typeof cursor !== "string") return null;
  const [value, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  return value !== undefined && /^\d+$/.test(id ?? "") ? [value, Number(id)] : null;
}

/** 'YYYY-MM-DD HH:MM:SS' (UTC) for now. */
export function nowStored(): string {
  return new Date().toISOString().slice(0, 19).replace("T", " ");
}

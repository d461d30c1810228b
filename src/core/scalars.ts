import { GraphQLScalarType, Kind } from "graphql";
import { DateTime } from "luxon";
import { BadUserInputError } from "./errors";

const OFFSET_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 instant with an explicit offset; throws BAD_USER_INPUT otherwise. */
export function parseInstant(value: unknown): Date {
  if (typeof value !== "string" || !OFFSET_ISO.test(value)) {
    throw new BadUserInputError(
      "DateTime must be an ISO-8601 string with an explicit offset, e.g. 2008-11-12T09:00:00-05:00",
    );
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) {
    throw new BadUserInputError(`"${value}" is not a valid DateTime: ${parsed.invalidExplanation}`);
  }
  // Instants are stored to the second on every engine; dropping the fraction here keeps SQLite and
  // MySQL (which would round it) storing the same instant.
  return parsed.startOf("second").toJSDate();
}

/**
 * An instant, as ISO-8601 with an explicit offset. Output is in the zone a field chose (the event's own
 * zone by default); input must carry an offset.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  description:
    "An instant in time as an ISO-8601 string with an explicit UTC offset, e.g. `2008-11-12T09:00:00-05:00`. Stored to the second: fractions of a second in input are dropped.",
  serialize(value) {
    if (typeof value === "string") return value; // already formatted in the field's chosen zone
    if (value instanceof Date) return DateTime.fromJSDate(value, { zone: "utc" }).toISO();
    throw new TypeError(`DateTime cannot represent ${String(value)}`);
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new BadUserInputError("DateTime must be a string");
    }
    return parseInstant(ast.value);
  },
});

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== "string" || !PLAIN_DATE.test(value) || !DateTime.fromISO(value).isValid) {
    throw new BadUserInputError("Date must be a calendar date written YYYY-MM-DD");
  }
  return value;
}

/** A calendar date with no time or zone, `YYYY-MM-DD`. */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date with no time of day or zone, written `YYYY-MM-DD`.",
  serialize(value) {
    if (typeof value === "string" && PLAIN_DATE.test(value)) return value;
    if (value instanceof Date) return DateTime.fromJSDate(value, { zone: "utc" }).toISODate();
    throw new TypeError(`Date cannot represent ${String(value)}`);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new BadUserInputError("Date must be a string");
    }
    return parseDate(ast.value);
  },
});

import transliterate from "slugify";

/**
 * The one slug rule every kind shares: lowercase words of letters and digits joined by single
 * hyphens, no longer than the kind's column allows.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a malformed slug is told (input validation). */
export const SLUG_MESSAGE = "slug must be lowercase letters, digits and single hyphens";

/** The longest slug each kind stores (its column's length). */
export const SLUG_MAX_LENGTH = {
  Conference: 100,
  Community: 100,
  Session: 150,
  Person: 100,
  Article: 150,
  Topic: 100,
  Publication: 100,
  ConferenceSeries: 100,
} as const;

/** A kind of record that has a slug. */
export type SluggedKind = keyof typeof SLUG_MAX_LENGTH;

/** True when `text` has the slug shape (any length). */
export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}

/**
 * Spells the non-ASCII runs of `text` in ASCII letters (Ł → L, ß → ss, Cyrillic → Latin) with the
 * slugify library's character map; ASCII is left alone, so the rules below decide its fate.
 */
function toAscii(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[^\p{ASCII}]+/gu, run => transliterate(run, { replacement: " ", trim: false }));
}

/**
 * Turns a title or name into a slug: letters spelled in ASCII, lowercased, runs of anything else
 * to one hyphen, cut to `maxLength` without a trailing hyphen.
 */
export function slugify(text: string, maxLength: number): string {
  const slug = toAscii(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/g, "");
}

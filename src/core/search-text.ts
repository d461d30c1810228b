/**
 * What search sees of text: the words, normalised the same way on the way in (indexing) and on the
 * way out (a query), and how much a word weighs in a record. One rule for both engines.
 */

/** Shortest and longest word kept, in characters. Longer ones are not words a person searches for. */
export const WORD_LENGTH = { min: 2, max: 64 } as const;

/** Most words of a query used; the rest are ignored. */
export const MAX_QUERY_WORDS = 8;

// Words too common to tell records apart (English, and the few other languages the hub carries).
// Neither indexed nor searched: a query of only these finds nothing.
const STOPWORDS = new Set(
  (
    "a about an and are as at be by com de der die das en for from how i in is it la le of on or " +
    "that the this to und was what when where who will with www"
  ).split(" "),
);

/**
 * The words of `text`: letters, digits and `_`, lower-cased, with accents taken off (so "Einführung"
 * and "einfuhrung" are one word), stopwords and words of a wrong length left out. In order, repeats kept.
 */
export function searchWords(text: string): string[] {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .match(/[\p{L}\p{N}_]+/gu);
  if (!words) return [];
  return words.filter(w => {
    const length = [...w].length;
    return length >= WORD_LENGTH.min && length <= WORD_LENGTH.max && !STOPWORDS.has(w);
  });
}

/** The words of a query, each used once, at most MAX_QUERY_WORDS. Each matches as a prefix. */
export function queryWords(query: string): string[] {
  return [...new Set(searchWords(query))].slice(0, MAX_QUERY_WORDS);
}

/**
 * The exclusive upper bound of the words that start with `prefix`: `term >= prefix AND term <
 * prefixEnd(prefix)` is every word beginning with it, under a binary (code point) comparison.
 */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/** A field of a record as search weighs it: its text and how much a word in it counts. */
export interface WeightedText {
  text: string;
  /** A title or a name counts 3; running text counts 1. */
  boost: number;
}

/** BM25's saturation and length constants. */
const K1 = 1.2;
const B = 0.75;

/** Weights run from 1 to this (exclusive): what a word contributes to a score, times 1,000. */
export const MAX_WEIGHT = 1000 * (K1 + 1);

/**
 * How much each word weighs in one record, as an integer from 1 to MAX_WEIGHT: BM25's term part,
 * with a word in a title counting three times and the record's length compared with `typicalLength`
 * (the usual word count of that kind of record), so that a word in a short record weighs more than
 * the same word in a long one and repeats add less and less.
 */
export function wordWeights(
  fields: readonly WeightedText[],
  typicalLength: number,
): Map<string, number> {
  const frequency = new Map<string, number>();
  let length = 0;
  for (const field of fields) {
    const words = searchWords(field.text);
    length += words.length;
    for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + field.boost);
  }
  const norm = K1 * (1 - B + (B * length) / Math.max(1, typicalLength));
  const weights = new Map<string, number>();
  for (const [word, tf] of frequency) {
    const weight = Math.round((1000 * tf * (K1 + 1)) / (tf + norm));
    weights.set(word, Math.min(Math.max(weight, 1), MAX_WEIGHT - 1));
  }
  return weights;
}

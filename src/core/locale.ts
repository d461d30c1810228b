/**
 * Locales of translated content: BCP 47 language tags in their usual case (`de`, `pt-BR`,
 * `zh-Hant-TW`), at most 35 characters.
 */
const TAG = /^([A-Za-z]{2,3})((?:-[A-Za-z0-9]{2,8})*)$/;

/** Most languages of an Accept-Language header considered, in order of preference. */
const MAX_PREFERENCES = 4;

/** The tag in canonical case (language lower, 2-letter region upper, script title), or null. */
export function normalizeLocale(tag: string): string | null {
  const match = TAG.exec(tag.trim());
  if (!match || tag.trim().length > 35) return null;
  const rest = match[2]
    .split("-")
    .filter(Boolean)
    .map(part =>
      part.length === 2
        ? part.toUpperCase()
        : part.length === 4
          ? part[0].toUpperCase() + part.slice(1).toLowerCase()
          : part.toLowerCase(),
    );
  return [match[1].toLowerCase(), ...rest].join("-");
}

/** What a malformed locale is told. */
export const LOCALE_MESSAGE = "must be a BCP 47 language tag such as de or pt-BR";

/**
 * The languages to try for a requested tag: the tag itself, then its shorter forms
 * (`de-AT` → `de-AT`, `de`).
 */
export function fallbacks(tag: string): string[] {
  const parts = tag.split("-");
  return parts.map((_p, i) => parts.slice(0, parts.length - i).join("-"));
}

/**
 * The languages of an Accept-Language header, most wanted first (q=0 and `*` dropped, malformed
 * entries ignored, at most four), each followed by its shorter forms; [] when none is usable.
 */
export function parseAcceptLanguage(header: string | undefined | null): string[] {
  if (!header) return [];
  const wanted = header
    .split(",")
    .slice(0, 20)
    .map((entry, index) => {
      const [tag, ...params] = entry.trim().split(";");
      const q = params.map(p => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: normalizeLocale(tag), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((w): w is { tag: string; q: number; index: number } => !!w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .slice(0, MAX_PREFERENCES);
  return [...new Set(wanted.flatMap(w => fallbacks(w.tag)))];
}

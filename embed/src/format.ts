// Dates and times as the embeds show them. Shared by the web component (in the browser) and the
// server-rendered page (/embed/sessions, in Node), so both print one format per locale: the locale's
// own (Intl), with the no-break spaces some ICU versions put before AM/PM written as plain spaces.

/** Intl output with the locale's spaces made plain, so Node and browsers print the same text. */
function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, " ");
}

function format(
  at: Date | string,
  zone: string,
  lang: string,
  options: Intl.DateTimeFormatOptions,
) {
  return plain(new Intl.DateTimeFormat(lang, { timeZone: zone, ...options }).format(new Date(at)));
}

/** True when the instants fall in more than one calendar year (in their zones). */
export function spansYears(items: { at: Date | string; zone: string }[]): boolean {
  const years = new Set(items.map(i => format(i.at, i.zone, "en", { year: "numeric" })));
  return years.size > 1;
}

/**
 * "Wed, Nov 12, 10:30 AM–12:00 PM EST" in English, "Mi., 12. Nov., 16:30–18:00 MEZ" in German: a
 * session's day and times in `zone`. `withYear` adds the year (when a list spans years).
 */
export function formatWhen(
  startsAt: Date | string,
  endsAt: Date | string,
  zone: string,
  lang: string,
  withYear = false,
): string {
  const start = format(startsAt, zone, lang, {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(withYear ? { year: "numeric" } : {}),
    hour: "numeric",
    minute: "2-digit",
  });
  const end = format(endsAt, zone, lang, {
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return `${start}–${end}`;
}

/** A day heading: "Wednesday, November 12, 2008". */
export function formatDay(at: Date | string, zone: string, lang: string): string {
  return format(at, zone, lang, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/** The calendar date of an instant in `zone`, YYYY-MM-DD (for grouping by day). */
export function dayKey(at: Date | string, zone: string): string {
  return format(at, zone, "en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
}

// The fixed UI strings of the embeds, per language. Shared by the web component and the server-rendered
// fallback (/embed/sessions), so both say the same thing.

export interface EmbedStrings {
  loading: string;
  empty: string;
  error: string;
  noSpeakers: string;
  speakers: string;
  audiences: string;
  room: string;
  track: string;
  seats: string;
  doNotRecord: string;
  /** Link labels by kind (SLIDES, VIDEO, CODE, OTHER). */
  links: Record<string, string>;
  /** The cross-community marker: "For Python and PHP". */
  forCommunities(names: string[]): string;
  /** "A, B and C". */
  list(items: string[]): string;
}

function joinWith(and: string) {
  return (items: string[]): string =>
    items.length <= 1
      ? items.join("")
      : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

const en: EmbedStrings = {
  loading: "Loading sessions…",
  empty: "No sessions match.",
  error: "The sessions could not be loaded.",
  noSpeakers: "No speakers match.",
  speakers: "Speakers",
  audiences: "For",
  room: "Room",
  track: "Track",
  seats: "seats",
  doNotRecord: "Not recorded",
  links: { SLIDES: "Slides", VIDEO: "Video", CODE: "Code", OTHER: "Link" },
  forCommunities: names => `For ${joinWith("and")(names)}`,
  list: joinWith("and"),
};

const de: EmbedStrings = {
  loading: "Sessions werden geladen…",
  empty: "Keine passenden Sessions.",
  error: "Die Sessions konnten nicht geladen werden.",
  noSpeakers: "Keine passenden Vortragenden.",
  speakers: "Vortragende",
  audiences: "Für",
  room: "Raum",
  track: "Track",
  seats: "Plätze",
  doNotRecord: "Keine Aufzeichnung",
  links: { SLIDES: "Folien", VIDEO: "Video", CODE: "Code", OTHER: "Link" },
  forCommunities: names => `Für ${joinWith("und")(names)}`,
  list: joinWith("und"),
};

const fr: EmbedStrings = {
  loading: "Chargement des sessions…",
  empty: "Aucune session ne correspond.",
  error: "Les sessions n’ont pas pu être chargées.",
  noSpeakers: "Aucun intervenant ne correspond.",
  speakers: "Intervenants",
  audiences: "Pour",
  room: "Salle",
  track: "Parcours",
  seats: "places",
  doNotRecord: "Pas d’enregistrement",
  links: { SLIDES: "Diapositives", VIDEO: "Vidéo", CODE: "Code", OTHER: "Lien" },
  forCommunities: names => `Pour ${joinWith("et")(names)}`,
  list: joinWith("et"),
};

export const STRINGS: Record<string, EmbedStrings> = { en, de, fr };

/** The strings for a BCP 47 tag (`de-AT` falls back to `de`), English when unknown. */
export function stringsFor(lang: string | null | undefined): EmbedStrings {
  return STRINGS[resolveLang(lang).lang.toLowerCase().split("-")[0]] ?? en;
}

/**
 * The language an embed shows for a requested tag: the tag itself when its base language has
 * strings (`de-AT`, whose dates are then Austrian), else English, with a note saying so for the
 * console. Strings and dates always agree.
 */
export function resolveLang(lang: string | null | undefined): {
  lang: string;
  note: string | null;
} {
  if (!lang) return { lang: "en", note: null };
  const base = lang.toLowerCase().split("-")[0];
  if (STRINGS[base]) return { lang, note: null };
  return {
    lang: "en",
    note: `crosstalk embed: no strings for lang "${lang}"; showing English (available: ${Object.keys(STRINGS).join(", ")})`,
  };
}

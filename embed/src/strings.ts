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
  forCommunities: names => `Pour ${joinWith("et")(names)}`,
  list: joinWith("et"),
};

export const STRINGS: Record<string, EmbedStrings> = { en, de, fr };

/** The strings for a BCP 47 tag (`de-AT` falls back to `de`), English when unknown. */
export function stringsFor(lang: string | null | undefined): EmbedStrings {
  const base = (lang ?? "en").toLowerCase().split("-")[0];
  return STRINGS[base] ?? en;
}

/** How much data a benchmark run generates, and where in it the deep pages sit. */
export interface Scale {
  name: "small" | "default" | "large";
  conferences: number;
  /** Sessions hosted by each conference; a tenth of them are also in a co-located program. */
  sessionsPerConference: number;
  people: number;
  /** Published, visible articles (drafts and scheduled ones come on top). */
  articles: number;
  /** Rows per multi-row INSERT. */
  batch: number;
  /** Page size of the article operations. */
  articlePageSize: number;
  /** The article pages measured (1-based), e.g. page 1, 1,000 and 4,000. */
  articlePages: number[];
  /** How many program sessions precede the deep-cursor page. */
  deepProgramOffset: number;
}

export const SCALES: Record<Scale["name"], Scale> = {
  small: {
    name: "small",
    conferences: 2,
    sessionsPerConference: 30,
    people: 60,
    articles: 200,
    batch: 500,
    articlePageSize: 5,
    articlePages: [1, 10, 40],
    deepProgramOffset: 20,
  },
  default: {
    name: "default",
    conferences: 10,
    sessionsPerConference: 500,
    people: 3000,
    articles: 20000,
    batch: 1000,
    articlePageSize: 5,
    articlePages: [1, 1000, 4000],
    deepProgramOffset: 500,
  },
  large: {
    name: "large",
    conferences: 10,
    sessionsPerConference: 500,
    people: 3000,
    articles: 100000,
    batch: 1000,
    articlePageSize: 5,
    articlePages: [1, 1000, 4000],
    deepProgramOffset: 500,
  },
};

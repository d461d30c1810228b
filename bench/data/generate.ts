import type { Pool } from "mysql2/promise";
import { reindexAll } from "../../src/db/search-index";
import type { Scale } from "./scale";

/** A word in about a quarter of the texts: "search for a common word". */
export const COMMON_WORD = "performance";
/** A word in a handful of records: "search for a rare word". */
export const RARE_WORD = "zeppelin";
/** A word that appears nowhere (the syllables below never spell it). */
export const NO_MATCH_WORD = "quixotry";

/** What the generator made that the operations need to know. */
export interface Dataset {
  scale: Scale["name"];
  /** The conference whose program page is measured. */
  programSlug: string;
  /** Sessions in that conference's program. */
  programLength: number;
  /** A combined session with three speakers (the three-level session page). */
  sessionSlug: string;
  /** Row counts per table. */
  rows: Record<string, number>;
}

/** mulberry32: a small, fast PRNG; the same seed gives the same data on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  "ba be bo da de di fa fe fi ga go ka ke ki ko la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo".split(
    " ",
  );
const COMMUNITIES: [slug: string, name: string, parent: number | null][] = [
  ["python", "Python", null],
  ["php", "PHP", null],
  ["javascript", "JavaScript", null],
  ["ruby", "Ruby", null],
  ["django", "Django", 1],
  ["zope", "Zope", 1],
  ["symfony", "Symfony", 2],
  ["drupal", "Drupal", 2],
  ["node", "Node.js", 3],
  ["rails", "Rails", 4],
];
const ZONES = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles", "UTC"];
const SESSION_KINDS = ["TALK", "TALK", "TALK", "TALK", "TUTORIAL", "KEYNOTE", "PANEL", "WORKSHOP"];
const LEVELS = ["ALL", "BEGINNER", "INTERMEDIATE", "ADVANCED"];
const ARTICLE_KINDS = ["WRAP_UP", "FEATURE", "COLUMN", "EDITORIAL", "NEWS", "INTERVIEW"];
const STAMP = "2026-01-01 00:00:00.000000";
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD HH:MM:SS' in UTC, as the app stores instants. */
function sqlInstant(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * Fills an empty, migrated database with a deterministic graph at `scale`: communities, topics,
 * publications, co-located conference pairs whose programs share a tenth of their sessions, people
 * who speak and write, and articles (published, plus a few drafts and scheduled ones the public must
 * not see). Multi-row INSERTs, `scale.batch` rows each. Ids are explicit, so every run is identical.
 */
export async function generateDataset(
  pool: Pool,
  scale: Scale,
  log: (message: string) => void = () => undefined,
  seed = 20081112,
): Promise<Dataset> {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const vocabulary = Array.from({ length: 400 }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join(""),
  );
  const words = (n: number, common = 0) => {
    const out = Array.from({ length: n }, () => pick(vocabulary));
    if (rand() < common) out[Math.floor(rand() * n)] = COMMON_WORD;
    return out;
  };
  const sentence = (n: number, common = 0) => {
    const w = words(n, common).join(" ");
    return `${w[0].toUpperCase()}${w.slice(1)}.`;
  };
  const title = (n: number) =>
    words(n)
      .map(w => `${w[0].toUpperCase()}${w.slice(1)}`)
      .join(" ");
  const rows: Record<string, number> = {};
  const insert = async (table: string, columns: string[], values: unknown[][]) => {
    rows[table] = (rows[table] ?? 0) + values.length;
    for (let i = 0; i < values.length; i += scale.batch) {
      await pool.query(
        `INSERT INTO \`${table}\` (${columns.map(c => `\`${c}\``).join(", ")}) VALUES ?`,
        [values.slice(i, i + scale.batch)],
      );
    }
  };
  const audit = ["created_at", "updated_at"];

  await insert(
    "community",
    ["id", "slug", "name", "description", "parent_id", ...audit],
    COMMUNITIES.map(([slug, name, parent], i) => [
      i + 1,
      slug,
      name,
      sentence(12),
      parent,
      STAMP,
      STAMP,
    ]),
  );
  const topicCount = 30;
  await insert(
    "topic",
    ["id", "slug", "name", ...audit],
    Array.from({ length: topicCount }, (_, i) => [i + 1, `topic-${i + 1}`, title(2), STAMP, STAMP]),
  );
  const publicationCount = 5;
  await insert(
    "publication",
    ["id", "slug", "name", "description", "community_id", ...audit],
    Array.from({ length: publicationCount }, (_, i) => [
      i + 1,
      `magazine-${i + 1}`,
      `${title(2)} Magazine`,
      sentence(10),
      (i % 4) + 1,
      STAMP,
      STAMP,
    ]),
  );

  // Conferences come in co-located pairs (k, k+1) that share dates but not always a time zone.
  const conferences = Array.from({ length: scale.conferences }, (_, k) => {
    const pair = Math.floor(k / 2);
    const startsOn = Date.UTC(2008, 10, 12) + pair * 180 * DAY_MS;
    return {
      id: k + 1,
      slug: `benchconf-${k + 1}`,
      startsOn,
      zone: ZONES[k % ZONES.length],
      partner: k % 2 === 0 ? (k + 1 < scale.conferences ? k + 2 : null) : k,
    };
  });
  await insert(
    "conference",
    [
      "id",
      "slug",
      "name",
      "edition",
      "community_id",
      "organizer",
      "starts_on",
      "ends_on",
      "timezone",
      "venue_name",
      "venue_city",
      "venue_country",
      "attendance",
      "description",
      ...audit,
    ],
    conferences.map((c, k) => [
      c.id,
      c.slug,
      `BenchConf ${k + 1}`,
      new Date(c.startsOn).getUTCFullYear(),
      (k % 4) + 1,
      `${title(2)} Society`,
      new Date(c.startsOn).toISOString().slice(0, 10),
      new Date(c.startsOn + 2 * DAY_MS).toISOString().slice(0, 10),
      c.zone,
      `${title(2)} Hall`,
      title(1),
      "US",
      500 + k,
      sentence(20),
      STAMP,
      STAMP,
    ]),
  );
  await insert(
    "conference_colocation",
    ["conference_id", "colocated_id"],
    conferences.filter(c => c.partner !== null).map(c => [c.id, c.partner]),
  );

  // People: speakers are drawn with a skew, so that many speak several times.
  await insert(
    "person",
    ["id", "slug", "name", "bio", "affiliation", "links", ...audit],
    Array.from({ length: scale.people }, (_, i) => [
      i + 1,
      `person-${i + 1}`,
      `${title(1)} ${title(1)}`,
      i === 4 ? `${sentence(8)} Flies a ${RARE_WORD}.` : sentence(15, 0.25),
      i % 3 === 0 ? null : `${title(1)} Labs`,
      "[]",
      STAMP,
      STAMP,
    ]),
  );
  const person = () => 1 + Math.floor(rand() * rand() * scale.people);

  const sessions: unknown[][] = [];
  const programs: unknown[][] = [];
  const audiences: unknown[][] = [];
  const speakers: unknown[][] = [];
  const sessionTopics: unknown[][] = [];
  let sessionSlug = "";
  for (const c of conferences) {
    for (let j = 0; j < scale.sessionsPerConference; j++) {
      const id = sessions.length + 1;
      // 14 parallel rooms, 12 slots of 45 minutes a day, from 14:00 UTC.
      const slot = Math.floor(j / 14);
      const startsAt =
        c.startsOn + Math.floor(slot / 12) * DAY_MS + (14 * 60 + (slot % 12) * 45) * 60_000;
      const rare = id % 997 === 3 && id < 3000;
      sessions.push([
        id,
        `session-${id}`,
        title(3 + Math.floor(rand() * 4)),
        rare ? `${sentence(10)} About the ${RARE_WORD}.` : sentence(25, 0.25),
        pick(SESSION_KINDS),
        pick(LEVELS),
        sqlInstant(startsAt),
        sqlInstant(startsAt + 40 * 60_000),
        j % 17 === 0 ? null : `Room ${(j % 14) + 1}`,
        null,
        c.id,
        STAMP,
        STAMP,
      ]);
      programs.push([id, c.id, sqlInstant(startsAt)]);
      const combined = j % 10 === 0 && c.partner !== null;
      if (combined) programs.push([id, c.partner, sqlInstant(startsAt)]);
      const first = j === 0 && c.id === 1;
      if (first) sessionSlug = `session-${id}`;
      const audience = new Set<number>([1 + Math.floor(rand() * COMMUNITIES.length)]);
      if (combined || first || rand() < 0.3)
        audience.add(1 + Math.floor(rand() * COMMUNITIES.length));
      if (first) audience.add(c.id % 2 === 1 ? 2 : 1);
      for (const a of [...audience].sort((x, y) => x - y))
        audiences.push([id, a, sqlInstant(startsAt)]);
      const who = new Set<number>();
      const count = first ? 3 : 1 + Math.floor(rand() * rand() * 3);
      while (who.size < count) who.add(first ? who.size + 1 : person());
      [...who].forEach((p, position) => speakers.push([id, p, position, sqlInstant(startsAt)]));
      const topics = new Set([
        1 + Math.floor(rand() * topicCount),
        1 + Math.floor(rand() * topicCount),
      ]);
      for (const t of topics) sessionTopics.push([id, t]);
    }
  }
  await insert(
    "session",
    [
      "id",
      "slug",
      "title",
      "abstract",
      "kind",
      "level",
      "starts_at",
      "ends_at",
      "room",
      "location",
      "host_conference_id",
      ...audit,
    ],
    sessions,
  );
  await insert("session_program", ["session_id", "conference_id", "starts_at"], programs);
  await insert("session_audience", ["session_id", "community_id", "starts_at"], audiences);
  await insert("session_speaker", ["session_id", "person_id", "position", "starts_at"], speakers);
  await insert("session_topic", ["session_id", "topic_id"], sessionTopics);

  // Articles: `scale.articles` visible ones, with drafts and scheduled ones interleaved. Publication
  // instants are shuffled against ids and every third pair shares an instant, so that the order is
  // not the id order and ties must be broken by id.
  // An upper bound: drafts are 1 in 67 and scheduled ones 1 in 131; the loop stops at the target.
  const total = Math.ceil(scale.articles * 1.03) + 10;
  const slots = Array.from({ length: total }, (_, i) => i);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [slots[i], slots[j]] = [slots[j], slots[i]];
  }
  const base = Date.UTC(2008, 5, 1, 9, 0, 0);
  const step = Math.floor((17 * 365 * DAY_MS) / total);
  const articles: unknown[][] = [];
  const authors: unknown[][] = [];
  const articleTopics: unknown[][] = [];
  const articleSessions: unknown[][] = [];
  const articleCommunities: unknown[][] = [];
  let visible = 0;
  for (let i = 0; i < total && visible < scale.articles; i++) {
    const id = i + 1;
    let status = "PUBLISHED";
    let publishedAt: string | null = sqlInstant(base + Math.floor(slots[i] / 3) * 3 * step);
    if (i % 67 === 5) {
      status = "DRAFT";
      publishedAt = null;
    } else if (i % 131 === 7) {
      publishedAt = sqlInstant(Date.UTC(2099, 0, 1) + i * 60_000);
    } else {
      visible++;
    }
    const rare = id === 10 || id === 20;
    articles.push([
      id,
      `article-${id}`,
      title(4 + Math.floor(rand() * 4)),
      pick(ARTICLE_KINDS),
      sentence(20, 0.25),
      `${sentence(30, 0.25)}\n\n**${title(2)}** ${rare ? `the ${RARE_WORD} ` : ""}${sentence(30)}`,
      status,
      publishedAt,
      1 + Math.floor(rand() * publicationCount),
      STAMP,
      STAMP,
    ]);
    const by = new Set<number>([person()]);
    if (rand() < 0.3) by.add(person());
    [...by].forEach((p, position) => authors.push([id, p, position]));
    articleTopics.push([id, 1 + Math.floor(rand() * topicCount)]);
    if (rand() < 0.25) articleSessions.push([id, 1 + Math.floor(rand() * sessions.length)]);
    if (rand() < 0.2) articleCommunities.push([id, 1 + Math.floor(rand() * COMMUNITIES.length)]);
  }
  if (visible < scale.articles) throw new Error("article generator produced too few visible rows");
  await insert(
    "article",
    [
      "id",
      "slug",
      "title",
      "kind",
      "excerpt",
      "body",
      "status",
      "published_at",
      "publication_id",
      ...audit,
    ],
    articles,
  );
  await insert("article_author", ["article_id", "person_id", "position"], authors);
  await insert("article_topic", ["article_id", "topic_id"], articleTopics);
  await insert("article_session", ["article_id", "session_id"], articleSessions);
  await insert("article_community", ["article_id", "community_id"], articleCommunities);
  // The rows went in around the writers: build the search index as `npm run search:reindex` does.
  const started = Date.now();
  const { rows: postings } = await reindexAll({
    query: async (sql, params) => (await pool.query(sql, params))[0],
    options: { type: "mysql" },
  });
  log(`search index: ${postings} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await pool.query(
    "ANALYZE TABLE session, session_program, article, article_author, person, search_posting",
  );

  return {
    scale: scale.name,
    programSlug: conferences[0].slug,
    programLength: programs.filter(p => p[1] === 1).length,
    sessionSlug,
    rows,
  };
}

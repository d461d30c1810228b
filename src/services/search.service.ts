import type { DataSource } from "typeorm";
import { readRows } from "../db/read-rows";

/** The kinds of record search covers, in the order they rank on equal scores. */
export const SEARCH_KINDS = ["Session", "Person", "Article"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One full-text match: what it is, which row, and how relevant (higher is better). */
export interface SearchHit {
  kind: SearchKind;
  id: number;
  score: number;
}

/** The kinds whose text has translations (searched beside the originals). */
const TRANSLATED_KINDS: readonly SearchKind[] = ["Session", "Article"];

/** Most matches considered per kind; relevance beyond this is noise for a hub of this size. */
export const SEARCH_CANDIDATES = 500;

/** Most words of a query used; the rest are ignored. */
const MAX_TERMS = 8;

// InnoDB's default stopwords: MATCH … AGAINST ignores them, so a required (+) stopword would match
// nothing. They are dropped from MySQL queries.
const INNODB_STOPWORDS = new Set(
  "a about an are as at be by com de en for from how i in is it la of on or that the this to was what when where who will with und www".split(
    " ",
  ),
);

/**
 * Full-text search through the engine's own index: InnoDB FULLTEXT (MATCH … AGAINST in boolean mode)
 * on MySQL/MariaDB, FTS5 (MATCH with bm25 ranking) on SQLite. Never LIKE '%…%'.
 * Queries are reduced to words first, so punctuation and operators in user input cannot break them.
 */
export class SearchService {
  private minTokenSize: Promise<number> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** The words of a query: letters and digits, lower-cased, de-duplicated. */
  static terms(query: string): string[] {
    const words = query.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
    return [...new Set(words)].slice(0, MAX_TERMS);
  }

  /** Matches of `query` among `kinds`, best first, at most SEARCH_CANDIDATES per kind. */
  async match(query: string, kinds: readonly SearchKind[] = SEARCH_KINDS): Promise<SearchHit[]> {
    const terms = SearchService.terms(query);
    if (!terms.length || !kinds.length) return [];
    const hits =
      this.dataSource.options.type === "better-sqlite3"
        ? await this.matchSqlite(terms, kinds)
        : await this.matchMysql(terms, kinds);
    return hits.sort(compareHits);
  }

  /**
   * How many of `hits` belong to each root community, in one grouped statement: a session by its
   * audiences, a person by the audiences of the sessions they speak at, an article by the
   * communities it covers and its publication's. `root(column)` maps a community id column to its
   * root's id (a CASE from the tree). A hit counts once per root.
   */
  async countByRoot(
    hits: readonly SearchHit[],
    root: (column: string) => string,
  ): Promise<Map<number, number>> {
    const ids = (kind: SearchKind) => hits.filter(h => h.kind === kind).map(h => h.id);
    const params: number[] = [];
    const list = (values: number[]) => {
      params.push(...values);
      return values.map(() => "?").join(", ");
    };
    // Each record gets one number across kinds (id * 4 + kind) so DISTINCT counts it once per root.
    const arms: string[] = [];
    const sessions = ids("Session");
    if (sessions.length) {
      arms.push(
        `SELECT sa.session_id * 4 + 1 AS hit, ${root("sa.community_id")} AS root FROM session_audience sa WHERE sa.session_id IN (${list(sessions)})`,
      );
    }
    const people = ids("Person");
    if (people.length) {
      arms.push(
        `SELECT ss.person_id * 4 + 2 AS hit, ${root("sa.community_id")} AS root FROM session_speaker ss JOIN session_audience sa ON sa.session_id = ss.session_id WHERE ss.person_id IN (${list(people)})`,
      );
    }
    const articles = ids("Article");
    if (articles.length) {
      arms.push(
        `SELECT ac.article_id * 4 + 3 AS hit, ${root("ac.community_id")} AS root FROM article_community ac WHERE ac.article_id IN (${list(articles)})`,
        `SELECT a.id * 4 + 3 AS hit, ${root("p.community_id")} AS root FROM article a JOIN publication p ON p.id = a.publication_id WHERE a.id IN (${list(articles)})`,
      );
    }
    const out = new Map<number, number>();
    if (!arms.length) return out;
    const rows: { root: unknown; n: unknown }[] = await readRows(
      this.dataSource,
      `SELECT x.root AS root, COUNT(DISTINCT x.hit) AS n FROM (${arms.join(" UNION ALL ")}) x GROUP BY x.root`,
      params,
    );
    for (const r of rows) out.set(Number(r.root), Number(r.n));
    return out;
  }

  /** Ids of one kind matching `query`. */
  async ids(query: string, kind: SearchKind): Promise<number[]> {
    return (await this.match(query, [kind])).map(h => h.id);
  }

  private async matchSqlite(terms: string[], kinds: readonly SearchKind[]): Promise<SearchHit[]> {
    // Each word quoted (so FTS5 syntax in input is inert) and prefix-matched; words are ANDed.
    const expression = terms.map(t => `"${t.replace(/"/g, '""')}"*`).join(" ");
    const list = (n: number) => Array.from({ length: n }, () => "?").join(", ");
    const translated = kinds.filter(k => TRANSLATED_KINDS.includes(k));
    // Originals and translations in one statement: the best score of each record wins.
    const arms = [
      `SELECT * FROM (SELECT kind, rowid / 4 AS id, -bm25(search_index) AS score FROM search_index
         WHERE search_index MATCH ? AND kind IN (${list(kinds.length)})
         ORDER BY score DESC LIMIT ${SEARCH_CANDIDATES * kinds.length})`,
    ];
    const params: unknown[] = [expression, ...kinds];
    if (translated.length) {
      arms.push(
        `SELECT * FROM (SELECT t.subject_type AS kind, t.subject_id AS id, -bm25(translation_search) AS score
           FROM translation_search JOIN translation t ON t.id = translation_search.rowid
          WHERE translation_search MATCH ? AND translation_search.kind IN (${list(translated.length)})
          ORDER BY score DESC LIMIT ${SEARCH_CANDIDATES * translated.length})`,
      );
      params.push(expression, ...translated);
    }
    const rows: { id: number; kind: SearchKind; score: number }[] = await this.dataSource.query(
      `SELECT kind, id, MAX(score) AS score FROM (${arms.join(" UNION ALL ")}) GROUP BY kind, id`,
      params,
    );
    return rows.map(r => ({ kind: r.kind, id: Number(r.id), score: Number(r.score) }));
  }

  private async matchMysql(terms: string[], kinds: readonly SearchKind[]): Promise<SearchHit[]> {
    this.minTokenSize ??= this.dataSource
      .query("SELECT @@innodb_ft_min_token_size AS n")
      .then((rows: { n: unknown }[]) => Number(rows[0]?.n ?? 3))
      .catch(() => 3);
    const min = await this.minTokenSize;
    // Words shorter than the index's minimum token size, and stopwords, are not in the index at all.
    const usable = terms.filter(t => [...t].length >= min && !INNODB_STOPWORDS.has(t));
    if (!usable.length) return [];
    const against = usable.map(t => `+${t}*`).join(" ");
    const sources: Record<SearchKind, { table: string; columns: string }> = {
      Session: { table: "session", columns: "title, abstract" },
      Person: { table: "person", columns: "name, bio" },
      Article: { table: "article", columns: "title, excerpt, body" },
    };
    const arms = kinds.map(
      kind =>
        `SELECT * FROM (SELECT '${kind}' AS kind, id, MATCH(${sources[kind].columns}) AGAINST (? IN BOOLEAN MODE) AS score
         FROM ${sources[kind].table} WHERE MATCH(${sources[kind].columns}) AGAINST (? IN BOOLEAN MODE)
         ORDER BY score DESC, id ASC LIMIT ${SEARCH_CANDIDATES}) AS m_${kind.toLowerCase()}`,
    );
    // Translations (one row per field and locale) in the same statement, by their subject.
    const translated = kinds.filter(k => TRANSLATED_KINDS.includes(k));
    for (const kind of translated) {
      arms.push(
        `SELECT * FROM (SELECT '${kind}' AS kind, subject_id AS id, MATCH(text) AGAINST (? IN BOOLEAN MODE) AS score
         FROM translation WHERE subject_type = '${kind}' AND MATCH(text) AGAINST (? IN BOOLEAN MODE)
         ORDER BY score DESC, id ASC LIMIT ${SEARCH_CANDIDATES}) AS t_${kind.toLowerCase()}`,
      );
    }
    const rows: { kind: SearchKind; id: number; score: number }[] = await readRows(
      this.dataSource,
      arms.join(" UNION ALL "),
      [...kinds, ...translated].flatMap(() => [against, against]),
    );
    // A record found in its original and in a translation counts once, with its best score.
    const best = new Map<string, SearchHit>();
    for (const r of rows) {
      const hit = { kind: r.kind, id: Number(r.id), score: Number(r.score) };
      const key = `${hit.kind}:${hit.id}`;
      const seen = best.get(key);
      if (!seen || seen.score < hit.score) best.set(key, hit);
    }
    return [...best.values()];
  }
}

/** Best score first; ties by kind order, then id, so the order is total and stable. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return (
    b.score - a.score || SEARCH_KINDS.indexOf(a.kind) - SEARCH_KINDS.indexOf(b.kind) || a.id - b.id
  );
}

/** Which kinds and which community a search is narrowed to; ids resolved by the caller. */
export interface SearchScope {
  kinds: readonly SearchKind[];
  /** The community (with its descendants) results must belong to, if any. */
  communityIds?: number[];
}

import type { DataSource } from "typeorm";
import { prefixEnd, queryWords } from "../core/search-text";
import { readRows } from "../db/read-rows";
import { SEARCH_KIND_CODES, SEARCH_TABLE, weightOf, type SearchKind } from "../db/search-index";
import { runUnionAll, type SqlPart } from "../db/statement-chunks";
import { storedInstant } from "./article-visibility";

export type { SearchKind } from "../db/search-index";

/** The kinds of record search covers, in the order they rank on equal scores. */
export const SEARCH_KINDS = Object.keys(SEARCH_KIND_CODES) as SearchKind[];

/** One match: what it is, which row, and how relevant (higher is better). */
export interface SearchHit {
  kind: SearchKind;
  id: number;
  score: number;
}

/**
 * Most matches considered per kind. A search reads at most this many index entries per kind for its
 * rarest word (and counts each word up to one more than this), so its cost has a ceiling however
 * common its words are; relevance beyond it is noise for a hub of this size.
 */
export const SEARCH_CANDIDATES = 500;

const KIND_BY_CODE = new Map<number, SearchKind>(
  Object.entries(SEARCH_KIND_CODES).map(([kind, code]) => [code, kind as SearchKind]),
);

/**
 * Search through the index of src/db/search-index.ts, the same on both engines. Never LIKE '%…%'.
 *
 * Every word of a query must match (as a prefix: "multiproc" finds "multiprocessing"); a record's
 * score is the sum over the words of the word's weight in it, rarer words weighing more when there
 * are several. The work is bounded by the query's shape, never by how many records match:
 *
 * 1. With several words, each word is counted in the index, up to SEARCH_CANDIDATES + 1 entries
 *    (one statement), and the rarest one leads.
 * 2. The leading word's best SEARCH_CANDIDATES records of each kind are read in index order (one
 *    statement): `ix_search_posting_term` holds each word's records best first, so this is a range
 *    of at most that many entries.
 * 3. With several words, the other words are looked up on those records only, by primary key (one
 *    statement), and records missing one are dropped.
 *
 * The price of the ceiling: when even the rarest word has more records than SEARCH_CANDIDATES,
 * a record that matches every word but is not among that word's best may be missed; and a prefix
 * that starts several words reads them in alphabetical order (the whole word first), so the later
 * ones may be cut.
 */
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Matches of `query` among `kinds`, best first, at most SEARCH_CANDIDATES per kind. With
   * `publicBy`, only records the public sees at that instant (from the index's `public_from`,
   * without reading the records); without, drafts and scheduled articles too.
   */
  async match(
    query: string,
    kinds: readonly SearchKind[] = SEARCH_KINDS,
    publicBy: Date | null = null,
  ): Promise<SearchHit[]> {
    const words = queryWords(query);
    if (!words.length || !kinds.length) return [];
    const codes = [...new Set(kinds)].map(kind => SEARCH_KIND_CODES[kind]);
    let counts = [SEARCH_CANDIDATES + 1];
    if (words.length > 1) {
      counts = await this.counts(words, codes);
      if (counts.includes(0)) return [];
    }
    const lead = counts.indexOf(Math.min(...counts));
    const cutoff = publicBy ? storedInstant(this.dataSource, publicBy) : null;
    const visible = cutoff === null ? "" : " AND public_from <= ?";
    const candidates = await runUnionAll(
      this.dataSource,
      codes.map(code => ({
        sql: `SELECT kind, subject_id, term, weight_order FROM ${SEARCH_TABLE} WHERE kind = ? AND term >= ? AND term < ?${visible} ORDER BY term, weight_order LIMIT ${SEARCH_CANDIDATES}`,
        params: [code, words[lead], prefixEnd(words[lead]), ...(cutoff === null ? [] : [cutoff])],
      })),
    );
    // Each record's best weight for each word (a prefix may match several of its words), keyed
    // by kind code and id in one number.
    const found = new Map<number, { kind: SearchKind; id: number; weights: number[] }>();
    const note = (row: Record<string, unknown>, otherWord: boolean) => {
      const code = Number(row.kind);
      const id = Number(row.subject_id);
      const key = id * 4 + code;
      let record = found.get(key);
      if (!record) {
        if (otherWord) return;
        record = { kind: KIND_BY_CODE.get(code) as SearchKind, id, weights: words.map(() => 0) };
        found.set(key, record);
      }
      const weight = weightOf(Number(row.weight_order));
      const term = String(row.term);
      for (let i = 0; i < words.length; i++) {
        if ((i === lead) !== otherWord && term.startsWith(words[i]) && record.weights[i] < weight) {
          record.weights[i] = weight;
        }
      }
    };
    for (const row of candidates) note(row, false);
    if (words.length > 1 && found.size) {
      for (const row of await this.otherWords(words, lead, [...found.values()])) note(row, true);
    }
    // With several words, each weighs by how rare it is (its capped count); alone, a word's weight is the score.
    const rarity = counts.map(n =>
      words.length > 1 ? Math.log(1 + (SEARCH_CANDIDATES + 1) / Math.max(1, n)) : 1,
    );
    const hits: SearchHit[] = [];
    for (const { kind, id, weights } of found.values()) {
      if (weights.some(w => w === 0)) continue;
      const score = weights.reduce((sum, w, i) => sum + (w / 1000) * rarity[i], 0);
      hits.push({ kind, id, score: Math.round(score * 1e6) / 1e6 });
    }
    return hits.sort(compareHits);
  }

  /** How many index entries each word has among `codes`, counted up to SEARCH_CANDIDATES + 1. */
  private async counts(words: string[], codes: number[]): Promise<number[]> {
    const marks = codes.map(() => "?").join(", ");
    const parts: SqlPart[] = words.map((word, i) => ({
      sql: `SELECT ${i} AS word, COUNT(*) AS n FROM (SELECT 1 AS one FROM ${SEARCH_TABLE} WHERE kind IN (${marks}) AND term >= ? AND term < ? LIMIT ${SEARCH_CANDIDATES + 1}) c`,
      params: [...codes, word, prefixEnd(word)],
    }));
    const counts = words.map(() => 0);
    for (const row of await runUnionAll(this.dataSource, parts)) {
      counts[Number(row.word)] = Number(row.n);
    }
    return counts;
  }

  /** The index entries of the words other than the leading one, on the given records only. */
  private async otherWords(
    words: string[],
    lead: number,
    records: { kind: SearchKind; id: number }[],
  ): Promise<Record<string, unknown>[]> {
    const others = words.filter((_, i) => i !== lead);
    const ranges = others.map(() => "(term >= ? AND term < ?)").join(" OR ");
    const bounds = others.flatMap(word => [word, prefixEnd(word)]);
    const parts: SqlPart[] = [];
    for (const kind of SEARCH_KINDS) {
      const ids = records.filter(r => r.kind === kind).map(r => r.id);
      if (!ids.length) continue;
      parts.push({
        sql: `SELECT kind, subject_id, term, weight_order FROM ${SEARCH_TABLE} WHERE kind = ? AND subject_id IN (${ids.map(() => "?").join(", ")}) AND (${ranges})`,
        params: [SEARCH_KIND_CODES[kind], ...ids, ...bounds],
      });
    }
    return runUnionAll(this.dataSource, parts);
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

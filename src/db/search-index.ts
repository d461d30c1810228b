import { publicSince, type ArticleStatus } from "../../entities";
import { MAX_WEIGHT, wordWeights, type WeightedText } from "../core/search-text";
import { MAX_BATCH_KEYS } from "./statement-chunks";
import { isSqlite, type KnowsEngine } from "./engine";

/**
 * The search index: one row per word of each session, person and article (their translations
 * included), `search_posting (kind, subject_id, term, weight_order, public_from)`, made by the
 * SearchPostings migrations on both engines.
 *
 * - Its primary key `(kind, subject_id, term)` finds a record's words, to replace them or to check
 *   a record for a second query word.
 * - `ix_search_posting_term (kind, term, weight_order, subject_id, public_from)` lists a word's
 *   records best first, so the best N records of any word are N index entries, however common the
 *   word is, and says which of them the public may see without reading the records.
 *
 * `public_from` is when the public may first see the record: an article's `published_at` while it
 * is PUBLISHED (the rule of src/services/article-visibility.ts), NULL while it is not; PUBLIC_ALWAYS
 * for sessions and people, which are always public. A public search keeps `public_from <= now`.
 *
 * `weight_order` is MAX_WEIGHT minus the word's weight in the record (see wordWeights), so that
 * ascending index order is best first on every engine and version (no descending index needed).
 *
 * Writers keep it in step inside their transactions (Writer.reindexSearch); `npm run search:reindex`
 * rebuilds it after edits made around the API.
 */
export const SEARCH_TABLE = "search_posting";

/** The kinds of record search covers, in the order they rank on equal scores, with their codes. */
export const SEARCH_KIND_CODES = { Session: 1, Person: 2, Article: 3 } as const;
export type SearchKind = keyof typeof SEARCH_KIND_CODES;

/** What the index reads of each kind: the table, the fields (titles count three times), the
 * usual word count of a record of that kind, and whether translations of it exist. */
const SOURCES: Record<
  SearchKind,
  {
    table: string;
    fields: [string, number][];
    typicalLength: number;
    translated: boolean;
    /** The columns (and entity properties) that decide `public_from`, if any. */
    visibility: { columns: string; properties: string[] } | null;
  }
> = {
  Session: {
    table: "session",
    fields: [
      ["title", 3],
      ["abstract", 1],
    ],
    typicalLength: 60,
    translated: true,
    visibility: null,
  },
  Person: {
    table: "person",
    fields: [
      ["name", 3],
      ["bio", 1],
    ],
    typicalLength: 40,
    translated: false,
    visibility: null,
  },
  Article: {
    table: "article",
    fields: [
      ["title", 3],
      ["excerpt", 1],
      ["body", 1],
    ],
    typicalLength: 300,
    translated: true,
    visibility: { columns: "status, published_at", properties: ["status", "publishedAt"] },
  },
};

/** `public_from` of records the public always sees (sessions, people). */
export const PUBLIC_ALWAYS = "1970-01-01 00:00:00";

/** `public_from` of a record read with its visibility columns (see SOURCES). */
function publicFrom(kind: SearchKind, row: Record<string, unknown>): unknown {
  if (kind !== "Article") return PUBLIC_ALWAYS;
  return publicSince(row.status as ArticleStatus, row.published_at ?? null);
}

/** Whether `name` is a kind of record search covers. */
export function isSearchKind(name: string): name is SearchKind {
  return Object.hasOwn(SEARCH_KIND_CODES, name);
}

/**
 * The entity properties of a kind the index depends on: its text, and what decides whether the
 * public sees it. A write to another property leaves the index as it is.
 */
export function indexedProperties(kind: SearchKind): string[] {
  const { fields, visibility } = SOURCES[kind];
  return [...fields.map(([field]) => field), ...(visibility?.properties ?? [])];
}

/** Anything that runs SQL: a DataSource, an EntityManager inside a transaction, a QueryRunner. */
export type Queryable = {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
} & KnowsEngine;

/** The weight of a word in a record, from its stored `weight_order`. */
export const weightOf = (weightOrder: number): number => MAX_WEIGHT - weightOrder;

/** Rows per INSERT: five parameters each, well under both engines' parameter limits. */
const INSERT_ROWS = 2000;

/**
 * Replaces the index rows of the given records of one kind with what their text (and their
 * translations' text) holds now. A record that no longer exists loses its rows. Run it inside the
 * transaction that changed the records, so the index commits (or rolls back) with them.
 *
 * `created`: the records were inserted in this transaction, so they have no rows to replace. The
 * delete is then left out, and with it the gap lock InnoDB takes on an empty range, on which two
 * transactions inserting side by side (new ids are neighbours) would deadlock.
 */
export async function reindexRecords(
  db: Queryable,
  kind: SearchKind,
  ids: readonly number[],
  created = false,
): Promise<number> {
  const source = SOURCES[kind];
  const code = SEARCH_KIND_CODES[kind];
  let written = 0;
  for (let at = 0; at < ids.length; at += MAX_BATCH_KEYS) {
    const batch = [...new Set(ids.slice(at, at + MAX_BATCH_KEYS))];
    const marks = batch.map(() => "?").join(", ");
    // On MySQL the reads lock the rows they read (shared), so a rebuild running beside a writer waits
    // for its commit and indexes the text it committed, not the text before it.
    const lock = isSqlite(db) ? "" : " LOCK IN SHARE MODE";
    const columns = [
      "id",
      ...source.fields.map(([f]) => f),
      ...(source.visibility ? [source.visibility.columns] : []),
    ].join(", ");
    const rows = (await db.query(
      `SELECT ${columns} FROM ${source.table} WHERE id IN (${marks})${lock}`,
      batch,
    )) as Record<string, unknown>[];
    const texts = new Map<number, WeightedText[]>();
    const visible = new Map<number, unknown>();
    for (const row of rows) {
      const id = Number(row.id);
      texts.set(
        id,
        source.fields.map(([field, boost]) => ({ text: String(row[field] ?? ""), boost })),
      );
      visible.set(id, publicFrom(kind, row));
    }
    if (source.translated && rows.length) {
      const translations = (await db.query(
        `SELECT subject_id, field, text FROM translation WHERE subject_type = ? AND subject_id IN (${marks})${lock}`,
        [kind, ...batch],
      )) as { subject_id: unknown; field: string; text: string }[];
      for (const t of translations) {
        const boost = source.fields.find(([f]) => f === t.field)?.[1] ?? 1;
        texts.get(Number(t.subject_id))?.push({ text: String(t.text ?? ""), boost });
      }
    }
    if (!created) {
      await db.query(`DELETE FROM ${SEARCH_TABLE} WHERE kind = ? AND subject_id IN (${marks})`, [
        code,
        ...batch,
      ]);
    }
    const values: unknown[] = [];
    for (const [id, fields] of texts) {
      const from = visible.get(id);
      for (const [term, weight] of wordWeights(fields, source.typicalLength)) {
        values.push(code, id, term, MAX_WEIGHT - weight, from);
      }
    }
    const width = 5;
    for (let v = 0; v < values.length; v += INSERT_ROWS * width) {
      const chunk = values.slice(v, v + INSERT_ROWS * width);
      const tuples = Array.from({ length: chunk.length / width }, () => "(?, ?, ?, ?, ?)").join(
        ", ",
      );
      await db.query(
        `INSERT INTO ${SEARCH_TABLE} (kind, subject_id, term, weight_order, public_from) VALUES ${tuples}`,
        chunk,
      );
    }
    written += values.length / width;
  }
  return written;
}

/**
 * Rebuilds the whole index, kind by kind and batch by batch of ids, each batch in `transaction`, so
 * a rebuild never holds one long transaction nor locks more than a batch's rows. A batch also
 * removes the rows of records that are gone (deleted around the API, or by a cascade) between its
 * ids. Returns the records and index rows written.
 */
export async function reindexAll(
  db: Queryable,
  transaction: <T>(work: (db: Queryable) => Promise<T>) => Promise<T> = work => work(db),
): Promise<{ records: number; rows: number }> {
  let records = 0;
  let rows = 0;
  for (const kind of Object.keys(SOURCES) as SearchKind[]) {
    const { table } = SOURCES[kind];
    // Below every id, stored or not (ids are 32-bit integers).
    let after = -(2 ** 31) - 1;
    for (;;) {
      const ids = (
        (await db.query(
          `SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT ${MAX_BATCH_KEYS}`,
          [after],
        )) as { id: unknown }[]
      ).map(r => Number(r.id));
      if (!ids.length) break;
      const last = ids[ids.length - 1];
      rows += await transaction(async tx => {
        await tx.query(
          `DELETE FROM ${SEARCH_TABLE} WHERE kind = ? AND subject_id > ? AND subject_id <= ? AND subject_id NOT IN (${ids.map(() => "?").join(", ")})`,
          [SEARCH_KIND_CODES[kind], after, last, ...ids],
        );
        return reindexRecords(tx, kind, ids);
      });
      records += ids.length;
      after = last;
    }
    // Past the last record.
    await db.query(`DELETE FROM ${SEARCH_TABLE} WHERE kind = ? AND subject_id > ?`, [
      SEARCH_KIND_CODES[kind],
      after,
    ]);
  }
  return { records, rows };
}

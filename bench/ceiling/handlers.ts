import type { Pool, RowDataPacket } from "mysql2/promise";
import { MAX_WEIGHT, prefixEnd, queryWords } from "../../src/core/search-text";
import type { OperationName } from "../operations";
import { decodeCursor, encodeCursor, globalId, isoInZone, nowStored } from "./format";

// Rows of hand-written SQL: their shape is the SELECT list right beside each use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = RowDataPacket & Record<string, any>;
type Vars = Record<string, unknown>;

/** A client mistake the ceiling refuses (it answers only the bench's own operations). */
export class CeilingInputError extends Error {}

function size(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 100) {
    throw new CeilingInputError("first must be an integer from 0 to 100");
  }
  return value as number;
}

const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** Groups rows by a numeric column, keeping their order. */
function groupBy(rows: Row[], key: string): Map<number, Row[]> {
  const map = new Map<number, Row[]>();
  for (const row of rows) {
    const list = map.get(row[key]);
    if (list) list.push(row);
    else map.set(row[key], [row]);
  }
  return map;
}

const KIND_ORDER: Record<string, number> = { Session: 0, Person: 1, Article: 2 };
const KIND_NAMES: Record<number, string> = { 1: "Session", 2: "Person", 3: "Article" };

/**
 * The hand-written answers: mysql2 and SQL written for each operation, prepared statements for the
 * hot paths, the fewest statements each answer needs, and no cache of any kind (every request reads
 * the database). Each returns the `data` object with fields in the document's selection order.
 */
export function createHandlers(pool: Pool) {
  const run = async (sql: string, params: unknown[]): Promise<Row[]> =>
    (await pool.execute<Row[]>(sql, params as never[]))[0];

  async function speakersAndAudiences(ids: number[]) {
    const [speakers, audiences] = await Promise.all([
      run(
        `SELECT ss.session_id, p.id, p.slug, p.name, p.affiliation FROM session_speaker ss
         JOIN person p ON p.id = ss.person_id WHERE ss.session_id IN (${marks(ids.length)})
         ORDER BY ss.session_id, ss.position, p.id`,
        ids,
      ),
      run(
        `SELECT sa.session_id, c.slug, c.name FROM session_audience sa
         JOIN community c ON c.id = sa.community_id WHERE sa.session_id IN (${marks(ids.length)})
         ORDER BY sa.session_id, sa.community_id`,
        ids,
      ),
    ]);
    return {
      speakers: groupBy(speakers, "session_id"),
      audiences: groupBy(audiences, "session_id"),
    };
  }

  /** One page of a conference's program in index order: (starts_at, session_id) after the cursor. */
  async function programRows(conferenceId: number, first: number, after: unknown, wide: boolean) {
    const cursor = after == null ? null : decodeCursor(after);
    if (after != null && !cursor) throw new CeilingInputError("after is not a cursor");
    const columns = wide
      ? "s.id, s.slug, s.title, s.kind, s.room, s.starts_at, s.ends_at, h.timezone"
      : "sp.session_id AS id, sp.starts_at";
    const joins = wide
      ? "JOIN session s ON s.id = sp.session_id JOIN conference h ON h.id = s.host_conference_id"
      : "";
    // The redundant `>=` bound gives the optimizer an index range that starts at the cursor.
    const keyset = cursor
      ? "AND sp.starts_at >= ? AND (sp.starts_at > ? OR (sp.starts_at = ? AND sp.session_id > ?))"
      : "";
    const params: unknown[] = [conferenceId];
    if (cursor) params.push(cursor[0], cursor[0], cursor[0], cursor[1]);
    const rows = await run(
      `SELECT ${columns} FROM session_program sp FORCE INDEX (ix_session_program_conference_start) ${joins}
       WHERE sp.conference_id = ? ${keyset} ORDER BY sp.starts_at, sp.session_id LIMIT ${first + 1}`,
      params,
    );
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, hasPrevious: !!cursor };
  }

  async function conferenceBySlug(slug: unknown): Promise<Row | undefined> {
    return (
      await run("SELECT id, name, timezone FROM conference WHERE slug = ?", [String(slug)])
    )[0];
  }

  async function articleRows(first: number, after: unknown, wide: boolean) {
    const cursor = after == null ? null : decodeCursor(after);
    if (after != null && !cursor) throw new CeilingInputError("after is not a cursor");
    const columns = wide
      ? "a.id, a.slug, a.title, a.kind, a.excerpt, a.published_at, p.slug AS p_slug, p.name AS p_name"
      : "a.id, a.published_at";
    const join = wide ? "JOIN publication p ON p.id = a.publication_id" : "";
    // The redundant `<=` bound gives the optimizer an index range that starts at the cursor.
    const keyset = cursor
      ? "AND a.published_at <= ? AND (a.published_at < ? OR (a.published_at = ? AND a.id < ?))"
      : "";
    const params: unknown[] = [nowStored()];
    if (cursor) params.push(cursor[0], cursor[0], cursor[0], cursor[1]);
    // STRAIGHT_JOIN and FORCE INDEX: read articles as a range of (status, published_at, id) from
    // the cursor, and look each publication up by key. Left alone, MariaDB joins the five
    // publications first and sorts, or scans the whole status from the newest row down.
    const rows = await run(
      `SELECT STRAIGHT_JOIN ${columns} FROM article a FORCE INDEX (ix_article_published) ${join}
       WHERE a.status = 'PUBLISHED' AND a.published_at <= ? ${keyset}
       ORDER BY a.published_at DESC, a.id DESC LIMIT ${first + 1}`,
      params,
    );
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, hasPrevious: !!cursor };
  }

  const handlers: Record<OperationName, (v: Vars) => Promise<unknown>> = {
    async ProgramPage(v) {
      const conference = await conferenceBySlug(v.slug);
      if (!conference) return { conference: null };
      const page = await programRows(conference.id, size(v.first), v.after, true);
      const ids = page.rows.map(r => r.id as number);
      const linked = ids.length ? await speakersAndAudiences(ids) : null;
      return {
        conference: {
          name: conference.name,
          timezone: conference.timezone,
          sessions: {
            pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPrevious },
            nodes: page.rows.map(s => ({
              id: globalId("Session", s.id),
              slug: s.slug,
              title: s.title,
              kind: s.kind,
              room: s.room,
              startsAt: isoInZone(s.starts_at, s.timezone),
              endsAt: isoInZone(s.ends_at, s.timezone),
              speakers: (linked?.speakers.get(s.id) ?? []).map(p => ({
                id: globalId("Person", p.id),
                slug: p.slug,
                name: p.name,
                affiliation: p.affiliation,
              })),
              audiences: (linked?.audiences.get(s.id) ?? []).map(c => ({
                slug: c.slug,
                name: c.name,
              })),
            })),
          },
        },
      };
    },

    async ProgramWalk(v) {
      const conference = await conferenceBySlug(v.slug);
      if (!conference) return { conference: null };
      const page = await programRows(conference.id, size(v.first), v.after, false);
      const last = page.rows[page.rows.length - 1];
      return {
        conference: {
          sessions: {
            pageInfo: {
              hasNextPage: page.hasNextPage,
              endCursor: last ? encodeCursor([last.starts_at, last.id]) : null,
            },
          },
        },
      };
    },

    async ArticlesPage(v) {
      const page = await articleRows(size(v.first), v.after, true);
      const ids = page.rows.map(r => r.id as number);
      const authors = ids.length
        ? groupBy(
            await run(
              `SELECT aa.article_id, p.slug, p.name FROM article_author aa
               JOIN person p ON p.id = aa.person_id WHERE aa.article_id IN (${marks(ids.length)})
               ORDER BY aa.article_id, aa.position, p.id`,
              ids,
            ),
            "article_id",
          )
        : new Map<number, Row[]>();
      return {
        articles: {
          pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPrevious },
          nodes: page.rows.map(a => ({
            id: globalId("Article", a.id),
            slug: a.slug,
            title: a.title,
            kind: a.kind,
            excerpt: a.excerpt,
            publishedAt: isoInZone(a.published_at, "UTC"),
            publication: { slug: a.p_slug, name: a.p_name },
            authors: (authors.get(a.id) ?? []).map(p => ({ slug: p.slug, name: p.name })),
          })),
        },
      };
    },

    async ArticlesWalk(v) {
      const page = await articleRows(size(v.first), v.after, false);
      const last = page.rows[page.rows.length - 1];
      return {
        articles: {
          pageInfo: {
            hasNextPage: page.hasNextPage,
            endCursor: last ? encodeCursor([last.published_at, last.id]) : null,
          },
        },
      };
    },

    async Search(v) {
      const first = size(v.first);
      // The app's rule for the words of a query, and its index (src/db/search-index.ts).
      const words = queryWords(String(v.query));
      if (words.length > 1) throw new CeilingInputError("the ceiling searches for one word");
      let hits: { kind: string; id: number; score: number }[] = [];
      if (words.length) {
        // The word's best 500 entries per kind in index order, among those the public sees (the
        // index's public_from). A record's best entry (a prefix may match several of its words)
        // is its score.
        const arm = (kind: number) =>
          `SELECT kind, subject_id, weight_order FROM search_posting WHERE kind = ${kind} AND term >= ? AND term < ? AND public_from <= ? ORDER BY term, weight_order LIMIT 500`;
        const now = nowStored();
        const [rows] = await pool.query<Row[]>(
          `SELECT * FROM (${arm(1)}) s UNION ALL SELECT * FROM (${arm(2)}) p UNION ALL SELECT * FROM (${arm(3)}) a`,
          [1, 2, 3].flatMap(() => [words[0], prefixEnd(words[0]), now]),
        );
        const best = new Map<string, { kind: string; id: number; score: number }>();
        for (const r of rows) {
          const kind = KIND_NAMES[Number(r.kind)];
          const score = Math.round(((MAX_WEIGHT - Number(r.weight_order)) / 1000) * 1e6) / 1e6;
          const key = `${kind}:${r.subject_id}`;
          const seen = best.get(key);
          if (!seen || seen.score < score) best.set(key, { kind, id: Number(r.subject_id), score });
        }
        hits = [...best.values()].sort(
          (a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id,
        );
      }
      const slice = hits.slice(0, first);
      const byKind = (kind: string) => slice.filter(h => h.kind === kind).map(h => h.id);
      const arms: string[] = [];
      const params: number[] = [];
      for (const [kind, table, label] of [
        ["Session", "session", "title"],
        ["Person", "person", "name"],
        ["Article", "article", "title"],
      ]) {
        const ids = byKind(kind);
        if (!ids.length) continue;
        arms.push(
          `SELECT '${kind}' AS kind, id, slug, ${label} AS label FROM ${table} WHERE id IN (${marks(ids.length)})`,
        );
        params.push(...ids);
      }
      const loaded = new Map<string, Row>();
      if (arms.length) {
        for (const row of await run(arms.join(" UNION ALL "), params)) {
          loaded.set(`${row.kind}:${row.id}`, row);
        }
      }
      return {
        search: {
          totalCount: hits.length,
          pageInfo: { hasNextPage: slice.length ? slice.length < hits.length : false },
          edges: slice.map(h => {
            const row = loaded.get(`${h.kind}:${h.id}`) as Row;
            const node =
              h.kind === "Person"
                ? {
                    __typename: h.kind,
                    id: globalId(h.kind, h.id),
                    slug: row.slug,
                    name: row.label,
                  }
                : {
                    __typename: h.kind,
                    id: globalId(h.kind, h.id),
                    slug: row.slug,
                    title: row.label,
                  };
            return { score: h.score, node };
          }),
        },
      };
    },

    async SessionPage(v) {
      const session = (
        await run(
          `SELECT s.id, s.slug, s.title, s.abstract, s.kind, s.level, s.room, s.starts_at, s.ends_at,
             h.slug AS h_slug, h.name AS h_name, h.timezone
           FROM session s JOIN conference h ON h.id = s.host_conference_id WHERE s.slug = ?`,
          [String(v.slug)],
        )
      )[0];
      if (!session) return { session: null };
      const [programs, audiences, topics, speakers] = await Promise.all([
        run(
          `SELECT c.slug, c.name FROM session_program sp JOIN conference c ON c.id = sp.conference_id
           WHERE sp.session_id = ? ORDER BY c.starts_on, c.id`,
          [session.id],
        ),
        run(
          `SELECT c.slug, c.name FROM session_audience sa JOIN community c ON c.id = sa.community_id
           WHERE sa.session_id = ? ORDER BY sa.community_id`,
          [session.id],
        ),
        run(
          `SELECT t.slug, t.name FROM session_topic st JOIN topic t ON t.id = st.topic_id
           WHERE st.session_id = ? ORDER BY t.name, t.id`,
          [session.id],
        ),
        run(
          `SELECT p.id, p.slug, p.name, p.affiliation FROM session_speaker ss
           JOIN person p ON p.id = ss.person_id WHERE ss.session_id = ? ORDER BY ss.position, p.id`,
          [session.id],
        ),
      ]);
      // Each speaker's first five sessions, one index range per speaker, in one statement.
      const theirs = speakers.length
        ? await run(
            speakers
              .map(
                (
                  _,
                  i,
                ) => `SELECT * FROM (SELECT ss.person_id, s.id, s.slug, s.title, s.starts_at, h.timezone
                  FROM session_speaker ss JOIN session s ON s.id = ss.session_id
                  JOIN conference h ON h.id = s.host_conference_id
                  WHERE ss.person_id = ? ORDER BY s.starts_at, s.id LIMIT 5) AS t${i}`,
              )
              .join(" UNION ALL "),
            speakers.map(p => p.id),
          )
        : [];
      theirs.sort((a, b) =>
        a.starts_at < b.starts_at ? -1 : a.starts_at > b.starts_at ? 1 : a.id - b.id,
      );
      const byPerson = groupBy(theirs, "person_id");
      return {
        session: {
          id: globalId("Session", session.id),
          slug: session.slug,
          title: session.title,
          abstract: session.abstract,
          kind: session.kind,
          level: session.level,
          room: session.room,
          startsAt: isoInZone(session.starts_at, session.timezone),
          endsAt: isoInZone(session.ends_at, session.timezone),
          hostConference: {
            slug: session.h_slug,
            name: session.h_name,
            timezone: session.timezone,
          },
          programs: programs.map(c => ({ slug: c.slug, name: c.name })),
          audiences: audiences.map(c => ({ slug: c.slug, name: c.name })),
          topics: topics.map(t => ({ slug: t.slug, name: t.name })),
          speakers: speakers.map(p => ({
            id: globalId("Person", p.id),
            slug: p.slug,
            name: p.name,
            affiliation: p.affiliation,
            sessions: {
              nodes: (byPerson.get(p.id) ?? []).map(s => ({
                slug: s.slug,
                title: s.title,
                startsAt: isoInZone(s.starts_at, s.timezone),
              })),
            },
          })),
        },
      };
    },
  };
  return handlers;
}

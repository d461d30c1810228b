import { In, type DataSource, type EntityTarget, type ObjectLiteral } from "typeorm";
import {
  Article,
  ArticleKind,
  ArticleSession,
  ArticleStatus,
  Community,
  Conference,
  Person,
  Session,
  SessionAudience,
  SessionKind,
  SessionLevel,
  SessionProgram,
  SessionSpeaker,
  SessionTopic,
  Topic,
  Publication,
} from "../../../entities";
import { reindexRecords, type SearchKind } from "../search-index";

export interface BulkOptions {
  /** Slug prefix of the generated sessions (and speakers); lets a test add several batches. */
  prefix?: string;
  /** Speakers of each session, by slug. Default: two of ten generated speakers, in rotation. */
  speakers?: string[];
  /** Audiences of each session, by slug. Default: two communities of the demo graph, in rotation. */
  audiences?: string[];
  /** The topic of each session. Default: `databases`. */
  topic?: string;
  /** First session's start; later ones start a minute apart. Default: 2008-11-12 14:00 UTC. */
  startsAt?: Date;
}

/**
 * Synthetic load for benchmarks and statement-count tests (never part of the demo seed): adds
 * `count` sessions to a conference's program, each with speakers, audiences, a topic and coverage by
 * the wrap-up article, so row counts grow while query shapes stay the same. Inserts in batches.
 */
export async function addProgramSessions(
  ds: DataSource,
  conferenceSlug: string,
  count: number,
  options: BulkOptions = {},
): Promise<void> {
  const prefix = options.prefix ?? "bulk";
  const idOf = async (entity: EntityTarget<ObjectLiteral>, slug: string) =>
    ((await ds.getRepository(entity).findOneByOrFail({ slug })) as { id: number }).id;
  const conferenceId = await idOf(Conference, conferenceSlug);
  const topicId = await idOf(Topic, options.topic ?? "databases");
  const articleId = await idOf(Article, "pyworks-2008-wrap-up");
  let speakerIds: number[];
  if (options.speakers) {
    speakerIds = await Promise.all(options.speakers.map(s => idOf(Person, s)));
  } else {
    const people = Array.from({ length: 10 }, (_, i) => ({
      slug: `${prefix}-speaker-${i}`,
      name: `Bulk Speaker ${i}`,
      bio: "",
      affiliation: null,
      links: [],
    }));
    await ds.getRepository(Person).insert(people);
    speakerIds = await idsBySlug(
      ds,
      Person,
      people.map(p => p.slug),
    );
    await indexForSearch(ds, "Person", speakerIds);
  }
  const audienceIds = options.audiences
    ? await Promise.all(options.audiences.map(s => idOf(Community, s)))
    : (await ds.getRepository(Community).find({ order: { id: "ASC" } })).map(c => c.id);
  const rotate = (ids: number[], i: number) =>
    options.speakers || options.audiences ? ids : [ids[i % ids.length], ids[(i + 1) % ids.length]];

  const base = (options.startsAt ?? new Date(Date.UTC(2008, 10, 12, 14, 0, 0))).getTime();
  const sessions = Array.from({ length: count }, (_, i) => ({
    slug: `${prefix}-session-${i}`,
    title: `Bulk session ${i}`,
    abstract: "Generated load.",
    kind: SessionKind.TALK,
    level: SessionLevel.ALL,
    startsAt: new Date(base + i * 60_000),
    endsAt: new Date(base + i * 60_000 + 45 * 60_000),
    room: `Room ${i % 5}`,
    location: null,
    hostConferenceId: conferenceId,
  }));
  await insertInBatches(ds, Session, sessions);
  const ids = await idsBySlug(
    ds,
    Session,
    sessions.map(s => s.slug),
  );
  await indexForSearch(ds, "Session", ids);
  const speakers = options.speakers ? speakerIds : null;
  await insertInBatches(
    ds,
    SessionProgram,
    ids.map((sessionId, i) => ({ sessionId, conferenceId, startsAt: sessions[i].startsAt })),
  );
  await insertInBatches(
    ds,
    SessionAudience,
    ids.flatMap((sessionId, i) =>
      (options.audiences ? audienceIds : rotate(audienceIds, i)).map(communityId => ({
        sessionId,
        communityId,
        startsAt: sessions[i].startsAt,
      })),
    ),
  );
  await insertInBatches(
    ds,
    SessionSpeaker,
    ids.flatMap((sessionId, i) =>
      (speakers ?? rotate(speakerIds, i)).map((personId, position) => ({
        sessionId,
        personId,
        position,
        startsAt: sessions[i].startsAt,
      })),
    ),
  );
  await insertInBatches(
    ds,
    SessionTopic,
    ids.map(sessionId => ({ sessionId, topicId })),
  );
  await insertInBatches(
    ds,
    ArticleSession,
    ids.map(sessionId => ({ sessionId, articleId })),
  );
}

/**
 * Adds `count` people (`<prefix>-person-<i>`), each speaking at `sessionsEach` of the given sessions
 * in rotation. Returns their ids in order.
 */
export async function addPeople(
  ds: DataSource,
  count: number,
  options: { prefix?: string; sessionSlugs?: string[]; sessionsEach?: number } = {},
): Promise<number[]> {
  const prefix = options.prefix ?? "bulk";
  const people = Array.from({ length: count }, (_, i) => ({
    slug: `${prefix}-person-${i}`,
    name: `Bulk Person ${String(i).padStart(5, "0")}`,
    bio: "",
    affiliation: null,
    links: [],
  }));
  await insertInBatches(ds, Person, people, 200);
  const ids = await idsBySlug(
    ds,
    Person,
    people.map(p => p.slug),
  );
  await indexForSearch(ds, "Person", ids);
  const sessions: Pick<Session, "id" | "startsAt">[] = [];
  for (const slug of options.sessionSlugs ?? []) {
    sessions.push(
      await ds
        .getRepository(Session)
        .findOneOrFail({ where: { slug }, select: { id: true, startsAt: true } }),
    );
  }
  const each = Math.min(options.sessionsEach ?? 0, sessions.length);
  await insertInBatches(
    ds,
    SessionSpeaker,
    ids.flatMap((personId, i) =>
      Array.from({ length: each }, (_, j) => {
        const session = sessions[(i + j) % sessions.length];
        return { personId, sessionId: session.id, startsAt: session.startsAt, position: 9 };
      }),
    ),
    200,
  );
  return ids;
}

/**
 * Adds `count` articles (`<prefix>-article-<i>`) to a publication: published ones an hour apart
 * going back from `newest`, and every `draftEvery`-th one an unscheduled draft. Returns their ids.
 */
export async function addArticles(
  ds: DataSource,
  publicationSlug: string,
  count: number,
  options: { prefix?: string; newest?: Date; draftEvery?: number } = {},
): Promise<number[]> {
  const prefix = options.prefix ?? "bulk";
  const publicationId = (
    await ds.getRepository(Publication).findOneByOrFail({
      slug: publicationSlug,
    })
  ).id;
  const newest = (options.newest ?? new Date(Date.UTC(2009, 0, 1))).getTime();
  const draftEvery = options.draftEvery ?? 0;
  const articles = Array.from({ length: count }, (_, i) => {
    const draft = draftEvery > 0 && i % draftEvery === draftEvery - 1;
    return {
      slug: `${prefix}-article-${i}`,
      title: `Bulk article ${i}`,
      kind: ArticleKind.NEWS,
      excerpt: "Generated load.",
      body: "Generated load.",
      status: draft ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED,
      publishedAt: draft ? null : new Date(newest - i * 3_600_000),
      publicationId,
    };
  });
  await insertInBatches(ds, Article, articles, 200);
  const ids = await idsBySlug(
    ds,
    Article,
    articles.map(a => a.slug),
  );
  await indexForSearch(ds, "Article", ids);
  return ids;
}

/** Puts the records just added into the search index, as the writers do for theirs. */
async function indexForSearch(ds: DataSource, kind: SearchKind, ids: number[]): Promise<void> {
  await ds.transaction(manager => reindexRecords(manager, kind, ids, true));
}

/** The ids of records by slug, in the slugs' order, in a few statements. */
async function idsBySlug(
  ds: DataSource,
  entity: EntityTarget<ObjectLiteral>,
  slugs: string[],
): Promise<number[]> {
  const bySlug = new Map<string, number>();
  for (let i = 0; i < slugs.length; i += 500) {
    const rows = (await ds.getRepository(entity).find({
      where: { slug: In(slugs.slice(i, i + 500)) },
      select: { id: true, slug: true },
    })) as { id: number; slug: string }[];
    for (const row of rows) bySlug.set(row.slug, row.id);
  }
  return slugs.map(slug => {
    const id = bySlug.get(slug);
    if (id === undefined) throw new Error(`no record with slug ${slug}`);
    return id;
  });
}

async function insertInBatches<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  rows: Partial<T>[],
  size = 50,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await ds.getRepository(entity).insert(rows.slice(i, i + size) as never);
  }
}

import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import {
  Article,
  ArticleSession,
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
} from "../../../entities";

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
    speakerIds = await Promise.all(people.map(p => idOf(Person, p.slug)));
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
  const ids = await Promise.all(sessions.map(s => idOf(Session, s.slug)));
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

async function insertInBatches<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) {
    await ds.getRepository(entity).insert(rows.slice(i, i + 50) as never);
  }
}

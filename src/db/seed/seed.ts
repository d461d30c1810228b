import { DateTime } from "luxon";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import {
  Article,
  ArticleAuthor,
  ArticleCommunity,
  ArticleConference,
  ArticlePerson,
  ArticleSession,
  ArticleTopic,
  Comment,
  Community,
  Conference,
  ConferenceColocation,
  ConferenceSeries,
  Person,
  Publication,
  Session,
  SessionAudience,
  SessionProgram,
  SessionSpeaker,
  SessionTopic,
  Topic,
} from "../../../entities";
import { findOrCreateRoom, type Made } from "../rooms";
import { isSearchKind, reindexRecords, type SearchKind } from "../search-index";
import * as demo from "./demo-data";

export interface SeedReport {
  /** Rows inserted, by table. A second run reports nothing inserted. */
  inserted: Record<string, number>;
}

type Sluggable = ObjectLiteral & { id: number; slug: string };

/**
 * Loads the demo graph. Idempotent: records are matched by slug (link rows by their keys) and only
 * what is missing is inserted; existing rows are left as they are, so editors' changes survive.
 * Runs in one transaction.
 */
export async function seedDemoData(dataSource: DataSource): Promise<SeedReport> {
  return dataSource.transaction(async manager => {
    const seeder = new Seeder(manager);
    const report = await seeder.run();
    // The records it added go into the search index in the same transaction.
    for (const [kind, ids] of seeder.searchable) await reindexRecords(manager, kind, ids, true);
    return report;
  });
}

/** True when the database has no conferences yet (the embedded default seeds itself then). */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(Conference).count()) === 0;
}

class Seeder {
  private readonly inserted: Record<string, number> = {};
  private readonly ids = new Map<string, number>();
  /** The sessions, people and articles inserted, for the search index. */
  readonly searchable = new Map<SearchKind, number[]>();

  constructor(private readonly m: EntityManager) {}

  async run(): Promise<SeedReport> {
    for (const c of demo.communities) {
      await this.bySlug(Community, c.slug, {
        name: c.name,
        description: c.description,
        parentId: c.parent ? this.id(Community, c.parent) : null,
      });
    }
    for (const s of demo.series) {
      await this.bySlug(ConferenceSeries, s.slug, {
        name: s.name,
        communityId: this.id(Community, s.community),
      });
    }
    for (const c of demo.conferences) {
      const { colocatedWith: _ignored, community, series, ...fields } = c;
      await this.bySlug(Conference, c.slug, {
        ...fields,
        communityId: this.id(Community, community),
        seriesId: series ? this.id(ConferenceSeries, series) : null,
      });
    }
    for (const c of demo.conferences) {
      for (const other of c.colocatedWith ?? []) {
        const a = this.id(Conference, c.slug);
        const b = this.id(Conference, other);
        await this.link(ConferenceColocation, { conferenceId: a, colocatedId: b });
        await this.link(ConferenceColocation, { conferenceId: b, colocatedId: a });
      }
    }
    for (const p of demo.people) await this.bySlug(Person, p.slug, { ...p });
    for (const t of demo.topics) await this.bySlug(Topic, t.slug, { ...t });
    for (const p of demo.publications) {
      const { community, ...fields } = p;
      await this.bySlug(Publication, p.slug, {
        ...fields,
        communityId: this.id(Community, community),
      });
    }
    for (const s of demo.sessions) await this.session(s);
    for (const a of demo.articles) await this.article(a);
    return { inserted: this.inserted };
  }

  private async session(s: demo.DemoSession): Promise<void> {
    const host = demo.conferences.find(c => c.slug === s.host);
    if (!host) throw new Error(`demo session ${s.slug}: unknown host ${s.host}`);
    const startsAt = DateTime.fromISO(s.starts, { zone: host.timezone }).toJSDate();
    const endsAt = DateTime.fromISO(s.ends, { zone: host.timezone }).toJSDate();
    const sessionId = await this.bySlug(Session, s.slug, {
      title: s.title,
      abstract: s.abstract,
      kind: s.kind,
      level: s.level,
      startsAt,
      endsAt,
      room: s.room,
      roomId: s.room ? await this.room(host, s.room) : null,
      location: s.location,
      hostConferenceId: this.id(Conference, s.host),
    });
    for (const c of s.programs) {
      await this.link(
        SessionProgram,
        { sessionId, conferenceId: this.id(Conference, c) },
        { startsAt },
      );
    }
    for (const c of s.audiences) {
      await this.link(
        SessionAudience,
        { sessionId, communityId: this.id(Community, c) },
        { startsAt },
      );
    }
    for (const [position, p] of s.speakers.entries()) {
      await this.link(
        SessionSpeaker,
        { sessionId, personId: this.id(Person, p) },
        { position, startsAt },
      );
    }
    for (const t of s.topics)
      await this.link(SessionTopic, { sessionId, topicId: this.id(Topic, t) });
  }

  private async article(a: demo.DemoArticle): Promise<void> {
    const existing = await this.m.findOneBy(Article, { slug: a.slug });
    const articleId = await this.bySlug(Article, a.slug, {
      title: a.title,
      kind: a.kind,
      status: a.status,
      publishedAt: a.publishedAt ? new Date(a.publishedAt) : null,
      publicationId: this.id(Publication, a.publication),
      excerpt: a.excerpt,
      body: a.body,
    });
    for (const [position, p] of a.authors.entries()) {
      await this.link(ArticleAuthor, { articleId, personId: this.id(Person, p) }, { position });
    }
    for (const t of a.topics)
      await this.link(ArticleTopic, { articleId, topicId: this.id(Topic, t) });
    for (const c of a.covers.conferences) {
      await this.link(ArticleConference, { articleId, conferenceId: this.id(Conference, c) });
    }
    for (const s of a.covers.sessions) {
      await this.link(ArticleSession, { articleId, sessionId: this.id(Session, s) });
    }
    for (const p of a.covers.people) {
      await this.link(ArticlePerson, { articleId, personId: this.id(Person, p) });
    }
    for (const c of a.covers.communities) {
      await this.link(ArticleCommunity, { articleId, communityId: this.id(Community, c) });
    }
    // Comments have no natural key: they are added with their article, once.
    if (!existing) {
      for (const { at, ...comment } of a.comments) {
        const when = new Date(at);
        await this.insert(Comment, { articleId, ...comment, createdAt: when, updatedAt: when });
      }
    }
  }

  /** The id of the room called `name` at the host's venue, made (and counted) when missing. */
  private async room(host: demo.DemoConference, name: string): Promise<number> {
    const made: Made = {};
    const room = await findOrCreateRoom(this.m, host, name, made);
    for (const table of ["venue", "room"] as const) {
      if (made[table]) this.inserted[table] = (this.inserted[table] ?? 0) + 1;
    }
    return room.id;
  }

  private id(target: EntityTarget<Sluggable>, slug: string): number {
    const id = this.ids.get(`${this.name(target)}:${slug}`);
    if (id === undefined)
      throw new Error(`demo data refers to unknown ${this.name(target)} "${slug}"`);
    return id;
  }

  private name(target: EntityTarget<ObjectLiteral>): string {
    return this.m.getRepository(target).metadata.tableName;
  }

  private async bySlug<T extends Sluggable>(
    target: EntityTarget<T>,
    slug: string,
    fields: Partial<T>,
  ): Promise<number> {
    const found = await this.m
      .getRepository(target)
      .findOne({ where: { slug } as never, select: { id: true } as never });
    const id = found ? found.id : await this.insert(target, { ...fields, slug } as Partial<T>);
    const kind = this.m.getRepository(target).metadata.name;
    if (!found && isSearchKind(kind)) {
      const ids = this.searchable.get(kind) ?? [];
      this.searchable.set(kind, ids);
      ids.push(id);
    }
    this.ids.set(`${this.name(target)}:${slug}`, id);
    return id;
  }

  private async link<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    key: Partial<T>,
    extra: Partial<T> = {},
  ): Promise<void> {
    if (!(await this.m.getRepository(target).existsBy(key as never))) {
      await this.insert(target, { ...key, ...extra });
    }
  }

  private async insert<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    fields: Partial<T>,
  ): Promise<number> {
    const result = await this.m.getRepository(target).insert(fields as never);
    const table = this.name(target);
    this.inserted[table] = (this.inserted[table] ?? 0) + 1;
    return (result.identifiers[0]?.id as number | undefined) ?? 0;
  }
}

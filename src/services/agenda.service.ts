import { createHash } from "node:crypto";
import type { DataSource } from "typeorm";
import { Agenda, AgendaSession, Session, SessionStatus } from "../../entities";
import { NotFoundError } from "../core/errors";
import type { CommunityService } from "./community.service";
import type { FeedEntry, FeedService } from "./feed.service";

/** Every agenda secret starts with this, so a leaked one is easy to recognise. */
export const AGENDA_SECRET_PREFIX = "cta_";
/** `cta_` + 32 random bytes in base64url: 256 bits, never guessed. */
const AGENDA_SECRET_SHAPE = /^cta_[A-Za-z0-9_-]{43}$/;
/** The most sessions one agenda may hold (a person attends a few dozen at most). */
export const AGENDA_MAX_SESSIONS = 300;

/** SHA-256 of an agenda secret, lowercase hex: the only form in which secrets are stored. */
export function hashAgendaSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True when `secret` could be an agenda secret at all (checked before any lookup). */
export function isAgendaSecretShape(secret: string): boolean {
  return AGENDA_SECRET_SHAPE.test(secret);
}

/** The agenda a secret opens, or NOT_FOUND (which never repeats the secret). */
export class UnknownAgendaError extends NotFoundError {
  constructor() {
    super("Agenda", "(secret)");
  }
}

/** Two sessions of an agenda that overlap in time; `first` starts no later than `second`. */
export interface AgendaClash {
  first: Session;
  second: Session;
  /** How long they overlap, in minutes. */
  overlapMinutes: number;
}

/**
 * Reads personal agendas: by secret only (there is no way to list or count them). The writes are in
 * `editorial/agenda.writer.ts`.
 */
export class AgendaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deps: { feeds: FeedService; communities: CommunityService },
  ) {}

  /** The agenda a secret opens, or null for a malformed or unknown one. */
  async bySecret(secret: string): Promise<Agenda | null> {
    if (!isAgendaSecretShape(secret)) return null;
    return this.dataSource
      .getRepository(Agenda)
      .findOneBy({ secretHash: hashAgendaSecret(secret) });
  }

  /** Like bySecret, but NOT_FOUND instead of null. */
  async require(secret: string): Promise<Agenda> {
    const agenda = await this.bySecret(secret);
    if (!agenda) throw new UnknownAgendaError();
    return agenda;
  }

  /** The agenda's sessions across every conference, by start (then id). One statement. */
  sessions(agendaId: number): Promise<Session[]> {
    return this.dataSource
      .getRepository(Session)
      .createQueryBuilder("s")
      .innerJoin(AgendaSession, "a", "a.session_id = s.id")
      .where("a.agenda_id = :agendaId", { agendaId })
      .orderBy("s.startsAt", "ASC")
      .addOrderBy("s.id", "ASC")
      .limit(AGENDA_MAX_SESSIONS)
      .getMany();
  }

  /** The feed entries of an agenda (for its iCalendar), same as every other session feed. */
  async feedEntries(agendaId: number): Promise<FeedEntry[]> {
    const sessions = await this.sessions(agendaId);
    return this.deps.feeds.hydrate(sessions, await this.deps.communities.tree());
  }

  /** Overlapping pairs among the agenda's sessions. */
  async clashes(agendaId: number): Promise<AgendaClash[]> {
    return findClashes(await this.sessions(agendaId));
  }
}

/**
 * Every pair of sessions whose times overlap (instants compared in UTC, so sessions of co-located
 * conferences in different zones are compared correctly). A session ending as another starts does not
 * clash, nor does a cancelled one. Pairs come in order of the first session's start, then the second's.
 */
export function findClashes(
  sessions: readonly Pick<Session, "id" | "startsAt" | "endsAt" | "status">[],
): AgendaClash[] {
  const sorted = sessions
    .filter(s => s.status !== SessionStatus.CANCELLED)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  const clashes: AgendaClash[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const second = sorted[j];
      if (second.startsAt.getTime() >= first.endsAt.getTime()) break;
      const end = Math.min(first.endsAt.getTime(), second.endsAt.getTime());
      clashes.push({
        first: first as Session,
        second: second as Session,
        overlapMinutes: Math.round((end - second.startsAt.getTime()) / 60_000),
      });
    }
  }
  return clashes;
}

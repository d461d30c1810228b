import { randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import { Agenda, AgendaSession, Session } from "../../../entities";
import type { RequestContext } from "../../core/context";
import { BadUserInputError, NotFoundError } from "../../core/errors";
import { fromGlobalIdOf } from "../../core/global-id";
import { isSqlite } from "../../db/engine";
import {
  AGENDA_MAX_SESSIONS,
  AGENDA_SECRET_PREFIX,
  hashAgendaSecret,
  isAgendaSecretShape,
  UnknownAgendaError,
} from "../agenda.service";
import { isUniqueViolation, type Writer } from "./writer";

/**
 * Personal agendas: anyone may create one (rate-limited per client before the request runs, see
 * `RateLimits.takeAgendas`) and change it with its secret. Only the secret's hash is stored.
 */
export class AgendaWriter {
  constructor(private readonly writer: Writer) {}

  /** Creates an empty agenda and returns its secret, once, with the stored row. */
  async create(ctx: RequestContext): Promise<{ secret: string; agenda: Agenda }> {
    const secret = AGENDA_SECRET_PREFIX + randomBytes(32).toString("base64url");
    const agenda = await this.writer.transaction(async manager => {
      const repo = manager.getRepository(Agenda);
      const saved = await repo.save(repo.create({ secretHash: hashAgendaSecret(secret) }));
      return repo.findOneByOrFail({ id: saved.id });
    });
    // Never log the secret or anything that identifies the person.
    ctx.log.info({ agendaId: agenda.id }, "agenda created");
    return { secret, agenda };
  }

  /** Adds a session (a global id). Adding one already there changes nothing. */
  async add(_ctx: RequestContext, secret: string, sessionGlobalId: string): Promise<Agenda> {
    const sessionId = fromGlobalIdOf("Session", sessionGlobalId, "session");
    return this.writer.transaction(async manager => {
      const agenda = await findAgenda(manager, secret);
      const session = await manager.getRepository(Session).findOneBy({ id: sessionId });
      if (!session) throw new NotFoundError("Session", sessionGlobalId);
      const links = manager.getRepository(AgendaSession);
      if (await links.existsBy({ agendaId: agenda.id, sessionId })) return agenda;
      if ((await links.countBy({ agendaId: agenda.id })) >= AGENDA_MAX_SESSIONS) {
        throw new BadUserInputError(`An agenda holds at most ${AGENDA_MAX_SESSIONS} sessions`, [
          { field: "session", message: `the agenda already holds ${AGENDA_MAX_SESSIONS} sessions` },
        ]);
      }
      try {
        await links.insert({ agendaId: agenda.id, sessionId });
      } catch (err) {
        // The same session added twice at once: the first insert is the result.
        if (!isUniqueViolation(err)) throw err;
      }
      return agenda;
    });
  }

  /** Removes a session. Removing one that is not there changes nothing. */
  async remove(_ctx: RequestContext, secret: string, sessionGlobalId: string): Promise<Agenda> {
    const sessionId = fromGlobalIdOf("Session", sessionGlobalId, "session");
    return this.writer.transaction(async manager => {
      const agenda = await findAgenda(manager, secret);
      await manager.getRepository(AgendaSession).delete({ agendaId: agenda.id, sessionId });
      return agenda;
    });
  }
}

/**
 * The agenda a secret opens, for a change. On MySQL the row is share-locked to the end of the
 * transaction, so pruning (which deletes only empty agendas, see src/services/retention.ts) waits
 * for the change and then sees it, or went first and the agenda is unknown here.
 */
async function findAgenda(manager: EntityManager, secret: string): Promise<Agenda> {
  let agenda: Agenda | null = null;
  if (isAgendaSecretShape(secret)) {
    const qb = manager
      .getRepository(Agenda)
      .createQueryBuilder("g")
      .where("g.secret_hash = :hash", { hash: hashAgendaSecret(secret) });
    if (!isSqlite(manager)) qb.setLock("pessimistic_read");
    agenda = await qb.getOne();
  }
  if (!agenda) throw new UnknownAgendaError();
  return agenda;
}

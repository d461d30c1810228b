import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from "type-graphql";
import { Session } from "../entities";
import { CacheHint } from "../src/graphql/cache-hint";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import { AgendaClash, AgendaType, CreatedAgenda } from "./types/agenda";

const SECRET_ARG = { description: "The agenda's secret, as createAgenda returned it." } as const;
const SESSION_ARG = { description: "The session's global id." } as const;

// A response carrying an agenda depends on a secret: no cache (server, proxy or browser) keeps it.
const NOT_STORED = { maxAge: 0, scope: "PRIVATE" } as const;

@Resolver(_of => AgendaType)
export class AgendaResolver {
  @CacheHint(NOT_STORED)
  @Query(_returns => AgendaType, {
    nullable: true,
    description: "The agenda a secret opens, or null. Never cached.",
  })
  agenda(@Arg("secret", SECRET_ARG) secret: string, @Ctx() ctx: AppContext) {
    return ctx.services.agendas.bySecret(secret);
  }

  @FieldResolver(_returns => [Session], {
    description: "The agenda's sessions across every conference, by start time.",
  })
  sessions(@Root() agenda: AgendaType, @Ctx() ctx: AppContext) {
    return ctx.services.agendas.sessions(agenda.id);
  }

  @FieldResolver(_returns => [AgendaClash], {
    description: "Every pair of the agenda's sessions that overlap in time, earliest first.",
  })
  clashes(@Root() agenda: AgendaType, @Ctx() ctx: AppContext) {
    return ctx.services.agendas.clashes(agenda.id);
  }

  @UseMiddleware(RefreshLoaders)
  @Mutation(_returns => CreatedAgenda, {
    description:
      "Creates an empty personal agenda, no token needed, and returns its secret once. Each client may create a limited number per hour; beyond that, RATE_LIMITED. An agenda that still holds no session when the retention period ends (90 days by default) is removed.",
  })
  async createAgenda(@Ctx() ctx: AppContext): Promise<CreatedAgenda> {
    return ctx.services.editorial.agendas.create(ctx);
  }

  @UseMiddleware(RefreshLoaders)
  @Mutation(_returns => AgendaType, {
    description: "Adds a session to an agenda (adding it again changes nothing).",
  })
  addToAgenda(
    @Arg("agenda", SECRET_ARG) secret: string,
    @Arg("session", _type => ID, SESSION_ARG) session: string,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.editorial.agendas.add(ctx, secret, session);
  }

  @UseMiddleware(RefreshLoaders)
  @Mutation(_returns => AgendaType, {
    description: "Removes a session from an agenda (removing one not there changes nothing).",
  })
  removeFromAgenda(
    @Arg("agenda", SECRET_ARG) secret: string,
    @Arg("session", _type => ID, SESSION_ARG) session: string,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.services.editorial.agendas.remove(ctx, secret, session);
  }
}

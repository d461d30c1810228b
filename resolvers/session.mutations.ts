import { Arg, Args, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { Role, Session } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import { toGlobalId } from "../src/core/global-id";
import { DeletePayload } from "./types/editorial";
import { CancelSessionArgs } from "./types/schedule-change";
import { CreateSessionInput, CreateSessionPayload, UpdateSessionInput } from "./types/session";

/** Session mutations: EDITOR or ADMIN. */
@Resolver()
@UseMiddleware(RefreshLoaders)
export class SessionMutations {
  @Authorized(Role.EDITOR)
  @Mutation(_returns => CreateSessionPayload, {
    description:
      "Creates a session with its programs, audiences, speakers and topics in one transaction: all of it is stored, or none. EDITOR.",
  })
  async createSession(
    @Arg("input", _type => CreateSessionInput, { description: "The new session." })
    input: CreateSessionInput,
    @Ctx() ctx: AppContext,
  ): Promise<CreateSessionPayload> {
    // The input itself goes on: its format problems wait on it for the writer (one round).
    const { clientMutationId } = input;
    const { session, replayed } = await ctx.services.editorial.sessions.create(
      ctx,
      input,
      clientMutationId,
    );
    return { session, replayed, clientMutationId: clientMutationId ?? null };
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Session, {
    description:
      "Changes a session if it is still at the version you read (else CONFLICT with extensions.currentVersion). EDITOR.",
  })
  async updateSession(
    @Arg("input", _type => UpdateSessionInput, { description: "The changes." })
    input: UpdateSessionInput,
    @Ctx() ctx: AppContext,
  ): Promise<Session> {
    const session = await ctx.services.editorial.sessions.update(ctx, input);
    return session;
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => Session, {
    description:
      "Cancels a session: it stays in its programs with status CANCELLED (feeds show it cancelled), and each program's schedule version rises. Cancelling a cancelled session changes nothing. EDITOR.",
  })
  async cancelSession(@Args() args: CancelSessionArgs, @Ctx() ctx: AppContext): Promise<Session> {
    return ctx.services.editorial.sessions.cancel(ctx, args.id, args.version);
  }

  @Authorized(Role.EDITOR)
  @Mutation(_returns => DeletePayload, {
    description:
      "Deletes a session and its program, audience, speaker and topic links. CONFLICT while an article covers it. EDITOR.",
  })
  async deleteSession(
    @Arg("id", _type => ID, { description: "The session's global id." }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<DeletePayload> {
    const deleted = await ctx.services.editorial.sessions.delete(ctx, id);
    return { deletedId: toGlobalId("Session", deleted) };
  }
}

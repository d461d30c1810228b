import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from "type-graphql";
import { Account, Comment, CommentStatus, Conference, Role } from "../entities";
import { fromGlobalIdOf } from "../src/core/global-id";
import type { AppContext } from "../src/graphql/context";
import { RefreshLoaders } from "../src/graphql/refresh-loaders";
import { parsePageArgs, type Page } from "../src/db/pagination";
import { InviteAccountInput, InvitedAccount, SignInPayload } from "./types/account";
import { AccountScopeInput, scopeConferences, withConferenceIds } from "./types/scope";
import { CommentConnection } from "./types/comment";
import { ConnectionArgs } from "./types/connection";
import { NodeFields } from "./node-fields";
import { CacheHint } from "../src/graphql/cache-hint";

/** Studio accounts: sign-in with a session cookie, invitations, and the moderation queue. */
@Resolver(_of => Account)
@UseMiddleware(RefreshLoaders)
export class AccountResolver extends NodeFields(Account, "Account") {
  @CacheHint({ scope: "PRIVATE" })
  @Query(_returns => Account, {
    nullable: true,
    description: "The account signed in with the Studio's session cookie; null otherwise.",
  })
  me(@Ctx() ctx: AppContext): Promise<Account | null> {
    return ctx.services.accounts.current(ctx);
  }

  @Authorized(Role.ADMIN)
  @Query(_returns => [Account], { description: "Every Studio account, oldest first. ADMIN only." })
  accounts(@Ctx() ctx: AppContext): Promise<Account[]> {
    return ctx.services.accounts.list(ctx);
  }

  @Authorized(Role.EDITOR)
  @Query(_returns => CommentConnection, {
    description:
      "Comments of one status across every article, oldest first: PENDING is the moderation queue. EDITOR.",
  })
  comments(
    @Arg("status", _type => CommentStatus, { description: "Which comments to list." })
    status: CommentStatus,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AppContext,
  ): Promise<Page<Comment>> {
    return ctx.services.comments.byStatus(ctx, status, parsePageArgs(args));
  }

  @Mutation(_returns => SignInPayload, {
    description:
      "Signs in to the Studio and sets an HttpOnly, SameSite=Strict session cookie. Wrong email or password: UNAUTHENTICATED; too many attempts from one client, or an account locked after repeated wrong passwords: RATE_LIMITED with extensions.retryAfterSeconds. The cookie is honoured only on requests that carry Apollo's CSRF-prevention header (`apollo-require-preflight`).",
  })
  async signIn(
    @Arg("email", { description: "The account's email address." }) email: string,
    @Arg("password", { description: "The account's password." }) password: string,
    @Ctx() ctx: AppContext,
  ): Promise<SignInPayload> {
    const signed = await ctx.services.accounts.signIn(ctx, email, password);
    ctx.cookies?.set(signed.sessionSecret, signed.expiresAt);
    return { account: signed.account, expiresAt: signed.expiresAt };
  }

  @Mutation(_returns => Boolean, {
    description:
      "Ends the current Studio session and clears its cookie. True when a session was ended.",
  })
  async signOut(@Ctx() ctx: AppContext): Promise<boolean> {
    const ended = await ctx.services.accounts.signOut(ctx);
    ctx.cookies?.clear();
    return ended;
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => InvitedAccount, {
    description:
      "Creates an account without a password and returns a one-time invitation link for its holder. It may be scoped like an API token (readOnly, conferences). Unscoped ADMIN only.",
  })
  async inviteAccount(
    @Arg("input", _type => InviteAccountInput, { description: "Whom to invite." })
    input: InviteAccountInput,
    @Ctx() ctx: AppContext,
  ): Promise<InvitedAccount> {
    const { account, inviteToken } = await ctx.services.accounts.create(
      ctx,
      withConferenceIds(input),
    );
    return { account, inviteToken: inviteToken!, invitePath: `/studio/#/invite/${inviteToken}` };
  }

  @Mutation(_returns => SignInPayload, {
    description:
      "Accepts an invitation: sets the account's password (12 to 200 characters) and signs in. The link works once.",
  })
  async acceptInvite(
    @Arg("token", { description: "The invitation's secret, from its link." }) token: string,
    @Arg("password", { description: "The password to set." }) password: string,
    @Ctx() ctx: AppContext,
  ): Promise<SignInPayload> {
    const signed = await ctx.services.accounts.acceptInvite(ctx, token, password);
    ctx.cookies?.set(signed.sessionSecret, signed.expiresAt);
    return { account: signed.account, expiresAt: signed.expiresAt };
  }

  @Authorized()
  @Mutation(_returns => Int, {
    description:
      "Ends every session of an account at once; returns how many ended. Your own account, or any as ADMIN.",
  })
  revokeAccountSessions(
    @Arg("id", _type => ID, { description: "The account's global id." }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<number> {
    return ctx.services.accounts.revokeSessions(ctx, fromGlobalIdOf("Account", id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => Account, {
    description:
      "Disables an account: it can no longer sign in and its sessions end. ADMIN only; not your own.",
  })
  disableAccount(
    @Arg("id", _type => ID, { description: "The account's global id." }) id: string,
    @Ctx() ctx: AppContext,
  ): Promise<Account> {
    return ctx.services.accounts.disable(ctx, fromGlobalIdOf("Account", id));
  }

  @Authorized(Role.ADMIN)
  @Mutation(_returns => Account, {
    description:
      "Sets what an account may do, like a scoped API token's scope (the whole scope is replaced; omit both fields for full rights). Its sessions carry the new scope from their next request. Unscoped ADMIN only; not your own account.",
  })
  setAccountScope(
    @Arg("id", _type => ID, { description: "The account's global id." }) id: string,
    @Arg("scope", _type => AccountScopeInput, { description: "The new scope." })
    scope: AccountScopeInput,
    @Ctx() ctx: AppContext,
  ): Promise<Account> {
    return ctx.services.accounts.setScope(
      ctx,
      fromGlobalIdOf("Account", id),
      withConferenceIds(scope),
    );
  }

  @FieldResolver(_returns => [Conference], {
    nullable: true,
    description:
      "The conferences the account is limited to; null when it may write for every conference.",
  })
  conferences(
    @Root() account: Pick<Account, "conferenceScope">,
    @Ctx() ctx: AppContext,
  ): Promise<Conference[] | null> {
    return scopeConferences(account.conferenceScope, ctx);
  }
}

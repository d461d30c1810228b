import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { Account, Role } from "../../entities";
import { DEFAULT_ACCOUNT_CONFIG, type AccountConfig } from "../core/config";
import type { RequestContext, Viewer } from "../core/context";
import { readPrimary } from "../db/replication";
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
  type FieldProblem,
} from "../core/errors";
import { accountViewer } from "../core/roles";
import { DECOY_HASH, hashPassword, verifyPassword } from "./password";
import { assertCredentialAdmin, checkScope, type ScopeInput } from "./scope";
import type { SessionStore } from "./session-store";
import { withFields } from "../core/objects";

/** Session cookie secrets: `cts_` + 32 random bytes in base64url. */
const SESSION_SHAPE = /^cts_[A-Za-z0-9_-]{43}$/;
/** Invitation secrets: `cti_` + 32 random bytes in base64url. */
const INVITE_SHAPE = /^cti_[A-Za-z0-9_-]{43}$/;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Passwords: long enough to resist guessing, short enough to bound hashing work. */
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 200;

const sha256 = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");
const secret = (prefix: string) => prefix + randomBytes(32).toString("base64url");

export interface NewAccountInput extends ScopeInput {
  email: string;
  displayName: string;
  role: Role;
  /** Set at once (the CLI); omitted: the account is invited and sets its own. */
  password?: string;
}

export interface CreatedAccount {
  account: Account;
  /** The one-time invitation secret, when the account was invited rather than given a password. */
  inviteToken: string | null;
}

export interface SignedIn {
  account: Account;
  /** The cookie's secret; only its hash is stored. */
  sessionSecret: string;
  expiresAt: Date;
}

/**
 * Studio accounts and their sessions: invitations, scopes, sign-in with lockout, sign-out and
 * revocation. Admins (or the local operator) manage accounts; anyone may try to sign in. Sessions
 * live in the given store (the database, or Redis: see session-store.ts).
 */
export class AccountService {
  private readonly config: AccountConfig;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    config: Partial<AccountConfig> = {},
  ) {
    this.config = withFields(DEFAULT_ACCOUNT_CONFIG, config);
  }

  private get accounts() {
    return this.dataSource.getRepository(Account);
  }

  /** Creates an account with a password, or invites one (no password) with a one-time secret. */
  async create(ctx: RequestContext, input: NewAccountInput): Promise<CreatedAccount> {
    assertAdmin(ctx);
    const email = input.email.trim().toLowerCase();
    const displayName = input.displayName.trim();
    const problems: FieldProblem[] = [];
    if (email.length > 254 || !EMAIL_SHAPE.test(email)) {
      problems.push({ field: "email", message: "must be an email address" });
    }
    if (displayName.length < 1 || displayName.length > 100) {
      problems.push({ field: "displayName", message: "must be 1 to 100 characters" });
    }
    if (!Object.values(Role).includes(input.role)) {
      problems.push({ field: "role", message: `must be one of ${Object.values(Role).join(", ")}` });
    }
    if (input.password !== undefined) problems.push(...passwordProblems(input.password));
    const scope = await checkScope(this.dataSource, input, problems);
    throwIfAny(problems);
    if (await this.accounts.existsBy({ email })) {
      throw new ConflictError(`An account for ${email} already exists`, {
        fields: [{ field: "email", message: "already has an account" }],
      });
    }
    const inviteToken = input.password === undefined ? secret("cti_") : null;
    const saved = await this.accounts.save(
      this.accounts.create(
        withFields(withFields({ email, displayName, role: input.role }, scope), {
          passwordHash: input.password === undefined ? null : await hashPassword(input.password),
          inviteHash: inviteToken ? sha256(inviteToken) : null,
          inviteExpiresAt: inviteToken ? this.hoursFrom(ctx.now, this.config.inviteTtlHours) : null,
          failedSignIns: 0,
          lockedUntil: null,
          disabledAt: null,
        }),
      ),
    );
    const account = await this.accounts.findOneByOrFail({ id: saved.id });
    ctx.log.info(
      { accountId: account.id, role: account.role, invited: !!inviteToken },
      "account created",
    );
    return { account, inviteToken };
  }

  /**
   * Sets what an account may do (admins only; not one's own), with the same rules as a token's
   * scope. Its sessions carry the new scope from their next request on.
   */
  async setScope(ctx: RequestContext, accountId: number, input: ScopeInput): Promise<Account> {
    assertAdmin(ctx);
    if (ctx.viewer.accountId === accountId) {
      throw new BadUserInputError("You cannot change your own account's scope", [
        { field: "id", message: "is your own account" },
      ]);
    }
    const problems: FieldProblem[] = [];
    const scope = await checkScope(this.dataSource, input, problems);
    throwIfAny(problems);
    if (!(await this.accounts.existsBy({ id: accountId }))) {
      throw new NotFoundError("Account", accountId);
    }
    await this.accounts.update({ id: accountId }, scope);
    ctx.log.info(withFields({ accountId, by: ctx.viewer.accountId }, scope), "account scope set");
    return this.accounts.findOneByOrFail({ id: accountId });
  }

  /** Sets the password of an invited account, closes the invitation and signs its holder in. */
  async acceptInvite(
    ctx: RequestContext,
    inviteToken: string,
    password: string,
  ): Promise<SignedIn> {
    throwIfAny(passwordProblems(password));
    const refused = () =>
      new BadUserInputError("This invitation link is unknown, used or expired", [
        { field: "token", message: "is unknown, used or expired" },
      ]);
    if (!INVITE_SHAPE.test(inviteToken)) throw refused();
    const account = await this.accounts.findOneBy({ inviteHash: sha256(inviteToken) });
    if (
      !account ||
      account.disabledAt ||
      !account.inviteExpiresAt ||
      account.inviteExpiresAt.getTime() <= ctx.now.getTime()
    ) {
      throw refused();
    }
    const passwordHash = await hashPassword(password);
    // Conditional on the invitation still being open: of two concurrent acceptances, one wins.
    const result = await this.accounts
      .createQueryBuilder()
      .update()
      .set({ passwordHash, inviteHash: null, inviteExpiresAt: null })
      .where("id = :id AND invite_hash = :hash", { id: account.id, hash: sha256(inviteToken) })
      .execute();
    if (!result.affected) throw refused();
    ctx.log.info({ accountId: account.id }, "invitation accepted");
    return this.startSession(ctx, await this.accounts.findOneByOrFail({ id: account.id }));
  }

  /**
   * Checks an email and password and opens a session. Refused alike for an unknown email and a wrong
   * password (UNAUTHENTICATED); counted per client IP (RATE_LIMITED past the limit); after
   * `lockoutAfter` wrong passwords in a row the account is locked for `lockoutMinutes`.
   */
  async signIn(ctx: RequestContext, emailInput: string, password: string): Promise<SignedIn> {
    if (ctx.signInGate) {
      const decision = await ctx.signInGate.takeSignIn(ctx.clientIp ?? "unknown");
      if (!decision.allowed) {
        throw new RateLimitedError(
          `Too many sign-in attempts; try again in ${decision.retryAfterSeconds} s`,
          decision.retryAfterSeconds,
        );
      }
    }
    const wrong = () =>
      new UnauthenticatedError("The email or password is wrong", {
        fields: [{ field: "password", message: "does not match this email" }],
      });
    const email = emailInput.trim().toLowerCase();
    const account = email.length <= 254 ? await this.accounts.findOneBy({ email }) : null;
    if (!account || !account.passwordHash || account.disabledAt) {
      await verifyPassword(password.slice(0, PASSWORD_MAX), DECOY_HASH);
      throw wrong();
    }
    if (account.lockedUntil && account.lockedUntil.getTime() > ctx.now.getTime()) {
      throw this.locked(account.lockedUntil, ctx.now);
    }
    if (password.length > PASSWORD_MAX || !(await verifyPassword(password, account.passwordHash))) {
      await this.countFailure(ctx, account.id);
      const after = await this.accounts.findOneByOrFail({ id: account.id });
      if (after.lockedUntil && after.lockedUntil.getTime() > ctx.now.getTime()) {
        throw this.locked(after.lockedUntil, ctx.now);
      }
      throw wrong();
    }
    if (account.failedSignIns !== 0 || account.lockedUntil) {
      await this.accounts
        .createQueryBuilder()
        .update()
        .set({ failedSignIns: 0, lockedUntil: null, version: () => "version" })
        .where("id = :id", { id: account.id })
        .execute();
    }
    return this.startSession(ctx, account);
  }

  /** Ends the session the request came with. Nothing to do for other requests. */
  async signOut(ctx: RequestContext): Promise<boolean> {
    const { sessionId, accountId } = ctx.viewer;
    if (sessionId === undefined || accountId === undefined) return false;
    await this.sessions.end({ sessionId, accountId }, ctx.now);
    ctx.log.info({ accountId: ctx.viewer.accountId, sessionId }, "signed out");
    return true;
  }

  /** Ends every session of an account: its own holder or an admin. Returns how many ended. */
  async revokeSessions(ctx: RequestContext, accountId: number): Promise<number> {
    if (ctx.viewer.accountId !== accountId) assertAdmin(ctx);
    if (!(await this.accounts.existsBy({ id: accountId }))) {
      throw new NotFoundError("Account", accountId);
    }
    const ended = await this.sessions.endAll(accountId, ctx.now);
    ctx.log.info({ accountId, by: ctx.viewer.accountId, ended }, "account sessions revoked");
    return ended;
  }

  /** Disables an account (admins only; not one's own): it cannot sign in and its sessions end. */
  async disable(ctx: RequestContext, accountId: number): Promise<Account> {
    assertAdmin(ctx);
    if (ctx.viewer.accountId === accountId) {
      throw new BadUserInputError("You cannot disable your own account", [
        { field: "id", message: "is your own account" },
      ]);
    }
    const account = await this.accounts.findOneBy({ id: accountId });
    if (!account) throw new NotFoundError("Account", accountId);
    if (!account.disabledAt) {
      await this.accounts.update(
        { id: accountId },
        { disabledAt: ctx.now, inviteHash: null, inviteExpiresAt: null },
      );
    }
    await this.revokeSessions(ctx, accountId);
    return this.accounts.findOneByOrFail({ id: accountId });
  }

  /**
   * The account and session a cookie's secret belongs to, or null when the secret is malformed,
   * unknown, revoked or expired, or its account is disabled. The viewer carries the account's role
   * and scope as they are now, so an admin's change applies at the session's next request.
   * ServiceUnavailableError when the session store cannot be reached.
   */
  async authenticate(sessionSecret: string, now: Date): Promise<Viewer | null> {
    if (!SESSION_SHAPE.test(sessionSecret)) return null;
    const session = await this.sessions.find(sha256(sessionSecret), now);
    if (!session) return null;
    // From the primary even with read replicas: a disabled account or a narrowed scope holds at once.
    const account = await readPrimary(this.dataSource, manager =>
      manager.getRepository(Account).findOneBy({ id: session.accountId }),
    );
    if (!account || account.disabledAt) return null;
    return accountViewer(account, session.sessionId);
  }

  /** The signed-in account, or null for requests without a session. */
  async current(ctx: RequestContext): Promise<Account | null> {
    const { accountId } = ctx.viewer;
    return accountId === undefined ? null : this.accounts.findOneBy({ id: accountId });
  }

  /** Every account, oldest first. Admins only. */
  list(ctx: RequestContext): Promise<Account[]> {
    assertAdmin(ctx);
    return this.accounts.find({ order: { id: "ASC" } });
  }

  /** One account for a node lookup: admins see any, others only their own (null otherwise). */
  async byIdForViewer(ctx: RequestContext, id: number): Promise<Account | null> {
    if (ctx.viewer.role !== "ADMIN" && ctx.viewer.accountId !== id) return null;
    return this.accounts.findOneBy({ id });
  }

  private async startSession(ctx: RequestContext, account: Account): Promise<SignedIn> {
    const sessionSecret = secret("cts_");
    const expiresAt = this.hoursFrom(ctx.now, this.config.sessionTtlHours);
    await this.sessions.open(account.id, sha256(sessionSecret), expiresAt);
    ctx.log.info({ accountId: account.id }, "signed in");
    return { account, sessionSecret, expiresAt };
  }

  /** One more wrong password; the one that reaches the threshold locks the account. */
  private async countFailure(ctx: RequestContext, accountId: number): Promise<void> {
    await this.accounts
      .createQueryBuilder()
      .update()
      .set({ failedSignIns: () => "failed_sign_ins + 1", version: () => "version" })
      .where("id = :id", { id: accountId })
      .execute();
    await this.accounts
      .createQueryBuilder()
      .update()
      .set({
        failedSignIns: 0,
        lockedUntil: new Date(ctx.now.getTime() + this.config.lockoutMinutes * 60_000),
        version: () => "version",
      })
      .where("id = :id AND failed_sign_ins >= :limit", {
        id: accountId,
        limit: this.config.lockoutAfter,
      })
      .execute();
  }

  private locked(until: Date, now: Date): RateLimitedError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new RateLimitedError(
      `This account is locked after repeated wrong passwords; try again in ${seconds} s`,
      seconds,
      { fields: [{ field: "password", message: "too many wrong attempts: account locked" }] },
    );
  }

  private hoursFrom(now: Date, hours: number): Date {
    // Whole seconds: MySQL keeps these instants to the second.
    return new Date(Math.floor((now.getTime() + hours * 3_600_000) / 1000) * 1000);
  }
}

function passwordProblems(password: string): FieldProblem[] {
  return password.length < PASSWORD_MIN || password.length > PASSWORD_MAX
    ? [{ field: "password", message: `must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` }]
    : [];
}

function throwIfAny(problems: FieldProblem[]): void {
  if (problems.length) {
    throw new BadUserInputError(
      `Invalid input: ${problems.map(p => `${p.field} ${p.message}`).join("; ")}`,
      problems,
    );
  }
}

/** Account management is for unscoped admins, like token management (see scope.ts). */
function assertAdmin(ctx: RequestContext): void {
  assertCredentialAdmin(ctx, "Managing accounts", true);
}

import { createHash, randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { ApiToken, Role } from "../../entities";
import { readPrimary } from "../db/replication";
import { takeDeferredProblems } from "../core/input-problems";
import { isDeadlock } from "../db/driver-errors";
import type { RequestContext } from "../core/context";
import { BadUserInputError, NotFoundError, type FieldProblem } from "../core/errors";
import { assertCredentialAdmin, checkScope, type ScopeInput } from "./scope";
import { withFields } from "../core/objects";

/** Every token starts with this, so leaked tokens are easy to recognise (and to scan for). */
export const TOKEN_PREFIX = "ctk_";
/** `ctk_` + 32 random bytes in base64url (43 characters, no padding). */
const TOKEN_SHAPE = /^ctk_[A-Za-z0-9_-]{43}$/;
/** How many leading characters of a token are kept for display. */
const DISPLAY_PREFIX_LENGTH = 12;
/** lastUsedAt is written at most this often per token, to keep reads from becoming writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** SHA-256 of a token, lowercase hex: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface CreateTokenInput extends ScopeInput {
  name: string;
  role: Role;
  /** When the token stops working; omitted or null for never. Must be in the future. */
  expiresAt?: Date | null;
}

export interface CreatedToken {
  /** The secret. Returned once, here; only its hash is stored. */
  token: string;
  record: ApiToken;
}

/**
 * Issues, checks and revokes API bearer tokens. Only an ADMIN (or the local operator) may manage
 * tokens; anyone may present one to `authenticate`.
 */
export class TokenService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ApiToken);
  }

  /** Creates a token and returns its secret (once) with the stored record. */
  async create(ctx: RequestContext, input: CreateTokenInput): Promise<CreatedToken> {
    assertAdmin(ctx, true);
    const name = input.name.trim();
    // The input's format problems (held on it by the API) come back with these, in one error.
    const problems: FieldProblem[] = takeDeferredProblems(input);
    const has = (field: string) => problems.some(p => p.field === field);
    if ((name.length < 1 || name.length > 100) && !has("name")) {
      problems.push({ field: "name", message: "must be 1 to 100 characters" });
    }
    if (!Object.values(Role).includes(input.role) && !has("role")) {
      problems.push({ field: "role", message: `must be one of ${Object.values(Role).join(", ")}` });
    }
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt && !(expiresAt.getTime() > ctx.now.getTime()) && !has("expiresAt")) {
      problems.push({ field: "expiresAt", message: "must be in the future" });
    }
    const scope = await checkScope(this.dataSource, input, problems);
    if (problems.length) {
      throw new BadUserInputError(
        `Invalid input: ${problems.map(p => `${p.field} ${p.message}`).join("; ")}`,
        problems,
      );
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
    const saved = await this.repo.save(
      this.repo.create(
        withFields(
          withFields(
            {
              name,
              role: input.role,
              tokenHash: hashToken(token),
              tokenPrefix: token.slice(0, DISPLAY_PREFIX_LENGTH),
              expiresAt,
            },
            scope,
          ),
          { revokedAt: null, lastUsedAt: null },
        ),
      ),
    );
    // Read back what was stored (MySQL keeps these instants to the second).
    const record = await this.repo.findOneByOrFail({ id: saved.id });
    ctx.log.info({ tokenId: record.id, role: record.role }, "api token created");
    return { token, record };
  }

  /**
   * The active token a secret belongs to, or null when it is malformed, unknown, revoked or expired
   * at `now`. Records use (lastUsedAt) at most once a minute, without touching updatedAt or version.
   */
  async authenticate(rawToken: string, now: Date): Promise<ApiToken | null> {
    if (!TOKEN_SHAPE.test(rawToken)) return null;
    // From the primary even with read replicas: a revoked token must fail at once, not after the lag.
    const record = await readPrimary(this.dataSource, manager =>
      manager.getRepository(ApiToken).findOneBy({ tokenHash: hashToken(rawToken) }),
    );
    if (!record || record.revokedAt) return null;
    if (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) return null;
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    if (!record.lastUsedAt || record.lastUsedAt.getTime() <= threshold.getTime()) {
      try {
        await this.repo
          .createQueryBuilder()
          .update()
          // Naming version and updated_at keeps TypeORM from bumping them: use is not an edit.
          .set({ lastUsedAt: now, version: () => "version", updatedAt: () => "updated_at" })
          .where("id = :id", { id: record.id })
          .andWhere("(last_used_at IS NULL OR last_used_at <= :threshold)", { threshold })
          .execute();
      } catch (err) {
        // On a Galera cluster two nodes may record the same token's use at once; the loser fails
        // certification (1213). The winner recorded it, and the request must not fail for it.
        if (!isDeadlock(err)) throw err;
      }
      record.lastUsedAt = now;
    }
    return record;
  }

  /** Every token, revoked and expired ones included, oldest first. */
  list(ctx: RequestContext): Promise<ApiToken[]> {
    assertAdmin(ctx, true);
    return this.repo.find({ order: { id: "ASC" } });
  }

  /** One token by id, for admins; null for anyone else or an unknown id (node lookups never throw). */
  async byIdForViewer(ctx: RequestContext, id: number): Promise<ApiToken | null> {
    if (ctx.viewer.role !== "ADMIN") return null;
    return this.repo.findOneBy({ id });
  }

  /** Revokes a token at once. Idempotent: revoking again keeps the first revokedAt. */
  async revoke(ctx: RequestContext, id: number): Promise<ApiToken> {
    // A scoped admin token may still revoke itself.
    assertAdmin(ctx, ctx.viewer.tokenId !== id);
    // One conditional UPDATE: of two concurrent revocations, only the first sets revokedAt.
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: ctx.now })
      .where("id = :id AND revoked_at IS NULL", { id })
      .execute();
    const record = await this.repo.findOneBy({ id });
    if (!record) throw new NotFoundError("ApiToken", id);
    if (result.affected) {
      ctx.log.info({ tokenId: id, by: ctx.viewer.tokenId }, "api token revoked");
    }
    return record;
  }
}

/** Token management is for admins; with `unscoped`, unscoped ones only (see scope.ts). */
function assertAdmin(ctx: RequestContext, unscoped: boolean): void {
  assertCredentialAdmin(ctx, "Managing API tokens", unscoped);
}

/**
 * `npm run token:create -- --role admin --name "First admin" [--expires 2027-01-01T00:00:00Z]
 * [--conference <slug>]… [--read-only]`: creates an API token and prints it once on stdout. Each
 * `--conference` limits the token to that conference; `--read-only` makes it read but never write. Uses DATABASE_URL / SQLITE_PATH like the other
 * CLIs; migrates a database that has never been migrated (or any database when MIGRATE_ON_START is
 * on, the default for the embedded SQLite file), so it works on a fresh clone.
 */
import "reflect-metadata";
import "dotenv/config";
import { parseArgs } from "node:util";
import { Role } from "../../entities";
import { loadConfig } from "../core/config";
import { LOCAL_OPERATOR } from "../core/context";
import { migrateFreshOrRefusePending, openDataSource } from "../db/data-source";
import { createCliLogger } from "../core/logger";
import { parseInstant } from "../core/scalars";
import { createServices } from "../services";
import { SqlLogger } from "../db/sql-logger";

const USAGE =
  'usage: npm run token:create -- --role <editor|admin> --name "<what it is for>" [--expires <ISO-8601 instant with offset>] [--conference <slug>]... [--read-only]';

class UsageError extends Error {}

interface Options {
  role: Role;
  name: string;
  expiresAt: Date | null;
  conferences: string[] | null;
  readOnly: boolean;
}

function parseOptions(argv: string[]): Options | "help" {
  let values: {
    role?: string;
    name?: string;
    expires?: string;
    conference?: string[];
    "read-only"?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        role: { type: "string", short: "r" },
        name: { type: "string", short: "n" },
        expires: { type: "string", short: "e" },
        conference: { type: "string", short: "c", multiple: true },
        "read-only": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return "help";
  const role = values.role?.toUpperCase();
  if (!role || !Object.values(Role).includes(role as Role)) {
    throw new UsageError(
      values.role ? `--role must be editor or admin, got "${values.role}"` : "--role is required",
    );
  }
  const name = values.name?.trim();
  if (!name) throw new UsageError("--name is required");
  if (name.length > 100) throw new UsageError("--name must be at most 100 characters");
  let expiresAt: Date | null = null;
  if (values.expires !== undefined) {
    try {
      expiresAt = parseInstant(values.expires);
    } catch {
      throw new UsageError(
        `--expires must be an ISO-8601 instant with an offset, e.g. 2027-01-01T00:00:00Z; got "${values.expires}"`,
      );
    }
    if (expiresAt.getTime() <= Date.now()) throw new UsageError("--expires must be in the future");
  }
  return {
    role: role as Role,
    name,
    expiresAt,
    conferences: values.conference?.length ? values.conference : null,
    readOnly: Boolean(values["read-only"]),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === "help") {
    console.error(USAGE);
    return;
  }
  const config = loadConfig();
  const log = createCliLogger(config, "token:create");
  const dataSource = await openDataSource(config.database, new SqlLogger(log));
  try {
    const applied = await migrateFreshOrRefusePending(dataSource, config.migrateOnStart);
    if (applied.length) console.error(`applied migrations: ${applied.join(", ")}`);
    const services = createServices(dataSource);
    let conferenceIds: number[] | null = null;
    if (options.conferences) {
      conferenceIds = [];
      for (const slug of options.conferences) {
        const conference = await services.conferences.bySlug(slug);
        if (!conference) throw new UsageError(`--conference: no conference has the slug "${slug}"`);
        conferenceIds.push(conference.id);
      }
    }
    const { token, record } = await services.tokens.create(
      { viewer: LOCAL_OPERATOR, now: new Date(), log },
      { ...options, conferenceIds },
    );
    const expiry = record.expiresAt ? `expires ${record.expiresAt.toISOString()}` : "never expires";
    const scope = [
      record.readOnly ? "read-only" : "",
      options.conferences ? `limited to ${options.conferences.join(", ")}` : "",
    ].filter(Boolean);
    console.error(
      `Created ${record.role} token #${record.id} "${record.name}" (${record.tokenPrefix}…), ${expiry}${scope.length ? `, ${scope.join(", ")}` : ""}. ` +
        "It is printed once, below: store it now. Send it as `Authorization: Bearer <token>`.",
    );
    console.log(token);
  } finally {
    await dataSource.destroy();
  }
}

main().catch(err => {
  if (err instanceof UsageError) {
    console.error(`token:create: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`token:create: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});

/**
 * `npm run account:create -- --email ada@example.org --name "Ada" [--role admin|editor]
 * [--password-stdin]`: creates a Studio account. By default it prints a one-time invitation link
 * (the holder sets a password in the Studio); with `--password-stdin` it reads the password from
 * standard input instead, so it never appears in a shell history or process list. Migrates a fresh
 * database like `token:create`.
 */
import "reflect-metadata";
import "dotenv/config";
import { parseArgs } from "node:util";
import { Role } from "../../entities";
import { loadConfig } from "../core/config";
import { LOCAL_OPERATOR } from "../core/context";
import { AppError } from "../core/errors";
import { migrateFreshOrRefusePending, openDataSource } from "../db/data-source";
import { createCliLogger } from "../core/logger";
import { createServices } from "../services";
import { SqlLogger } from "../db/sql-logger";

const USAGE =
  'usage: npm run account:create -- --email <address> --name "<display name>" [--role <admin|editor>] [--password-stdin]';

class UsageError extends Error {}

interface Options {
  email: string;
  displayName: string;
  role: Role;
  passwordStdin: boolean;
}

function parseOptions(argv: string[]): Options | "help" {
  let values: {
    email?: string;
    name?: string;
    role?: string;
    "password-stdin"?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string", short: "e" },
        name: { type: "string", short: "n" },
        role: { type: "string", short: "r" },
        "password-stdin": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return "help";
  if (!values.email?.trim()) throw new UsageError("--email is required");
  if (!values.name?.trim()) throw new UsageError("--name is required");
  const role = (values.role ?? "admin").toUpperCase();
  if (!Object.values(Role).includes(role as Role)) {
    throw new UsageError(`--role must be editor or admin, got "${values.role}"`);
  }
  return {
    email: values.email,
    displayName: values.name,
    role: role as Role,
    passwordStdin: values["password-stdin"] ?? false,
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: a trailing newline (echo, a file) is not part of the password.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === "help") {
    console.error(USAGE);
    return;
  }
  const password = options.passwordStdin ? await readStdin() : undefined;
  const config = loadConfig();
  const log = createCliLogger(config, "account:create");
  const dataSource = await openDataSource(config.database, new SqlLogger(log));
  try {
    const applied = await migrateFreshOrRefusePending(dataSource, config.migrateOnStart);
    if (applied.length) console.error(`applied migrations: ${applied.join(", ")}`);
    const services = createServices(dataSource, { accounts: config.accounts });
    const { account, inviteToken } = await services.accounts.create(
      { viewer: LOCAL_OPERATOR, now: new Date(), log },
      { email: options.email, displayName: options.displayName, role: options.role, password },
    );
    console.error(`Created ${account.role} account #${account.id} for ${account.email}.`);
    if (inviteToken) {
      console.error(
        `The invitation link below works once, until ${account.inviteExpiresAt?.toISOString()}; ` +
          "open it to set a password.",
      );
      console.log(`${config.publicUrl}/studio/#/invite/${inviteToken}`);
    } else {
      console.error("Sign in at /studio with this email and the password given.");
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch(err => {
  if (err instanceof UsageError) {
    console.error(`account:create: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const message =
    err instanceof AppError ? `${err.message}` : err instanceof Error ? err.message : String(err);
  console.error(`account:create: ${message}`);
  process.exit(1);
});

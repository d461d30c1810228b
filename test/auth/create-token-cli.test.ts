import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { loadConfig } from "../../src/core/config";
import { openDataSource } from "../../src/db/data-source";
import { createApp, type App } from "../../src/server/app";
import { PROJECT_ROOT } from "../../src/core/paths";

const CLI = path.join(PROJECT_ROOT, "dist", "src", "cli", "create-token.js");

/** Runs the compiled CLI against one SQLite file, isolated from the caller's environment. */
function runCli(args: string[], sqlitePath: string) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      DATABASE_URL: "",
      SQLITE_PATH: sqlitePath,
    },
  });
}

describe("npm run token:create", () => {
  let dir: string;

  beforeAll(() => {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: PROJECT_ROOT, stdio: "pipe" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "crosstalk-test-auth_cli-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    [["--name", "x"], /--role is required/],
    [["--role", "root", "--name", "x"], /--role must be editor or admin/],
    [["--role", "admin"], /--name is required/],
    [["--role", "admin", "--name", "x", "--expires", "tomorrow"], /--expires must be/],
    [["--role", "admin", "--name", "x", "--expires", "2001-01-01T00:00:00Z"], /in the future/],
    [["--role", "admin", "--name", "x", "--bogus"], /Unknown option/],
  ])("exits non-zero with a clear message for %j", (args, message) => {
    const file = path.join(dir, "bad-args.sqlite");
    const res = runCli(args, file);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toMatch(/usage: npm run token:create/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("on a fresh database, migrates and prints a token that works as ADMIN", async () => {
    const file = path.join(dir, "fresh.sqlite");
    const res = runCli(
      ["--role", "admin", "--name", "First admin", "--expires", "2099-01-01T00:00:00Z"],
      file,
    );
    expect(res.stderr).toMatch(/Created ADMIN token/);
    expect(res.status).toBe(0);
    const lines = res.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    const token = lines[0];
    expect(token).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);

    const dataSource = await openDataSource({ engine: "sqlite", sqlitePath: file });
    let app: App | undefined;
    try {
      app = await createApp(
        loadConfig({ NODE_ENV: "test" }),
        dataSource,
        pino({ level: "silent" }),
      );
      await new Promise<void>(resolve => app!.httpServer.listen(0, "127.0.0.1", resolve));
      const { port } = app.httpServer.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ viewer { role } apiTokens { name role expiresAt } }" }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        viewer: { role: "ADMIN" },
        apiTokens: [{ name: "First admin", role: "ADMIN", expiresAt: "2099-01-01T00:00:00.000Z" }],
      });
    } finally {
      await app?.apollo.stop();
      await dataSource.destroy();
    }
  });

  it("issues read-only tokens and refuses a scope on an unknown conference", () => {
    const file = path.join(dir, "scoped.sqlite");
    const readOnly = runCli(["--role", "editor", "--name", "Reviewer", "--read-only"], file);
    expect(readOnly.status).toBe(0);
    expect(readOnly.stderr).toMatch(/Created EDITOR token .*read-only/);
    const unknown = runCli(
      ["--role", "editor", "--name", "Desk", "--conference", "nowhere-2008"],
      file,
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/no conference has the slug "nowhere-2008"/);
  });
});

import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pino from "pino";
import { loadConfig } from "../../src/core/config";
import { createApp, type App } from "../../src/server/app";
import { PROJECT_ROOT } from "../../src/core/paths";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

/**
 * `npm run token:create` on a fresh, never-migrated database, then the printed token publishes an
 * article that the public finds through `article`, `articles` and `search`. The CLI is the script
 * npm runs (dist/src/cli/create-token.js), compiled here into a private directory under dist/ so
 * that this file and the auth CLI test never rebuild the same files under each other's feet.
 */
describe("editorial: token:create bootstraps an admin who can publish", () => {
  let dir: string;
  let db: TestDatabase;
  let app: App | undefined;

  beforeAll(async () => {
    // Inside the project (under the git-ignored dist/) so that the compiled CLI finds node_modules.
    fs.mkdirSync(path.join(PROJECT_ROOT, "dist"), { recursive: true });
    dir = fs.mkdtempSync(path.join(PROJECT_ROOT, "dist", ".test-editorial-cli-"));
    execFileSync(
      process.execPath,
      [
        path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc"),
        "-p",
        "tsconfig.build.json",
        "--outDir",
        path.join(dir, "dist"),
      ],
      { cwd: PROJECT_ROOT, stdio: "pipe" },
    );
    db = await createTestDatabase("editorial_token_cli", { migrate: false, seed: false });
  }, 180_000); // compiling under a loaded machine (other suites compile too) can take over a minute
  afterAll(async () => {
    await app?.apollo.stop();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("prints a token that creates and publishes an article the public can find", async () => {
    const res = spawnSync(
      process.execPath,
      [
        path.join(dir, "dist", "src", "cli", "create-token.js"),
        "--role",
        "admin",
        "--name",
        "Bootstrap",
      ],
      {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "test",
          // Logging on: everything the tool logs (migrations, slow or failed SQL) must go to stderr,
          // so that stdout is the token alone.
          LOG_LEVEL: "debug",
          DATABASE_URL: db.config.engine === "mysql" ? db.config.url : "",
          SQLITE_PATH: db.config.sqlitePath,
        },
      },
    );
    expect(res.stderr).toMatch(/Created ADMIN token/);
    expect(res.stderr).toContain('"tool":"token:create"');
    expect(res.status).toBe(0);
    const token = res.stdout.trim();
    expect(token).toMatch(/^ctk_[A-Za-z0-9_-]{43}$/);

    app = await createApp(
      loadConfig({ NODE_ENV: "test" }),
      db.dataSource,
      pino({ level: "silent" }),
    );
    await new Promise<void>(resolve => app!.httpServer.listen(0, "127.0.0.1", resolve));
    const { port } = app.httpServer.address() as AddressInfo;
    const gql = async (query: string, variables: Record<string, unknown> = {}, auth = true) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(auth ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: any[] };
      expect(body.errors).toBeUndefined();
      return body.data;
    };

    const { createCommunity } = await gql(
      `mutation { createCommunity(input: { name: "Python" }) { id } }`,
    );
    const { createPublication } = await gql(
      `mutation ($c: ID!) { createPublication(input: { name: "Python Magazine", community: $c }) { id } }`,
      { c: createCommunity.id },
    );
    const { createPerson } = await gql(
      `mutation { createPerson(input: { name: "Doug Hellmann" }) { id } }`,
    );
    const { createArticle } = await gql(
      `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } } }`,
      {
        input: {
          title: "Bootstrapped flamingos",
          kind: "NEWS",
          body: "Flamingos gathered at the bootstrap meeting.",
          publication: createPublication.id,
          authors: [createPerson.id],
        },
      },
    );
    const id = createArticle.article.id;
    const published = await gql(`mutation ($id: ID!) { publishArticle(id: $id) { status } }`, {
      id,
    });
    expect(published.publishArticle.status).toBe("PUBLISHED");

    const seen = await gql(
      `{
        article(slug: "bootstrapped-flamingos") { id title authors { name } }
        articles { nodes { slug } }
        search(query: "flamingos") { edges { node { ... on Article { slug } } } }
      }`,
      {},
      false,
    );
    expect(seen.article).toMatchObject({ id, authors: [{ name: "Doug Hellmann" }] });
    expect(seen.articles.nodes.map((a: any) => a.slug)).toContain("bootstrapped-flamingos");
    expect(seen.search.edges.map((e: any) => e.node.slug)).toContain("bootstrapped-flamingos");
  });
});

import { Writable } from "node:stream";
import { Role } from "../../entities";
import { createLogger } from "../../src/core/logger";
import { bearer, gid, issueToken } from "../editorial/helpers";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** Collects every log line the server writes. */
class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe("secrets stay out of the logs", () => {
  let server: TestServer;
  const logs = new Capture();
  beforeAll(async () => {
    server = await startTestServer("ops_redaction", {
      log: createLogger({ logLevel: "trace" }, logs),
    });
  });
  afterAll(() => server.close());

  it("logs requests with a token, cookies and a comment email without any of them", async () => {
    const { token } = await issueToken(server, Role.EDITOR);
    const [published] = await server.db.dataSource.query(
      "SELECT slug FROM article WHERE status = 'PUBLISHED'",
    );
    const articleId = await gid(server, "article", published.slug);
    const email = "hidden.reader@example.org";
    const cookie = "session=cookie-secret-value";

    const viewer = await server.gql(`{ viewer { role } }`, undefined, {
      ...bearer(token),
      cookie,
    });
    expect(viewer.data).toEqual({ viewer: { role: "EDITOR" } });
    // A refused token is logged too (401): still without the secret.
    const refused = await server.gql(`{ viewer { role } }`, undefined, bearer(`${token}x`));
    expect(refused.status).toBe(401);
    const posted = await server.gql(
      `mutation ($a: ID!, $e: String) { postComment(articleId: $a, authorName: "R", email: $e, body: "Hi") { comment { id } } }`,
      { a: articleId, e: email },
      { cookie },
    );
    expect(posted.errors).toBeUndefined();
    // An error carrying SQL parameters (as TypeORM's QueryFailedError does) is logged without them.
    server.app
      .createContext()
      .log.error(
        { err: Object.assign(new Error("insert failed"), { parameters: [email, token] }) },
        "simulated failure",
      );

    expect(logs.text).toContain('"authorization":"[redacted]"');
    expect(logs.text).toContain('"cookie":"[redacted]"');
    expect(logs.text).toContain("simulated failure");
    for (const secret of [token, token.slice(4, 20), email, "cookie-secret-value"]) {
      expect(logs.text).not.toContain(secret);
    }
  });
});

import { Role } from "../../entities";
import { loadConfig } from "../../src/core/config";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { issueToken } from "../editorial/helpers";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { collect, until, wsClient, type Received } from "./helpers";

const SCHEDULE = `subscription ($slug: String!) {
  scheduleChanged(conference: $slug) { scheduleVersion }
}`;
const RECHECK_MS = 300;

/**
 * A subscription does not outlive its credential: a signed-in connection's token or session is
 * checked again every WS_RECHECK_MS, and one revoked since closes the socket (4403) though the
 * client starts nothing new. Anonymous connections are left alone.
 */
describe(`WebSocket credentials checked again while connected on ${TEST_ENGINE}`, () => {
  let server: TestServer;
  let subscribed: jest.SpyInstance;

  beforeAll(async () => {
    const defaults = loadConfig({ NODE_ENV: "test" });
    server = await startTestServer("live_recheck", {
      config: { live: { ...defaults.live, recheckMs: RECHECK_MS } },
    });
    subscribed = jest.spyOn(server.app.events, "subscribe");
  });
  afterAll(() => server.close());

  /** Subscribes and waits until the subscription has reached the bus. */
  async function running(client: ReturnType<typeof wsClient>): Promise<Received> {
    const before = subscribed.mock.calls.length;
    const sub = collect(client, SCHEDULE, { slug: "phpworks-2008" });
    await until(() => subscribed.mock.calls.length > before, 10_000, "subscribe");
    return sub;
  }

  it("closes a connection whose token is revoked while its subscription runs", async () => {
    const ctx = server.app.createContext(undefined, LOCAL_OPERATOR);
    const { token, record } = await issueToken(server, Role.EDITOR, "recheck");
    const other = await issueToken(server, Role.EDITOR, "recheck, kept");
    const client = wsClient(server.url, { authorization: `Bearer ${token}` });
    const kept = wsClient(server.url, { authorization: `Bearer ${other.token}` });
    const anonymous = wsClient(server.url);
    try {
      const sub = await running(client);
      const keptSub = await running(kept);
      const anonymousSub = await running(anonymous);
      // Checked again and again while the token holds: nothing closes.
      await new Promise(resolve => setTimeout(resolve, RECHECK_MS * 3));
      expect(sub.error).toBeUndefined();

      await server.app.services.tokens.revoke(ctx, record.id);
      const revokedAt = Date.now();
      await sub.ended(RECHECK_MS * 10);
      expect(Date.now() - revokedAt).toBeLessThan(RECHECK_MS * 10);
      const closed = sub.error as { code?: number; reason?: string };
      expect(closed.code).toBe(4403);
      expect(String(closed.reason)).toMatch(/^UNAUTHENTICATED: /);

      // The other token's connection and the anonymous one keep running.
      await new Promise(resolve => setTimeout(resolve, RECHECK_MS * 2));
      expect(keptSub.error).toBeUndefined();
      expect(keptSub.completed).toBe(false);
      expect(anonymousSub.error).toBeUndefined();
      expect(anonymousSub.completed).toBe(false);
    } finally {
      await Promise.all([client.dispose(), kept.dispose(), anonymous.dispose()]);
    }
  });
});

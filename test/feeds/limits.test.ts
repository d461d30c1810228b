import { ConfigError, loadConfig, parsePublicUrl } from "../../src/core/config";
import { FeedTooLargeError } from "../../src/services/feed.service";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe("PUBLIC_URL", () => {
  it("defaults to localhost on the configured port and drops trailing slashes", () => {
    expect(loadConfig({ NODE_ENV: "test", PORT: "4100" }).publicUrl).toBe("http://localhost:4100");
    expect(parsePublicUrl("https://ct.example/hub/", 4000)).toBe("https://ct.example/hub");
  });

  it("refuses what is not an absolute http(s) URL", () => {
    for (const bad of ["ct.example", "ftp://ct.example", "https://ct.example/?a=1"]) {
      expect(() => parsePublicUrl(bad, 4000)).toThrow(ConfigError);
    }
  });
});

describe("feed size limit", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("feeds_limits");
  });
  afterAll(() => server.close());

  it("refuses a feed larger than the limit instead of cutting it short", async () => {
    const { services } = server.app;
    const { feeds } = services;
    const tree = await services.communities.tree();
    const pyworks = (await services.conferences.bySlug("pyworks-2008"))!;
    const filter = { programIds: [pyworks.id] };
    await expect(feeds.sessionsForFeed(filter, tree, 3)).rejects.toBeInstanceOf(FeedTooLargeError);
    const all = await feeds.sessionsForFeed(filter, tree);
    expect(all.length).toBeGreaterThan(3);
    const starts = all.map(s => s.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/core/paths";
import { startTestServer, type TestServer } from "../helpers/test-server";

const DIR = path.join(PROJECT_ROOT, "examples");
const files = fs.readdirSync(DIR).filter(f => f.endsWith(".graphql"));

describe("examples/*.graphql run as written", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("read_examples");
  });
  afterAll(() => server.close());

  it("covers the common screens", () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining([
        "article-page.graphql",
        "community-view.graphql",
        "program-by-day.graphql",
        "search.graphql",
        "session-page.graphql",
        "speaker-page.graphql",
      ]),
    );
  });

  it.each(files)("%s returns data and no errors", async file => {
    const res = await server.gql(fs.readFileSync(path.join(DIR, file), "utf8"));
    expect(res.errors).toBeUndefined();
    const [root] = Object.values(res.data ?? {});
    expect(root).toBeTruthy();
  });
});

import { startTestServer, type TestServer } from "../helpers/test-server";

const LIST = `query ($filter: ConferenceFilterInput) {
  conferences(filter: $filter, first: 100) { totalCount nodes { name } }
}`;

describe("conferences(filter: { text })", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("read_conference_filter");
  });
  afterAll(() => server.close());

  async function names(filter: Record<string, unknown>): Promise<string[]> {
    const res = await server.gql(LIST, { filter });
    expect(res.errors).toBeUndefined();
    expect(res.data!.conferences.totalCount).toBe(res.data!.conferences.nodes.length);
    return res.data!.conferences.nodes.map((c: { name: string }) => c.name);
  }

  it("keeps the conferences whose name holds every word, in any case and part of a word", async () => {
    const all = await names({});
    expect(all.length).toBeGreaterThan(2);
    const expected = all.filter(n => /works/i.test(n) && n.includes("2008"));
    expect(expected.length).toBeGreaterThan(1);
    expect(await names({ text: "WORKS 2008" })).toEqual(expected);
    expect(await names({ text: "php|works" })).toEqual(
      all.filter(n => /php/i.test(n) && /works/i.test(n)),
    );
    expect(await names({ text: "pywo" })).toEqual(all.filter(n => /pywo/i.test(n)));
  });

  it("combines with the other filters and matches nothing for an unknown word", async () => {
    expect(await names({ text: "zzqx" })).toEqual([]);
    const in2008 = await names({ year: 2008 });
    expect(await names({ text: "works", year: 2008 })).toEqual(
      in2008.filter(n => /works/i.test(n)),
    );
    // LIKE wildcards in the words are ignored, not matched as patterns.
    expect(await names({ text: "%" })).toEqual(await names({}));
  });
});

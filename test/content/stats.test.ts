import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, gid, issueToken } from "../editorial/helpers";

const STATS = `{
  conferences(first: 10) { edges { node { slug stats {
    sessionCount crossCommunitySessionCount crossCommunityShare
    speakersByCommunity { community { slug parent { slug } } count } } } } }
  communities { slug stats { sessionCount crossCommunitySessionCount crossCommunityShare speakerCount } }
}`;

describe("stats: shares and speakers per community", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("content_stats");
    // A PHP session with two speakers in PyWorks' program, one of whom also speaks to Python.
    const editor = bearer((await issueToken(server, Role.EDITOR)).token);
    const pyworks = await gid(server, "conference", "pyworks-2008");
    const res = await server.gql(
      `mutation ($input: CreateSessionInput!) { createSession(input: $input) { session { id } } }`,
      {
        input: {
          title: "PHP for Pythonistas",
          kind: "TALK",
          startsAt: "2008-11-13T14:00:00-05:00",
          endsAt: "2008-11-13T15:00:00-05:00",
          hostConference: pyworks,
          programs: [pyworks],
          audiences: [await gid(server, "community", "php")],
          speakers: [
            await gid(server, "person", "brandon-rhodes"),
            await gid(server, "person", "kevin-dangoor"),
          ],
        },
      },
      editor,
    );
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => server.close());

  it("gives the cross-community share beside the counts", async () => {
    const res = await server.gql(STATS);
    expect(res.errors).toBeUndefined();
    const all = [
      ...res.data!.conferences.edges.map((e: any) => e.node.stats),
      ...res.data!.communities.map((c: any) => c.stats),
    ];
    expect(all.some(s => s.crossCommunityShare > 0 && s.crossCommunityShare < 1)).toBe(true);
    for (const s of all) {
      const expected = s.sessionCount ? s.crossCommunitySessionCount / s.sessionCount : 0;
      expect(s.crossCommunityShare).toBeCloseTo(expected, 10);
    }
  });

  it("counts each program's speakers per root community, as the people lists do", async () => {
    const res = await server.gql(STATS);
    const conferences = res.data!.conferences.edges.map((e: any) => e.node);
    expect(conferences.some((c: any) => c.stats.speakersByCommunity.length >= 2)).toBe(true);
    for (const conference of conferences) {
      for (const { community, count } of conference.stats.speakersByCommunity) {
        expect(community.parent).toBeNull();
        // The same people, found independently: speakers of the program's sessions for that community.
        const sessions = await server.gql(
          `query ($s: String!, $c: String!) { conference(slug: $s) { sessions(first: 100, filter: { community: $c }) {
           pageInfo { hasNextPage } edges { node { speakers { slug } } } } } }`,
          { s: conference.slug, c: community.slug },
        );
        expect(sessions.errors).toBeUndefined();
        const list = sessions.data!.conference.sessions;
        expect(list.pageInfo.hasNextPage).toBe(false);
        const people = new Set(
          list.edges.flatMap((e: any) => e.node.speakers.map((p: any) => p.slug)),
        );
        expect(count).toBe(people.size);
      }
    }
  });
});

import { Role } from "../../entities";
import { slugify, SLUG_PATTERN } from "../../src/core/slug";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, issueToken } from "../editorial/helpers";

describe("slugs keep their letters", () => {
  it("spells letters outside ASCII in ASCII and keeps the rules for the rest", () => {
    expect(slugify("Łukasz Langa", 100)).toBe("lukasz-langa");
    expect(slugify("Straße", 100)).toBe("strasse");
    expect(slugify("Привет, мир", 100)).toBe("privet-mir");
    expect(slugify("Zoë Ångström", 100)).toBe("zoe-angstrom");
    // ASCII keeps today's rules: & is "and", anything else one hyphen, no edge hyphens.
    expect(slugify("php|works & PyWorks 2008", 100)).toBe("php-works-and-pyworks-2008");
    expect(slugify("Tom's talk_2!", 100)).toBe("tom-s-talk-2");
    expect(slugify("日本語", 100)).toBe("");
    const long = slugify("Ärger ".repeat(40), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long).toMatch(SLUG_PATTERN);
  });

  describe("through the API", () => {
    let server: TestServer;
    let editor: Record<string, string>;
    beforeAll(async () => {
      server = await startTestServer("content_slugs");
      editor = bearer((await issueToken(server, Role.EDITOR)).token);
    });
    afterAll(() => server.close());

    it("gives Łukasz Langa the slug lukasz-langa, then lukasz-langa-2", async () => {
      const create = `mutation { createPerson(input: { name: "Łukasz Langa" }) { slug } }`;
      const first = await server.gql(create, {}, editor);
      expect(first.errors).toBeUndefined();
      expect(first.data!.createPerson.slug).toBe("lukasz-langa");
      const second = await server.gql(create, {}, editor);
      expect(second.data!.createPerson.slug).toBe("lukasz-langa-2");
      const cyrillic = await server.gql(
        `mutation { createTopic(input: { name: "Программирование" }) { slug } }`,
        {},
        editor,
      );
      expect(cyrillic.data!.createTopic.slug).toBe("programmirovanie");
    });
  });
});

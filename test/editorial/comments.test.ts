import { Role } from "../../entities";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { bearer, codeOf, count, gid, issueToken } from "./helpers";

const POST = `mutation ($articleId: ID!, $body: String!, $email: String, $cmid: String, $name: String! = "Reader") {
  postComment(articleId: $articleId, authorName: $name, email: $email, body: $body, clientMutationId: $cmid) {
    replayed clientMutationId comment { id status body bodyHtml authorName }
  }
}`;
const COMMENTS = `query ($slug: String!) {
  article(slug: $slug) { commentCount comments(first: 100) { nodes { id body status bodyHtml } } }
}`;

describe("editorial: comments", () => {
  let server: TestServer;
  let editor: Record<string, string>;
  let article: string;
  let draft: string;
  let slug: string;
  const from = (ip: string) => ({ "x-forwarded-for": ip });

  beforeAll(async () => {
    server = await startTestServer("editorial_comments", {
      config: {
        comments: { autoApprovePublications: ["php-architect"], perMinute: 5, perDay: 50 },
      },
    });
    editor = bearer((await issueToken(server, Role.EDITOR)).token);
    const [published] = await server.db.dataSource.query(
      "SELECT a.slug AS slug FROM article a JOIN publication p ON p.id = a.publication_id WHERE a.status = 'PUBLISHED' AND p.slug = 'python-magazine'",
    );
    slug = published.slug;
    article = await gid(server, "article", slug);
    const [unpublished] = await server.db.dataSource.query(
      "SELECT slug FROM article WHERE status = 'DRAFT'",
    );
    draft = await gid(server, "article", unpublished.slug);
  });
  afterAll(() => server.close());

  it("takes an anonymous comment as PENDING, hidden from readers until approved", async () => {
    const res = await server.gql(
      POST,
      { articleId: article, body: "Great write-up", email: "reader@example.org" },
      from("198.51.100.1"),
    );
    expect(res.errors).toBeUndefined();
    const { comment } = res.data!.postComment;
    expect(comment.status).toBe("PENDING");
    expect(JSON.stringify(res.data)).not.toContain("reader@example.org");

    const publicView = await server.gql(COMMENTS, { slug });
    expect(publicView.data!.article.comments.nodes.map((c: any) => c.id)).not.toContain(comment.id);
    const editorView = await server.gql(COMMENTS, { slug }, editor);
    expect(editorView.data!.article.comments.nodes.map((c: any) => c.id)).toContain(comment.id);

    const moderate = `mutation ($id: ID!, $status: CommentStatus!) { moderateComment(id: $id, status: $status) { id status } }`;
    expect(codeOf(await server.gql(moderate, { id: comment.id, status: "APPROVED" }))).toBe(
      "UNAUTHENTICATED",
    );
    const approved = await server.gql(moderate, { id: comment.id, status: "APPROVED" }, editor);
    expect(approved.data!.moderateComment.status).toBe("APPROVED");
    const after = await server.gql(COMMENTS, { slug });
    expect(after.data!.article.comments.nodes.map((c: any) => c.id)).toContain(comment.id);
    // Readers never see an email, whatever the status.
    expect(JSON.stringify(after.data)).not.toContain("@example.org");

    await server.gql(moderate, { id: comment.id, status: "SPAM" }, editor);
    const spam = await server.gql(COMMENTS, { slug });
    expect(spam.data!.article.comments.nodes.map((c: any) => c.id)).not.toContain(comment.id);
  });

  it("auto-approves comments on a configured publication's articles", async () => {
    const created = await server.gql(
      `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
      {
        input: {
          title: "PHP news",
          kind: "NEWS",
          body: "News.",
          publication: await gid(server, "publication", "php-architect"),
          authors: [await gid(server, "person", "kevin-dangoor")],
        },
      },
      editor,
    );
    const id = created.data!.createArticle.article.id;
    await server.gql(`mutation ($id: ID!) { publishArticle(id: $id) { id } }`, { id }, editor);
    const res = await server.gql(POST, { articleId: id, body: "Auto" }, from("198.51.100.2"));
    expect(res.data!.postComment.comment.status).toBe("APPROVED");
  });

  it("refuses comments on drafts (NOT_FOUND) and bodies out of bounds (BAD_USER_INPUT)", async () => {
    expect(
      codeOf(await server.gql(POST, { articleId: draft, body: "x" }, from("198.51.100.3"))),
    ).toBe("NOT_FOUND");
    const empty = await server.gql(POST, { articleId: article, body: "" }, from("198.51.100.3"));
    expect(codeOf(empty)).toBe("BAD_USER_INPUT");
    expect(empty.errors![0].extensions!.fields).toEqual([
      expect.objectContaining({ field: "body" }),
    ]);
    const long = await server.gql(
      POST,
      { articleId: article, body: "x".repeat(5001) },
      from("198.51.100.3"),
    );
    expect(codeOf(long)).toBe("BAD_USER_INPUT");
    const badEmail = await server.gql(
      POST,
      { articleId: article, body: "ok", email: "not-an-email" },
      from("198.51.100.3"),
    );
    expect(badEmail.errors![0].extensions!.fields).toEqual([
      expect.objectContaining({ field: "email" }),
    ]);
    expect(await count(server, "comment", "body = ?", ["x"])).toBe(0);
  });

  it("creates one comment when postComment is replayed with the same clientMutationId", async () => {
    const vars = { articleId: article, body: "Posted twice?", cmid: "c-123" };
    const first = await server.gql(POST, vars, from("198.51.100.4"));
    const second = await server.gql(POST, vars, from("198.51.100.4"));
    expect(first.errors).toBeUndefined();
    expect(second.data!.postComment).toMatchObject({ replayed: true, clientMutationId: "c-123" });
    expect(second.data!.postComment.comment.id).toBe(first.data!.postComment.comment.id);
    expect(await count(server, "comment", "body = ?", ["Posted twice?"])).toBe(1);

    // Another reader at the same address reusing the id learns nothing about the first comment.
    const other = await server.gql(
      POST,
      { ...vars, body: "Mine is different" },
      from("198.51.100.4"),
    );
    expect(codeOf(other)).toBe("CONFLICT");
    expect(JSON.stringify(other)).not.toContain("Posted twice?");
    expect(await count(server, "comment", "body = ?", ["Mine is different"])).toBe(0);
  });

  it("refuses a batch of aliased postComment calls whole when it exceeds the limit", async () => {
    const batch = (n: number, tag: string) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...from("203.0.113.9") },
        body: JSON.stringify({
          query: `mutation ($a: ID!) { ${Array.from(
            { length: n },
            (_, i) =>
              `c${i}: postComment(articleId: $a, authorName: "${tag}", body: "flood ${i}") { comment { id } }`,
          ).join("\n")} }`,
          variables: { a: article },
        }),
      });
    // 10 against 5 a minute: nothing is written, not even the first 5.
    const refused = await batch(10, "Flood");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { data?: unknown; errors: any[] };
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await count(server, "comment", "author_name = ?", ["Flood"])).toBe(0);
    // The refusal spent nothing: 5 fit, the 6th does not.
    const five = (await (await batch(5, "Batch")).json()) as { data: any; errors?: any[] };
    expect(five.errors).toBeUndefined();
    expect(Object.keys(five.data)).toHaveLength(5);
    expect(await count(server, "comment", "author_name = ?", ["Batch"])).toBe(5);
    const sixth = await batch(1, "Sixth");
    expect(sixth.status).toBe(429);
    expect(await count(server, "comment", "author_name = ?", ["Sixth"])).toBe(0);
    // Another address is counted on its own.
    const other = await server.gql(
      POST,
      { articleId: article, body: "hello" },
      from("203.0.113.10"),
    );
    expect(other.errors).toBeUndefined();
  });

  it("never lets a <script> in a comment reach bodyHtml as markup", async () => {
    const evil = `<script>alert("x")</script>\n<img src=x onerror=alert(1)>`;
    const res = await server.gql(POST, { articleId: article, body: evil }, from("198.51.100.5"));
    const { comment } = res.data!.postComment;
    expect(comment.body).toBe(evil); // stored as plain text, as typed
    expect(comment.bodyHtml).not.toMatch(/<script|<img/i);
    expect(comment.bodyHtml).toContain("&lt;script&gt;");
  });
});

import type { Page } from "playwright-core";
import { Role } from "../../entities";
import { studioCsp } from "../../src/server/studio-routes";
import { useStudio } from "./harness";

// The API explorer (GraphiQL served by the hub at /studio/explorer/) in headless Chromium, against a
// hub configured as in production: introspection and the Apollo Sandbox are off.

const EDITOR = {
  email: "explorer@studio.test",
  password: "an explorer's long passphrase",
  displayName: "Eve Explorer",
  role: Role.EDITOR,
};

jest.setTimeout(120_000);

/** Replaces the operation in GraphiQL's query editor and runs it; returns the hub's answer. */
async function run(page: Page, operation: string): Promise<Record<string, any>> {
  const editor = page.locator(".graphiql-query-editor .CodeMirror").first();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(operation);
  const answer = page.waitForResponse(
    res => new URL(res.url()).pathname === "/graphql" && res.request().method() === "POST",
  );
  await page.getByRole("button", { name: /Execute query/ }).click();
  const body = await (await answer).json();
  // What GraphiQL shows is what the hub answered.
  const [field] = Object.keys(body.data ?? {});
  await page
    .locator(".graphiql-response")
    .filter({ hasText: `"${field}"` })
    .waitFor();
  return body;
}

describe("the API explorer in Chromium", () => {
  const studio = useStudio("studio_explorer", {
    accounts: [EDITOR],
    config: { nodeEnv: "production", introspection: false, landingPage: false },
  });
  const { newPage, check, signIn } = studio;

  it("is refused to signed-out visitors, on the server: the page and the schema", async () => {
    const page = await fetch(`${studio.server.url}/studio/explorer/`, { redirect: "manual" });
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/studio/");
    const sdl = await fetch(`${studio.server.url}/studio/explorer/schema.graphql`, {
      headers: { cookie: "crosstalk_session=not-a-session" },
    });
    expect(sdl.status).toBe(401);
    expect(await sdl.text()).not.toMatch(/type Query/);

    const browser = await newPage();
    await browser.goto(`${studio.server.url}/studio/explorer/`);
    await browser.getByRole("heading", { name: "Sign in to Crosstalk Studio" }).waitFor();
    expect(new URL(browser.url()).pathname).toBe("/studio/");
  });

  it("lets a signed-in editor explore the schema and run a query and a mutation", async () => {
    const page = await newPage();
    const requests: string[] = [];
    page.context().on("request", req => requests.push(req.url()));
    await signIn(page, EDITOR);

    // Introspection stays off in production, even with a session: the explorer reads the SDL.
    const introspection = await page.evaluate(async () => {
      const res = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "apollo-require-preflight": "true" },
        body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
      });
      return res.status;
    });
    expect(introspection).toBe(400);

    await page.getByRole("link", { name: "API explorer" }).click();
    await page.waitForURL(`${studio.server.url}/studio/explorer/`);
    await page.locator(".graphiql-query-editor .CodeMirror").first().waitFor();
    const response = await page.request.get(`${studio.server.url}/studio/explorer/`);
    expect(response.headers()["content-security-policy"]).toBe(
      studioCsp(`${studio.server.url.replace(/^http/, "ws")}/graphql`),
    );
    expect(response.headers()["cache-control"]).toBe("private, no-store");

    // The docs explorer shows the schema's types.
    await page.getByRole("button", { name: /Show Documentation Explorer/ }).click();
    await page.getByRole("link", { name: "Query" }).click();
    await page.getByRole("link", { name: "conferences" }).first().waitFor();

    // A query that returns data, with the session cookie and the CSRF-prevention header.
    const me = await run(page, "query { me { email displayName role } }");
    expect(me).toEqual({
      data: { me: { email: EDITOR.email, displayName: EDITOR.displayName, role: "EDITOR" } },
    });
    // A mutation the hub accepts: only a signed-in editor may create a person.
    const created = await run(
      page,
      'mutation { createPerson(input: { name: "Grace Explorer" }) { name slug } }',
    );
    expect(created).toEqual({
      data: { createPerson: { name: "Grace Explorer", slug: "grace-explorer" } },
    });
    const stored = await studio.server.gql(`{ person(slug: "grace-explorer") { name } }`);
    expect(stored.data).toEqual({ person: { name: "Grace Explorer" } });

    await check(page, "explorer");
    // With a second operation, each has a close button beside its own: still valid, and the open
    // one is marked.
    const operations = page.getByRole("list", { name: "Operations" }).getByRole("listitem");
    await page.getByRole("button", { name: "New tab" }).click();
    await operations.nth(1).getByRole("button", { name: "Close Tab" }).waitFor();
    expect(await operations.count()).toBe(2);
    const open = page.locator(".graphiql-tab-button[aria-current=true]");
    expect(await open.count()).toBe(1);
    await operations.nth(1).locator(".graphiql-tab-button[aria-current=true]").waitFor();
    // Kept up to date as GraphiQL re-renders its tabs.
    await operations.nth(0).locator(".graphiql-tab-button").click();
    await operations.nth(0).locator(".graphiql-tab-button[aria-current=true]").waitFor();
    expect(await open.count()).toBe(1);
    await check(page, "explorer-tabs");

    // The way back to the Studio.
    await page.getByRole("link", { name: "Crosstalk Studio" }).click();
    await page.getByRole("heading", { name: "Moderation queue" }).waitFor();

    // Everything the page loaded (scripts, styles, API) came from the hub itself.
    const foreign = requests.filter(url => {
      const { protocol, origin } = new URL(url);
      return protocol === "data:" ? false : origin !== studio.server.url;
    });
    expect(foreign).toEqual([]);
    expect(requests).toContainEqual(expect.stringMatching(/\/studio\/explorer\/assets\/.+\.js$/));
  });

  it("runs a query from the keyboard alone, and Tab leaves the editors", async () => {
    const page = await newPage();
    await signIn(page, EDITOR);
    await page.goto(`${studio.server.url}/studio/explorer/`);
    // The editors are named for screen readers, and their scroll boxes are reachable too.
    const query = page.getByRole("textbox", { name: "GraphQL query" });
    await query.waitFor({ state: "attached" });
    await page.getByRole("region", { name: "GraphQL query, scrollable view" }).waitFor();
    await page.getByRole("textbox", { name: "Response" }).waitFor({ state: "attached" });

    await query.focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText("query { me { displayName } }");
    const answer = page.waitForResponse(
      res => new URL(res.url()).pathname === "/graphql" && res.request().method() === "POST",
    );
    await page.keyboard.press("Control+Enter");
    expect(await (await answer).json()).toEqual({
      data: { me: { displayName: EDITOR.displayName } },
    });
    await page.locator(".graphiql-response").filter({ hasText: EDITOR.displayName }).waitFor();

    // Tab moves focus out of the query editor instead of indenting, and Shift+Tab comes back.
    await query.focus();
    await page.keyboard.press("Tab");
    const focused = () => page.locator(":focus").getAttribute("aria-label");
    expect(await focused()).toBe("GraphQL query, scrollable view");
    await check(page, "explorer-keyboard");
    await page.keyboard.press("Shift+Tab");
    expect(await focused()).toBe("GraphQL query");
    const text = await page.locator(".graphiql-query-editor .CodeMirror-code").innerText();
    expect(text.replace(/\s+/g, " ")).toMatch(/query \{ me \{ displayName \} \}/);
  });
});

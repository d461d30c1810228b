import path from "node:path";
import type { Page } from "playwright-core";
import { Role } from "../../entities";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { toGlobalId } from "../../src/core/global-id";
import { studioCsp } from "../../src/server/studio-routes";
import { rawGet } from "../embeds/helpers";
import { ADMIN, SHOTS, dragAndDrop, until, useStudio, watchLive } from "./harness";

// The Studio in headless Chromium against a real hub (issue 14, acceptance points 1 to 7).
// Screenshots go to test-results/studio/ (gitignored).

const EDITOR = { email: "editor@studio.test", password: "the editor's chosen passphrase" };
const PLANNER = {
  email: "planner@studio.test",
  password: "a planner's long passphrase",
  displayName: "Pat Planner",
  role: Role.EDITOR,
};

jest.setTimeout(120_000);

describe("Crosstalk Studio in Chromium", () => {
  const studio = useStudio("studio_browser", { accounts: [ADMIN, PLANNER] });
  const { newPage, check, signIn } = studio;
  /** 120 more people, named to sort after every seeded one: a list of the first 100 misses them. */
  const CROWD = (n: number) => `Zz Crowd ${String(n).padStart(3, "0")}`;

  beforeAll(async () => {
    const local = studio.server.app.createContext(undefined, LOCAL_OPERATOR);
    for (let n = 1; n <= 120; n++) {
      await studio.server.app.services.editorial.people.create(local, { name: CROWD(n) });
    }
    const res = await studio.server.gql(`{ people(first: 100) { nodes { name } } }`);
    const firstHundred = res.data!.people.nodes.map((p: { name: string }) => p.name);
    expect(firstHundred).toHaveLength(100);
    expect(firstHundred).not.toContain(CROWD(117));
    expect(firstHundred).not.toContain(CROWD(119));
  });

  it("serves the Studio with a strict Content-Security-Policy", async () => {
    const res = await fetch(`${studio.server.url}/studio/`);
    expect(res.status).toBe(200);
    // Its API over HTTP and its own WebSocket endpoint, exactly: no other host, no bare `ws:`.
    const csp = res.headers.get("content-security-policy");
    const live = `${studio.server.url.replace(/^http/, "ws")}/graphql`;
    expect(csp).toBe(studioCsp(live));
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toContain(`; connect-src 'self' ${live};`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\bwss?:(?!\/\/)|\*/);
    // A Host that is not a plain host name does not reach the policy.
    expect(
      (await rawGet(`${studio.server.url}/studio/`, { host: "evil.example; script-src *" }))
        .headers["content-security-policy"],
    ).toBe(studioCsp(null));
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<style>|style=/);
    expect((await fetch(`${studio.server.url}/studio/assets/nope.js`)).status).toBe(404);
  });

  it("AP1: an admin signs in, invites an editor, and the editor signs in through the link", async () => {
    const admin = await newPage();
    await admin.goto(`${studio.server.url}/studio/`);
    await admin.getByRole("heading", { name: "Sign in to Crosstalk Studio" }).waitFor();
    await check(admin, "sign-in");

    // A wrong password is refused next to the password field.
    await admin.getByLabel("Email").fill(ADMIN.email);
    await admin.getByLabel("Password").fill("not the password, clearly");
    await admin.getByRole("button", { name: "Sign in" }).click();
    await admin.locator("#sign-in-password-error").waitFor();
    expect(await admin.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");

    await admin.getByLabel("Password").fill(ADMIN.password);
    await admin.getByRole("button", { name: "Sign in" }).click();
    await admin.getByRole("heading", { name: "Moderation queue" }).waitFor();
    const cookies = await admin.context().cookies();
    expect(cookies.find(c => c.name === "crosstalk_session")).toMatchObject({
      httpOnly: true,
      sameSite: "Strict",
    });

    await admin.getByRole("link", { name: "Team" }).click();
    await admin.getByRole("heading", { name: "Invite an editor" }).waitFor();
    await admin.getByLabel("Email").fill(EDITOR.email);
    await admin.getByLabel("Display name").fill("Eddie Editor");
    // An unsaved form survives a reload.
    await admin.reload();
    await admin.getByRole("heading", { name: "Invite an editor" }).waitFor();
    expect(await admin.getByLabel("Display name").inputValue()).toBe("Eddie Editor");
    await admin.getByLabel("Role").selectOption("EDITOR");
    await admin.getByRole("button", { name: "Create invitation" }).click();
    const linkField = admin.getByLabel(/One-time invitation link/);
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${studio.server.url}/studio/#/invite/cti_[\\w-]{43}$`));
    await admin.getByRole("cell", { name: EDITOR.email }).waitFor();
    await check(admin, "team");

    const editor = await newPage();
    await editor.goto(link);
    await editor.getByRole("heading", { name: "Welcome to Crosstalk Studio" }).waitFor();
    await check(editor, "accept-invite");
    await editor.getByLabel("New password").fill("too short");
    await editor.getByLabel("Repeat the password").fill("too short");
    await editor.getByRole("button", { name: "Set password and sign in" }).click();
    await editor.locator("#invite-password-error").waitFor();
    await editor.getByLabel("New password").fill(EDITOR.password);
    await editor.getByLabel("Repeat the password").fill(EDITOR.password);
    await editor.getByRole("button", { name: "Set password and sign in" }).click();
    await editor.getByRole("heading", { name: "Moderation queue" }).waitFor();
    await editor.getByText("Eddie Editor (editor)").waitFor();
    // Editors have no Team screen.
    expect(await editor.getByRole("link", { name: "Team" }).count()).toBe(0);

    // Signing out ends the session: a reload shows the sign-in page again.
    await editor.getByRole("button", { name: "Sign out" }).click();
    await editor.getByRole("heading", { name: "Sign in to Crosstalk Studio" }).waitFor();
    await editor.reload();
    await editor.getByRole("heading", { name: "Sign in to Crosstalk Studio" }).waitFor();
    // The password chosen through the link signs in.
    await signIn(editor, EDITOR);
  });

  it("AP5: approves one comment and marks another as spam with the keyboard only, with undo", async () => {
    // The queue: the seeded pending comment, then two new ones (oldest first).
    const [article] = await studio.server.db.dataSource.query(
      "SELECT id FROM article WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1",
    );
    for (const name of ["Keyboard reader one", "Keyboard reader two"]) {
      await studio.server.app.services.editorial.comments.post(
        { ...studio.server.app.createContext(), clientIp: `203.0.113.${name.length}` },
        { article: toGlobalId("Article", Number(article.id)), authorName: name, body: "Hi!" },
      );
    }
    const statusOf = async (authorName: string): Promise<string> => {
      const [row] = await studio.server.db.dataSource.query(
        "SELECT status FROM comment WHERE author_name = ?",
        [authorName],
      );
      return row.status;
    };
    const first = "A PHP developer";
    expect(await statusOf(first)).toBe("PENDING");

    const page = await newPage();
    await signIn(page, ADMIN);
    const items = page
      .getByRole("list", { name: "Pending comments, oldest first" })
      .getByRole("listitem");
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThanOrEqual(3);
    await check(page, "moderation");

    // Tab until the first comment has focus (only the keyboard from here on).
    for (let i = 0; i < 20; i++) {
      const focused = await page.evaluate<boolean>(
        "document.activeElement?.classList.contains('queue-item')",
      );
      if (focused) break;
      await page.keyboard.press("Tab");
    }
    expect(
      await page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label')"),
    ).toMatch(new RegExp(`^Comment by ${first}`));

    await page.keyboard.press("a");
    await until(() => statusOf(first), "APPROVED");
    await page.getByText(`Approved: comment by ${first}`).waitFor();
    // Focus moved to the next comment: mark it as spam, undo, and mark it again.
    await page.keyboard.press("s");
    await until(() => statusOf("Keyboard reader one"), "SPAM");
    await page.getByText("Spam: comment by Keyboard reader one. Press U to undo.").waitFor();
    await page.keyboard.press("u");
    await until(() => statusOf("Keyboard reader one"), "PENDING");
    await page.getByText("Undone: the comment is pending again.").waitFor();
    await page.keyboard.press("s");
    await until(() => statusOf("Keyboard reader one"), "SPAM");
    expect(await statusOf("Keyboard reader two")).toBe("PENDING");
    expect(await statusOf(first)).toBe("APPROVED");

    // The public API shows the approved comment, never the spam.
    const res = await studio.server.gql(
      `query ($id: ID!) { node(id: $id) { ... on Article { comments(first: 50) { nodes { authorName } } } } }`,
      { id: toGlobalId("Article", Number(article.id)) },
    );
    const names = res.data!.node.comments.nodes.map((n: { authorName: string }) => n.authorName);
    expect(names).not.toContain("Keyboard reader one");
    await page.screenshot({ path: path.join(SHOTS, "moderation-after.png"), fullPage: true });
  });

  it("AP2 + AP3: a combined session appears once for both programs, moves live, and a stale edit meets the conflict screen", async () => {
    const title = "Testing in Both Worlds";
    const [person]: { name: string }[] = await studio.server.db.dataSource.query(
      "SELECT name FROM person ORDER BY id LIMIT 1",
    );
    const [first, second, extra] = [person.name, CROWD(117), CROWD(118)];
    // The host conference gets a track, so the form offers one.
    const [pyworks] = await studio.server.db.dataSource.query(
      "SELECT id FROM conference WHERE slug = 'pyworks-2008'",
    );
    await studio.server.app.services.editorial.structure.createTrack(
      studio.server.app.createContext(undefined, LOCAL_OPERATOR),
      { conference: toGlobalId("Conference", Number(pyworks.id)), name: "Testing track" },
    );

    const editor = await newPage();
    await signIn(editor, PLANNER);
    await editor.goto(`${studio.server.url}/studio/#/board/pyworks-2008`);
    await editor.getByRole("heading", { name: "Program board" }).waitFor();
    await editor.locator("table.board .card").first().waitFor();
    await check(editor, "board");

    await editor.getByRole("button", { name: "New session" }).click();
    await editor.getByLabel("Title").fill(title);
    await editor.getByLabel("Starts").fill("16:00");
    await editor.getByLabel("Ends").fill("16:45");
    // The room is one of the venue's, or a new one typed in.
    const room = editor.getByLabel("Room", { exact: true });
    expect(await room.locator("option").allTextContents()).toEqual(
      expect.arrayContaining(["No room", "Ballroom", "Another room…"]),
    );
    await room.selectOption({ label: "Another room…" });
    await editor.getByLabel("New room's name").fill("Studio Hall");
    await editor.getByLabel("Track").selectOption({ label: "Testing track" });
    await editor.getByRole("checkbox", { name: "git", exact: true }).check();
    await editor.getByRole("checkbox", { name: "php|works 2008" }).check();
    await editor.getByRole("checkbox", { name: "PHP", exact: true }).check();
    // Sub-communities are audiences too, indented under their parent.
    const zope = editor.locator("label.check.depth-1", { hasText: "Zope and Grok" });
    await zope.getByRole("checkbox").check();

    // Speakers by search, with the keyboard only: type, arrow to the match, Enter adds it…
    const search = editor.getByLabel("Find a speaker by name");
    await search.focus();
    await editor.keyboard.type("crowd 117");
    await editor.getByRole("status").filter({ hasText: "1 match for “crowd 117”." }).waitFor();
    await editor.keyboard.press("ArrowDown");
    const focused = editor.locator(":focus");
    expect(await focused.textContent()).toBe(`Add “${second}”`);
    await editor.keyboard.press("Enter");
    const chosen = editor.locator("#session-form-heading ~ .picker .picker-chosen .picker-name");
    await until(async () => (await chosen.allTextContents()).join("|"), second);
    expect(await focused.getAttribute("id")).toBe("session-speakers-search");
    // …Tab to a match and Space adds it; a focused Remove button and Enter takes it away again…
    await editor.keyboard.type("crowd 118");
    const extraMatch = editor.getByRole("button", { name: `Add “${extra}”` });
    await extraMatch.waitFor();
    for (let tabs = 0; tabs < 5; tabs++) {
      if ((await focused.textContent()) === `Add “${extra}”`) break;
      await editor.keyboard.press("Tab");
    }
    await editor.keyboard.press("Space");
    await until(async () => (await chosen.allTextContents()).join("|"), `${second}|${extra}`);
    await editor.getByRole("button", { name: `Remove ${extra}` }).focus();
    await editor.keyboard.press("Enter");
    await until(async () => (await chosen.allTextContents()).join("|"), second);
    // …and the seeded speaker, found by name, is moved to the front of the list.
    await search.fill(first);
    await editor.getByRole("button", { name: `Add “${first}”` }).click();
    await editor.getByRole("button", { name: `Move ${first} up` }).click();
    expect(await chosen.allTextContents()).toEqual([first, second]);
    await check(editor, "session-form");
    await editor.getByRole("button", { name: "Create session" }).click();
    await editor.getByText(`Created “${title}”.`).waitFor();

    const card = editor.locator("table.board .card", { hasText: title });
    await card.waitFor();
    expect(await card.count()).toBe(1);
    expect(await card.locator(".program").allTextContents()).toEqual(
      expect.arrayContaining(["PyWorks 2008", "php|works 2008"]),
    );

    // Through the public API: in both programs, speakers in order.
    for (const slug of ["pyworks-2008", "phpworks-2008"]) {
      const res = await studio.server.gql(
        `query ($slug: String!) { conference(slug: $slug) { days { sessions { title room speakers { name } programs { slug } audiences { slug } topics { name } track { name } } } } }`,
        { slug },
      );
      const sessions = res.data!.conference.days.flatMap((d: any) => d.sessions);
      const found = sessions.filter((x: any) => x.title === title);
      expect(found).toHaveLength(1);
      expect(found[0].speakers.map((p: any) => p.name)).toEqual([first, second]);
      expect(found[0].programs.map((p: any) => p.slug).sort()).toEqual([
        "phpworks-2008",
        "pyworks-2008",
      ]);
      expect(found[0]).toMatchObject({
        room: "Studio Hall",
        topics: [{ name: "git" }],
        track: { name: "Testing track" },
      });
      expect(found[0].audiences.map((a: any) => a.slug).sort()).toEqual(["php", "python", "zope"]);
    }

    // A second editor watches the same board. It learns of changes through a WebSocket to the hub's
    // own /graphql (signed in by its session cookie), subscribed to the shown programs' changes.
    const watcher = await newPage();
    await signIn(watcher, ADMIN);
    const seen = watchLive(watcher);
    await watcher.goto(`${studio.server.url}/studio/#/board/pyworks-2008`);
    const watched = watcher.locator("table.board .card", { hasText: title });
    await watched.waitFor();
    await until(async () => seen.subscribed, 1);
    expect(seen.sockets).toEqual([`${studio.server.url.replace(/^http/, "ws")}/graphql`]);
    // Once connected (and caught up), nothing is polled: no versions, no sessions, for well over
    // three of the fallback's polling periods.
    await new Promise(resolve => setTimeout(resolve, 1000));
    seen.versions = 0;
    seen.sessions = 0;
    await new Promise(resolve => setTimeout(resolve, 5000));
    expect({ versions: seen.versions, sessions: seen.sessions }).toEqual({
      versions: 0,
      sessions: 0,
    });
    const cellOf = (page: Page) =>
      page.locator("td", { has: page.locator(".card", { hasText: title }) });
    const days = await editor
      .locator("td[data-room='Studio Hall']")
      .evaluateAll(tds =>
        tds.map(td => (td as unknown as { dataset: { day: string } }).dataset.day),
      );
    expect(days.length).toBeGreaterThanOrEqual(2);
    const from = await cellOf(editor).getAttribute("data-day");
    const to = days.find(d => d !== from)!;

    // Drag and drop to another day; the watcher's board follows without a reload.
    await dragAndDrop(
      editor,
      card,
      editor.locator(`td[data-day='${to}'][data-room='Studio Hall']`),
    );
    await editor.getByText(`Moved “${title}” to Studio Hall on ${to}.`).waitFor();
    await watcher
      .locator(`td[data-day='${to}'][data-room='Studio Hall'] .card`, { hasText: title })
      .waitFor({ timeout: 20_000 });
    // It heard the move on the socket, then re-read its sessions once or twice (a combined
    // session's change arrives once per program), without polling.
    expect(seen.changes).toBeGreaterThan(0);
    expect(seen.sessions).toBeGreaterThan(0);
    expect(seen.versions).toBeLessThanOrEqual(seen.changes);
    expect(seen.sockets).toHaveLength(1);

    // The watcher opens the session to edit it (its form holds the version it read)…
    await watched.focus();
    await watcher.keyboard.press("Enter");
    await watcher.getByLabel("Title").fill(`${title} (renamed)`);
    // …meanwhile the editor moves it back with the keyboard…
    await card.focus();
    await editor.keyboard.press(to > from! ? "Alt+ArrowUp" : "Alt+ArrowDown");
    await editor.getByText(`Moved “${title}” to Studio Hall on ${from}.`).waitFor();
    // …so the watcher's save meets the conflict screen, and nothing is overwritten.
    await watcher.getByRole("button", { name: "Save session" }).click();
    await watcher.getByRole("heading", { name: `Someone else changed “${title}”` }).waitFor();
    await check(watcher, "conflict");
    const [row] = await studio.server.db.dataSource.query(
      "SELECT title, starts_at FROM session WHERE title LIKE ?",
      [`${title}%`],
    );
    expect(row.title).toBe(title);
    await watcher.getByRole("button", { name: "Discard my change" }).click();
    await watcher.getByText(`Your change to “${title}” was discarded.`).waitFor();
    await watcher
      .locator(`td[data-day='${from}'][data-room='Studio Hall'] .card`, { hasText: title })
      .waitFor({ timeout: 20_000 });
  });

  it("AP4: writes an article covering a session, previews it, and schedules it", async () => {
    const title = "What We Learned About git";
    const [author] = await studio.server.db.dataSource.query(
      "SELECT name FROM person ORDER BY id LIMIT 1",
    );
    const page = await newPage({ timezoneId: "UTC" });
    await signIn(page, PLANNER);
    await page.getByRole("link", { name: "Articles" }).click();
    await page.getByRole("heading", { name: "Write an article" }).waitFor();
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page.getByLabel("Excerpt").fill("Notes from the combined git session.");
    await page
      .getByLabel("Body (Markdown)")
      .fill("The session was **packed**.\n\n- branches\n- merges");
    await page.getByLabel("Find an author by name").fill(author.name);
    await page.getByRole("button", { name: `Add “${author.name}”` }).click();
    await page.getByLabel("Find a session by title").fill("git");
    await page.getByRole("button", { name: "Add “An Introduction to git”" }).click();
    // People and conferences by name, beyond any first page of either list.
    await page.getByLabel("Find a covered person by name").fill("crowd 119");
    await page.getByRole("button", { name: `Add “${CROWD(119)}”` }).click();
    await page.getByLabel("Find a conference by name").fill("php|works");
    await page.getByRole("button", { name: "Add “php|works 2008”" }).click();
    expect(await page.locator(".picker-chosen .picker-name").allTextContents()).toEqual([
      author.name,
      "An Introduction to git",
      CROWD(119),
      "php|works 2008",
    ]);
    await check(page, "article-editor");

    await page.getByRole("button", { name: "Save draft and preview" }).click();
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.locator("strong", { hasText: "packed" }).waitFor();
    expect(await preview.locator("li").count()).toBe(2);
    await check(page, "article-preview");

    // Schedule it 20 s ahead (the page's clock is UTC, as is the value typed).
    const at = new Date(Date.now() + 20_000);
    at.setMilliseconds(0);
    await page.getByLabel("Publish at (your local time)").fill(at.toISOString().slice(0, 19));
    await page.getByRole("button", { name: "Schedule" }).click();
    await page.getByText(`Scheduled “${title}”`).waitFor();

    const [row] = await studio.server.db.dataSource.query(
      "SELECT slug FROM article WHERE title = ?",
      [title],
    );
    const publicView = async () =>
      (
        await studio.server.gql(
          `query ($slug: String!) { article(slug: $slug) { title sessions { title } authors { name } people { name } conferences { name } } }`,
          {
            slug: row.slug,
          },
        )
      ).data!.article;
    expect(Date.now()).toBeLessThan(at.getTime());
    expect(await publicView()).toBeNull();
    await until(async () => (await publicView()) !== null, true, 60_000);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    expect(await publicView()).toEqual({
      title,
      sessions: [{ title: "An Introduction to git" }],
      authors: [{ name: author.name }],
      people: [{ name: CROWD(119) }],
      conferences: [{ name: "php|works 2008" }],
    });
  });

  it("lets an admin create and revoke an API token in the Studio", async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.getByRole("heading", { name: "Create a token" }).waitFor();
    await page.getByLabel("What it is for").fill("schedule importer");
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByLabel(/New token/).inputValue();
    expect(secret).toMatch(/^ctk_/);
    // The token works as a bearer token.
    const viewer = await studio.server.gql(
      `{ viewer { role } }`,
      {},
      { authorization: `Bearer ${secret}` },
    );
    expect(viewer.data).toEqual({ viewer: { role: "EDITOR" } });
    await check(page, "api-tokens");
    await page.getByRole("button", { name: "Revoke “schedule importer”" }).click();
    await page.getByRole("row", { name: /schedule importer.*Revoked/ }).waitFor();
    const after = await studio.server.gql(
      `{ viewer { role } }`,
      {},
      { authorization: `Bearer ${secret}` },
    );
    expect(after.status).toBe(401);
  });

  it("dashboard: charts sessions per day and community, the cross-community share and the queue", async () => {
    const page = await newPage();
    await signIn(page, PLANNER);
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.goto(`${studio.server.url}/studio/#/dashboard/pyworks-2008`);
    await page.getByRole("heading", { name: "Sessions per day and community" }).waitFor();
    await page.locator("table.chart-data").first().waitFor();

    // The figures are the public API's, read independently here.
    const res = await studio.server.gql(
      `{ conference(slug: "pyworks-2008") {
          name community { name } stats { sessionCount crossCommunitySessionCount crossCommunityShare }
          days { date sessions { id } }
          colocatedWith { name community { name } stats { sessionCount crossCommunitySessionCount crossCommunityShare } }
        } }`,
    );
    const conference = (res.data as any).conference;
    const programs: any[] = [conference, ...conference.colocatedWith];
    expect(programs.length).toBeGreaterThanOrEqual(2);
    for (const p of programs) {
      const row = page.getByRole("row", { name: new RegExp(`^${p.name.replace(/[|]/g, "\\|")} `) });
      await expect(row.locator("td").allInnerTexts()).resolves.toEqual([
        String(p.stats.sessionCount),
        String(p.stats.crossCommunitySessionCount),
        `${Math.round(p.stats.crossCommunityShare * 1000) / 10} %`,
      ]);
    }
    const column = await page
      .locator("table.chart-data")
      .first()
      .locator("thead th")
      .allInnerTexts();
    const hostColumn = column.indexOf(conference.community.name);
    expect(hostColumn).toBeGreaterThan(0);
    for (const day of conference.days) {
      const cells = await page
        .getByRole("row", { name: new RegExp(`^${day.date} `) })
        .locator("th, td")
        .allInnerTexts();
      expect(Number(cells[hostColumn])).toBe(day.sessions.length);
    }

    const [{ pending }] = await studio.server.db.dataSource.query(
      "SELECT COUNT(*) AS pending FROM comment WHERE status = 'PENDING'",
    );
    await until(() => page.locator(".figure strong").innerText(), String(pending));

    // Both charts were drawn: their canvases hold painted pixels.
    const canvases = page.getByRole("img");
    expect(await canvases.count()).toBe(2);
    for (const canvas of await canvases.all()) {
      const painted = await canvas.evaluate(el => {
        const c = el as unknown as {
          width: number;
          height: number;
          getContext(t: "2d"): { getImageData(...a: number[]): { data: Uint8ClampedArray } };
        };
        const pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) count += 1;
        return count;
      });
      expect(painted).toBeGreaterThan(100);
    }
    await check(page, "dashboard");
  });

  it("fits a tablet: no horizontal scrolling on the screens", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, ADMIN);
    for (const screen of [
      "moderation",
      "team",
      "board/pyworks-2008",
      "articles",
      "tokens",
      "dashboard/pyworks-2008",
    ]) {
      await page.goto(`${studio.server.url}/studio/#/${screen}`);
      await page.locator("main h1").waitFor();
      const overflow = await page.evaluate<number>(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: path.join(SHOTS, `tablet-${screen.replace("/", "-")}.png`),
        fullPage: true,
      });
    }
  });
});

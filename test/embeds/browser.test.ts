import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  guardPage,
  launchChromium,
  partnerPage,
  renderedSessions,
  settled,
  startEmbedServer,
  startPartnerSite,
} from "./helpers";

const COMBINED = {
  "introduction-to-git": "An Introduction to git",
  "database-administration": "Database Administration for Developers",
  "designing-security-in": "Designing Security into Your Applications",
};
const GROK = "Grok: Zope for Humans";
const XSS = "<img src=x onerror=alert(1)>";

describe("<crosstalk-sessions> in headless Chromium on a partner site", () => {
  let hub: Awaited<ReturnType<typeof startEmbedServer>>;
  let partner: Awaited<ReturnType<typeof startPartnerSite>>;
  let browser: Browser;

  beforeAll(async () => {
    hub = await startEmbedServer("embeds_browser");
    partner = await startPartnerSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await partner?.close();
    await hub?.close();
  });

  /** Opens a partner page (another origin than the hub) and returns it with its guard. */
  async function open(element: string, extraBody = "") {
    const name = `/p${Math.random().toString(36).slice(2)}.html`;
    partner.pages.set(name, partnerPage(hub.url, element, extraBody));
    const page = await browser.newPage();
    const guard = guardPage(page);
    await page.goto(`${partner.url}${name}`);
    return { page, guard };
  }

  async function hostIntact(page: Page) {
    expect(await page.textContent("#host-heading")).toBe("Our user group");
    expect(await page.textContent("#host-footer")).toBe("Host page content");
  }

  it("shows php|works' PHP sessions: the combined ones, marked for Python and PHP, and no Grok", async () => {
    expect(new URL(partner.url).origin).not.toBe(new URL(hub.url).origin);
    const { page, guard } = await open(
      `<crosstalk-sessions conference="phpworks-2008" community="php" session-url="https://partner.example/s/{slug}"></crosstalk-sessions>`,
    );
    expect(await settled(page, "crosstalk-sessions")).toBe("ready");
    const sessions = await renderedSessions(page, "crosstalk-sessions");
    const bySlug = Object.fromEntries(sessions.map(s => [s.slug, s]));
    for (const [slug, title] of Object.entries(COMBINED)) {
      expect(bySlug[slug]?.title).toBe(title);
      expect(bySlug[slug]?.marker).toBe("For PHP and Python");
    }
    expect(sessions.map(s => s.title)).not.toContain(GROK);

    const git = await page.evaluate(() => {
      const root = (globalThis as any).document.querySelector("crosstalk-sessions").shadowRoot;
      const li = root.querySelector('[data-slug="introduction-to-git"]');
      return {
        href: li.querySelector("a").getAttribute("href"),
        time: li.querySelector('[part~="time"]').textContent,
        room: li.querySelector('[part~="room"]').textContent,
        audiences: li.querySelector('[part~="audiences"]').textContent,
      };
    });
    expect(git.href).toBe("https://partner.example/s/introduction-to-git");
    // The event's zone by default: 10:30 in Atlanta.
    expect(git.time).toBe("Wed, Nov 12, 10:30 AM–12:00 PM EST");
    expect(git.room).toBe("Ballroom");
    expect(git.audiences).toBe("For: PHP and Python");

    fs.mkdirSync("test-results", { recursive: true });
    await page.screenshot({
      path: path.join("test-results", "embed-phpworks-php.png"),
      fullPage: true,
    });
    await hostIntact(page);
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("the same page with community=python shows the Grok tutorial and the combined sessions", async () => {
    const { page, guard } = await open(
      `<crosstalk-sessions conference="phpworks-2008" community="python" layout="grid"></crosstalk-sessions>`,
    );
    expect(await settled(page, "crosstalk-sessions")).toBe("ready");
    const sessions = await renderedSessions(page, "crosstalk-sessions");
    const titles = sessions.map(s => s.title);
    expect(titles).toContain(GROK);
    expect(titles).toEqual(expect.arrayContaining(Object.values(COMBINED)));
    expect(sessions.find(s => s.title === GROK)?.marker).toBeNull();
    // Grid: a section per day, a column per room.
    const rooms = await page.evaluate(() =>
      [
        ...(globalThis as any).document
          .querySelector("crosstalk-sessions")
          .shadowRoot.querySelectorAll('[part~="room-column"]'),
      ].map((c: any) => c.getAttribute("data-room")),
    );
    expect(rooms).toEqual(expect.arrayContaining(["Ballroom", "Room A", "Room B"]));
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("renders a hostile title as text, in the component and in the HTML fallback, and no dialog fires", async () => {
    await hub.db.dataSource.query("UPDATE session SET title = ? WHERE slug = ?", [
      XSS,
      "designing-security-in",
    ]);
    try {
      const { page, guard } = await open(
        `<crosstalk-sessions conference="phpworks-2008" community="php" limit="50"></crosstalk-sessions>`,
        `<iframe id="fallback" src="${hub.url}/embed/sessions?conference=phpworks-2008&community=php&limit=50"></iframe>`,
      );
      expect(await settled(page, "crosstalk-sessions")).toBe("ready");
      const hostile = (await renderedSessions(page, "crosstalk-sessions")).find(
        s => s.slug === "designing-security-in",
      )!;
      expect(hostile.title).toBe(XSS);
      expect(hostile.html).not.toContain("<img");
      const imgs = await page.evaluate(
        () =>
          (globalThis as any).document
            .querySelector("crosstalk-sessions")
            .shadowRoot.querySelectorAll("img").length,
      );
      expect(imgs).toBe(0);

      const frame = page.frame({ url: /\/embed\/sessions/ })!;
      await frame.waitForSelector('[data-slug="designing-security-in"]');
      expect(await frame.textContent('[data-slug="designing-security-in"] .title')).toBe(XSS);
      expect(await frame.$$("img")).toHaveLength(0);
      await page.waitForTimeout(300);
      expect(guard.problems).toEqual([]);
      await page.close();
    } finally {
      await hub.db.dataSource.query("UPDATE session SET title = ? WHERE slug = ?", [
        "Designing Security into Your Applications",
        "designing-security-in",
      ]);
    }
  });

  it("shows times in the zone asked for, and in the viewer's own zone", async () => {
    const { page, guard } = await open(
      `<crosstalk-sessions id="berlin" conference="phpworks-2008" kind="talk" timezone="Europe/Berlin" lang="de"></crosstalk-sessions>
       <crosstalk-sessions id="viewer" conference="phpworks-2008" kind="talk" timezone="viewer"></crosstalk-sessions>`,
    );
    expect(await settled(page, "#berlin")).toBe("ready");
    expect(await settled(page, "#viewer")).toBe("ready");
    const time = (id: string) =>
      page.evaluate(
        sel =>
          (globalThis as any).document
            .querySelector(sel)
            .shadowRoot.querySelector('[data-slug="introduction-to-git"] [part~="time"]')
            .textContent,
        id,
      );
    expect(await time("#berlin")).toMatch(/16:30.*18:00 MEZ/);
    const viewerZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const expected = new Intl.DateTimeFormat("en", {
      timeZone: viewerZone,
      hour: "numeric",
      minute: "2-digit",
    }).format(new Date("2008-11-12T15:30:00Z"));
    expect(await time("#viewer")).toContain(expected);
    // kind="talk" leaves out the tutorials.
    const slugs = (await renderedSessions(page, "#berlin")).map(s => s.slug);
    expect(slugs).not.toContain("database-administration");
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("shows a friendly empty state for an unknown conference", async () => {
    const { page, guard } = await open(
      `<crosstalk-sessions conference="no-such-conference"></crosstalk-sessions>`,
    );
    expect(await settled(page, "crosstalk-sessions")).toBe("empty");
    const status = await page.evaluate(
      () =>
        (globalThis as any).document
          .querySelector("crosstalk-sessions")
          .shadowRoot.querySelector('[part~="status"]').textContent,
    );
    expect(status).toBe("No sessions match.");
    await hostIntact(page);
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("shows an error state when the hub is unreachable, and the host page keeps working", async () => {
    const { page, guard } = await open(
      `<crosstalk-sessions conference="phpworks-2008" endpoint="http://127.0.0.1:9/graphql"></crosstalk-sessions>`,
      `<button id="host-button" onclick="this.textContent='clicked'">Click</button>`,
    );
    expect(await settled(page, "crosstalk-sessions")).toBe("error");
    const status = await page.evaluate(
      () =>
        (globalThis as any).document
          .querySelector("crosstalk-sessions")
          .shadowRoot.querySelector('[part~="error"]').textContent,
    );
    expect(status).toBe("The sessions could not be loaded.");
    await page.click("#host-button");
    expect(await page.textContent("#host-button")).toBe("clicked");
    await hostIntact(page);
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("lists a conference's speakers with <crosstalk-speakers>, in the viewer's language", async () => {
    const { page, guard } = await open(
      `<crosstalk-speakers conference="pyworks-2008" lang="de"></crosstalk-speakers><crosstalk-speakers id="none" community="no-such-community"></crosstalk-speakers>`,
    );
    expect(await settled(page, "crosstalk-speakers")).toBe("ready");
    const names = await page.evaluate(() =>
      [
        ...(globalThis as any).document
          .querySelector("crosstalk-speakers")
          .shadowRoot.querySelectorAll('[part~="name"]'),
      ].map((n: any) => n.textContent),
    );
    expect(names).toEqual(expect.arrayContaining(["Brandon Rhodes", "Kevin Dangoor"]));
    expect(await settled(page, "#none")).toBe("empty");
    expect(guard.problems).toEqual([]);
    await page.close();
  });
});

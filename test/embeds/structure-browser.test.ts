import type { Browser, ConsoleMessage } from "playwright-core";
import { Role } from "../../entities";
import { bearer, gid, issueToken } from "../editorial/helpers";
import {
  guardPage,
  launchChromium,
  partnerPage,
  renderedSessions,
  settled,
  startEmbedServer,
  startPartnerSite,
} from "./helpers";

/** The partner-side snippet the README documents for the iframe's auto-height messages. */
const AUTO_HEIGHT = `<script>
addEventListener("message", event => {
  const frame = [...document.querySelectorAll("iframe")].find(f => f.contentWindow === event.source);
  if (frame && event.data && event.data.type === "crosstalk:height") frame.style.height = event.data.height + "px";
});
</script>`;

/** Polls `condition` (every 50 ms, for up to 15 s) until it holds. */
async function until(condition: () => boolean, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe("embeds in Chromium: links, tracks, materials, languages and sizes", () => {
  let hub: Awaited<ReturnType<typeof startEmbedServer>>;
  let partner: Awaited<ReturnType<typeof startPartnerSite>>;
  let browser: Browser;

  beforeAll(async () => {
    hub = await startEmbedServer("embeds_structure");
    partner = await startPartnerSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await partner?.close();
    await hub?.close();
  });

  async function open(element: string, extraBody = "") {
    const name = `/s${Math.random().toString(36).slice(2)}.html`;
    partner.pages.set(name, partnerPage(hub.url, element, extraBody));
    const page = await browser.newPage();
    const guard = guardPage(page);
    const console: ConsoleMessage[] = [];
    page.on("console", message => console.push(message));
    await page.goto(`${partner.url}${name}`);
    return { page, guard, console };
  }

  const shadow = (page: any, selector: string, inner: string, attribute?: string) =>
    page.evaluate(
      ([sel, q, attr]: string[]) =>
        [
          ...((globalThis as any).document.querySelector(sel)?.shadowRoot?.querySelectorAll(q) ??
            []),
        ].map((n: any) => (attr ? n.getAttribute(attr) : n.textContent)),
      [selector, inner, attribute ?? ""],
    );

  it("links each title, without session-url, to the session's calendar, which answers 200 (AP8)", async () => {
    const { page, guard } = await open(
      `<crosstalk-sessions conference="phpworks-2008" community="php"></crosstalk-sessions>`,
    );
    expect(await settled(page, "crosstalk-sessions")).toBe("ready");
    const hrefs: string[] = await shadow(page, "crosstalk-sessions", '[part~="link"]', "href");
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs).toContain(`${hub.url}/calendar/session/introduction-to-git.ics`);
    for (const href of hrefs) {
      expect(href).not.toContain("%7B");
      const res = await page.request.get(href);
      expect([href, res.status()]).toEqual([href, 200]);
      expect(await res.text()).toContain("BEGIN:VCALENDAR");
    }
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("filters by track and shows the track, capacity, materials and the do-not-record note", async () => {
    const editor = bearer((await issueToken(hub, Role.EDITOR)).token);
    const php = await gid(hub, "conference", "phpworks-2008");
    const track = await hub.gql(
      `mutation($c: ID!) { createTrack(input: { conference: $c, name: "Version control" }) { id slug } }`,
      { c: php },
      editor,
    );
    const git = await hub.gql(
      `{ session(slug: "introduction-to-git") { id version roomRecord { id version } } }`,
    );
    const { id, version, roomRecord } = git.data!.session;
    await hub.gql(
      `mutation($id: ID!, $v: Int!) { updateRoom(input: { id: $id, version: $v, capacity: 300 }) { capacity } }`,
      { id: roomRecord.id, v: roomRecord.version },
      editor,
    );
    const updated = await hub.gql(
      `mutation($id: ID!, $v: Int!, $t: ID) { updateSession(input: { id: $id, version: $v, track: $t, doNotRecord: true,
        links: [{ kind: SLIDES, url: "https://slides.example/git.pdf" }, { kind: CODE, url: "https://code.example/git", title: "Examples" }] }) { slug } }`,
      { id, v: version, t: track.data!.createTrack.id },
      editor,
    );
    expect(updated.errors).toBeUndefined();

    const { page, guard } = await open(
      `<crosstalk-sessions conference="phpworks-2008" track="version-control"></crosstalk-sessions>`,
    );
    expect(await settled(page, "crosstalk-sessions")).toBe("ready");
    const sessions = await renderedSessions(page, "crosstalk-sessions");
    expect(sessions.map(s => s.slug)).toEqual(["introduction-to-git"]);
    expect(await shadow(page, "crosstalk-sessions", '[part~="track"]')).toEqual([
      "Track: Version control",
    ]);
    expect(await shadow(page, "crosstalk-sessions", '[part~="capacity"]')).toEqual([
      "Ballroom: 300 seats",
    ]);
    expect(await shadow(page, "crosstalk-sessions", '[part~="material"]')).toEqual([
      "Slides",
      "Examples",
    ]);
    expect(await shadow(page, "crosstalk-sessions", '[part~="material"]', "href")).toEqual([
      "https://slides.example/git.pdf",
      "https://code.example/git",
    ]);
    expect(await shadow(page, "crosstalk-sessions", '[part~="do-not-record"]')).toEqual([
      "Not recorded",
    ]);
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("falls back to English for an unknown lang, with a console note, in the component and the iframe", async () => {
    const { page, guard, console } = await open(
      `<crosstalk-sessions conference="phpworks-2008" community="php" lang="xx"></crosstalk-sessions>`,
      `<iframe src="${hub.url}/embed/sessions?conference=phpworks-2008&community=php&lang=xx"></iframe>`,
    );
    expect(await settled(page, "crosstalk-sessions")).toBe("ready");
    const frame = page.frame({ url: /\/embed\/sessions/ })!;
    await frame.waitForSelector('[data-slug="introduction-to-git"]');
    const notes = () =>
      console.filter(m => m.type() === "info" && m.text().includes('no strings for lang "xx"'));
    // One from the component, one from the iframe.
    await until(() => notes().length >= 2);
    expect(notes()).toHaveLength(2);
    expect(await shadow(page, "crosstalk-sessions", '[part~="audiences"]')).toContain(
      "For: PHP and Python",
    );
    expect(await frame.textContent('[data-slug="introduction-to-git"] .audiences')).toBe(
      "For: PHP and Python",
    );
    // One time format: the component and the iframe print the same text.
    const componentTime = (
      await shadow(page, "crosstalk-sessions", '[data-slug="introduction-to-git"] [part~="time"]')
    )[0];
    expect(await frame.textContent('[data-slug="introduction-to-git"] time')).toBe(componentTime);
    expect(componentTime).toBe("Wed, Nov 12, 10:30 AM–12:00 PM EST");
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("shows the year when the list spans years", async () => {
    const { page, guard } = await open(
      `<crosstalk-sessions id="span" community="python" limit="100"></crosstalk-sessions>
       <crosstalk-sessions id="one" conference="pycon-2009"></crosstalk-sessions>`,
    );
    expect(await settled(page, "#span")).toBe("ready");
    expect(await settled(page, "#one")).toBe("ready");
    const times: string[] = await shadow(page, "#span", '[part~="time"]');
    expect(times.some(t => t.includes("2008"))).toBe(true);
    expect(times.some(t => t.includes("2009"))).toBe(true);
    expect(times.every(t => /200[89]/.test(t))).toBe(true);
    const single: string[] = await shadow(page, "#one", '[part~="time"]');
    expect(single.length).toBeGreaterThan(0);
    expect(single.some(t => t.includes("2009"))).toBe(false);
    expect(guard.problems).toEqual([]);
    await page.close();
  });

  it("grows the iframe to its content with the documented postMessage snippet, and lists speakers without JavaScript", async () => {
    const { page, guard } = await open(
      "",
      `<iframe id="sessions" src="${hub.url}/embed/sessions?conference=phpworks-2008"></iframe>
       <iframe id="speakers" src="${hub.url}/embed/speakers?conference=pyworks-2008"></iframe>
       ${AUTO_HEIGHT}`,
    );
    await page.waitForFunction(
      () => (globalThis as any).document.getElementById("sessions").offsetHeight > 600,
      undefined,
      { timeout: 15000 },
    );
    const frame = page.frame({ url: /\/embed\/sessions/ })!;
    const contentHeight = await frame.evaluate(
      () => (globalThis as any).document.documentElement.scrollHeight,
    );
    const frameHeight = await page.evaluate(
      () => (globalThis as any).document.getElementById("sessions").getBoundingClientRect().height,
    );
    expect(Math.abs(frameHeight - contentHeight)).toBeLessThanOrEqual(4);

    const speakers = page.frame({ url: /\/embed\/speakers/ })!;
    await speakers.waitForSelector(".speaker");
    const names = await speakers.$$eval(".speaker .name", els => els.map(e => e.textContent));
    expect(names).toEqual(expect.arrayContaining(["Brandon Rhodes", "Kevin Dangoor"]));
    expect(guard.problems).toEqual([]);
    await page.close();
  });
});

import type { Page } from "playwright-core";
import { Role } from "../../entities";
import { bearer, issueToken } from "../editorial/helpers";
import { ADMIN, useStudio } from "./harness";

// The Conferences and Co-location screens (admins only) in headless Chromium against a real hub.

const EDITOR = {
  email: "eve.editor@studio.test",
  password: "an editor's long passphrase",
  displayName: "Eve Editor",
  role: Role.EDITOR,
};

const NAME = "Atlanta Web Week 2008";
const SLUG = "atlanta-web-week-2008";

jest.setTimeout(180_000);

/** True when the page fits its viewport's width (no horizontal scroll). */
async function fitsWidth(page: Page): Promise<boolean> {
  // A string, evaluated in the page (this file is compiled without the DOM's types).
  return page.evaluate<boolean>(
    "document.documentElement.scrollWidth <= document.documentElement.clientWidth",
  );
}

describe("Studio conferences and co-location in Chromium", () => {
  const studio = useStudio("studio_conferences", { accounts: [ADMIN, EDITOR] });
  const { newPage, check, signIn } = studio;

  const publicConference = async (slug: string) => {
    const res = await studio.server.gql(
      `query ($slug: String!) {
        conference(slug: $slug) {
          id name organizer startsOn endsOn timezone version
          venue { name city country }
          series { name }
          tracks { name }
          rooms { name capacity }
          colocatedWith { slug }
        }
      }`,
      { slug },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.conference;
  };

  it("lets an admin create, structure, edit and co-locate a conference, and clear it again", async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await page.getByRole("link", { name: "Conferences" }).click();
    await page.getByRole("heading", { name: "New conference" }).waitFor();
    await page.getByRole("rowheader", { name: "PyWorks 2008" }).waitFor();

    // The last day before the first: the hub's message appears next to "Last day".
    await page.getByLabel("Name", { exact: true }).fill(NAME);
    await page.getByLabel("Edition year").fill("2008");
    await page.getByLabel("Organizer").fill("MTA");
    await page.getByLabel("First day").fill("2008-11-12");
    await page.getByLabel("Last day").fill("2008-11-10");
    await page.getByLabel("Time zone").selectOption("America/New_York");
    await page.getByLabel("Venue", { exact: true }).fill("Georgia World Congress Center");
    await page.getByLabel("City").fill("Atlanta");
    await page.getByLabel("Country code").fill("US");
    await page.getByLabel("Community").selectOption({ label: "Python" });
    await page.getByLabel("Or start a new series").fill("Atlanta Web Week");
    await page.getByRole("button", { name: "Create series" }).click();
    await page
      .locator("#conference-series option:checked", { hasText: "Atlanta Web Week" })
      .waitFor({ state: "attached" });
    await page.getByRole("button", { name: "Create conference" }).click();
    const endError = page.locator("#conference-endsOn-error");
    await endError.waitFor();
    expect(await endError.textContent()).toMatch(/on or after/);
    expect(await page.getByLabel("Last day").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Last day").getAttribute("aria-describedby")).toContain(
      "conference-endsOn-error",
    );
    expect(await publicConference(SLUG)).toBeNull();

    await page.getByLabel("Last day").fill("2008-11-14");
    await page.getByRole("button", { name: "Create conference" }).click();
    await page.getByText(`Created “${NAME}”.`, { exact: false }).waitFor();
    await page.getByRole("heading", { name: `Edit “${NAME}”` }).waitFor();
    expect(await endError.count()).toBe(0);

    // A track and a room.
    await page.getByLabel("New track").fill("Web");
    await page.getByRole("button", { name: "Add track" }).click();
    await page.getByRole("form", { name: "Track “Web”" }).waitFor();
    await page.getByLabel("New room").fill("Peachtree Ballroom");
    await page.locator("#new-room-capacity").fill("300");
    await page.getByRole("button", { name: "Add room" }).click();
    await page.getByRole("form", { name: "Room “Peachtree Ballroom”" }).waitFor();

    // Edit; a reload in the middle keeps the unsaved change and what is being edited.
    await page.getByLabel("Organizer").fill("MTA Events");
    await page.reload();
    await page.getByRole("heading", { name: `Edit “${NAME}”` }).waitFor();
    expect(await page.getByLabel("Organizer").inputValue()).toBe("MTA Events");
    await page.getByRole("button", { name: "Save conference" }).click();
    await page.getByText(`Saved “${NAME}”`, { exact: false }).waitFor();
    // The last change is shown in the event's zone.
    expect(await page.locator("time").first().textContent()).toMatch(/EST|GMT-5/);

    const created = await publicConference(SLUG);
    expect(created).toMatchObject({
      name: NAME,
      organizer: "MTA Events",
      startsOn: "2008-11-12",
      endsOn: "2008-11-14",
      timezone: "America/New_York",
      venue: { name: "Georgia World Congress Center", city: "Atlanta", country: "US" },
      series: { name: "Atlanta Web Week" },
      tracks: [{ name: "Web" }],
      rooms: [{ name: "Peachtree Ballroom", capacity: 300 }],
      colocatedWith: [],
    });

    // Someone else saves first: the conflict is shown and nothing is overwritten.
    const token = bearer((await issueToken(studio.server, Role.ADMIN)).token);
    const other = await studio.server.gql(
      `mutation ($input: UpdateConferenceInput!) { updateConference(input: $input) { version } }`,
      { input: { id: created.id, version: created.version, attendance: 850 } },
      token,
    );
    expect(other.errors).toBeUndefined();
    await page.getByLabel("Organizer").fill("Someone Stale");
    await page.getByRole("button", { name: "Save conference" }).click();
    const conflict = page.getByRole("alertdialog", {
      name: "Someone else changed this conference",
    });
    await conflict.waitFor();
    await conflict.getByRole("rowheader", { name: "Attendance" }).waitFor();
    expect((await publicConference(SLUG)).organizer).toBe("MTA Events");
    await conflict.getByRole("button", { name: "Discard my changes" }).click();
    expect(await page.getByLabel("Organizer").inputValue()).toBe("MTA Events");
    expect(await page.getByLabel("Attendance").inputValue()).toBe("850");

    await check(page, "conferences");
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1024, height: 768 });

    // Co-locate it with PyWorks 2008, whose event (with php|works 2008) it joins.
    await page.getByRole("link", { name: "Co-location" }).click();
    await page.getByRole("heading", { name: "Co-location", level: 1 }).waitFor();
    await page.getByRole("button", { name: `Change co-location of “${NAME}”` }).click();
    await page.getByRole("heading", { name: `Co-location of “${NAME}”` }).waitFor();
    const pyworks = page.locator("#event-add option", { hasText: /^PyWorks 2008 \(/ });
    await pyworks.waitFor({ state: "attached" });
    await page
      .getByLabel("Add a conference of the same year")
      .selectOption((await pyworks.getAttribute("value"))!);
    await page.getByRole("button", { name: "Add to the event" }).click();
    await page.getByRole("checkbox", { name: "php|works 2008" }).waitFor();
    await page.getByRole("button", { name: "Save co-location" }).click();
    await page
      .getByText(`Saved: ${NAME}, PyWorks 2008 and php|works 2008 are now one co-located event.`)
      .waitFor();
    await page
      .getByRole("row", { name: /^PyWorks 2008/ })
      .getByRole("cell", { name: `php|works 2008, ${NAME}` })
      .waitFor();

    // The public API shows the new conference and the co-location, symmetric.
    expect((await publicConference(SLUG)).colocatedWith.map((c: any) => c.slug).sort()).toEqual([
      "phpworks-2008",
      "pyworks-2008",
    ]);
    expect(
      (await publicConference("pyworks-2008")).colocatedWith.map((c: any) => c.slug).sort(),
    ).toEqual([SLUG, "phpworks-2008"]);
    const listed = await studio.server.gql(
      `{ conferences(filter: { year: 2008 }) { nodes { slug } } }`,
    );
    expect(listed.data!.conferences.nodes.map((c: any) => c.slug)).toContain(SLUG);

    await check(page, "co-location");
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1024, height: 768 });

    // Clear it again: it leaves the event; PyWorks and php|works stay together.
    await page.getByRole("button", { name: `Clear co-location of “${NAME}”` }).click();
    await page.getByText(`Saved: “${NAME}” is not co-located with any conference.`).waitFor();
    expect((await publicConference(SLUG)).colocatedWith).toEqual([]);
    expect((await publicConference("pyworks-2008")).colocatedWith).toEqual([
      { slug: "phpworks-2008" },
    ]);
    await page
      .getByRole("row", { name: new RegExp(`^${NAME}`) })
      .getByRole("cell", { name: "—" })
      .waitFor();
  });

  it("shows editors no Conferences or Co-location entries, and tells them why on the screen", async () => {
    const page = await newPage();
    await signIn(page, EDITOR);
    const nav = page.getByRole("navigation", { name: "Screens" });
    await nav.getByRole("link", { name: "Articles" }).waitFor();
    expect(await nav.getByRole("link", { name: "Conferences" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Co-location" }).count()).toBe(0);
    for (const [route, title] of [
      ["conferences", "Conferences"],
      ["co-location", "Co-location"],
    ]) {
      await page.goto(`${studio.server.url}/studio/#/${route}`);
      await page.getByRole("heading", { name: title, level: 1 }).waitFor();
      await page.getByText("Only admins can manage conferences and co-location.").waitFor();
      expect(
        await page.getByRole("button", { name: /Create conference|Save co-location/ }).count(),
      ).toBe(0);
      // Not theirs, so no nav entry (Moderation, the default) is marked as the current one.
      expect(await nav.locator("[aria-current=page]").count()).toBe(0);
    }
  });
});

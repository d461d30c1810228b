import path from "node:path";
import type { Page } from "playwright-core";
import { Role } from "../../entities";
import { bearer, issueToken } from "../editorial/helpers";
import { ADMIN, SHOTS, until, useStudio } from "./harness";

// The People and Communities screens of the Studio in headless Chromium against a real hub: every
// step is checked through the public GraphQL API as well as on the screen.

const EDITOR = {
  email: "people-editor@studio.test",
  password: "an editor's long passphrase",
  displayName: "Ed People",
  role: Role.EDITOR,
};

jest.setTimeout(180_000);

describe("Studio: People and Communities", () => {
  const studio = useStudio("studio_people", { accounts: [ADMIN, EDITOR] });
  const { newPage, check, signIn } = studio;

  /** A person as the public API has them (by slug), or null. */
  const personBySlug = async (slug: string) => {
    const res = await studio.server.gql(
      `query ($slug: String!) { person(slug: $slug) { id name affiliation bio version links { label url } } }`,
      { slug },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.person as {
      id: string;
      name: string;
      affiliation: string | null;
      bio: string;
      version: number;
      links: { label: string; url: string }[];
    } | null;
  };

  const communityBySlug = async (slug: string) => {
    const res = await studio.server.gql(
      `query ($slug: String!) { community(slug: $slug) { id name description version parent { slug } } }`,
      { slug },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.community as {
      id: string;
      name: string;
      description: string;
      version: number;
      parent: { slug: string } | null;
    } | null;
  };

  const openScreen = async (page: Page, link: string) => {
    await page
      .getByRole("navigation", { name: "Screens" })
      .getByRole("link", { name: link })
      .click();
    await page.getByRole("heading", { level: 1, name: link }).waitFor();
  };

  const peopleRows = (page: Page) => page.locator("table.people tbody tr");

  it("an admin creates a person (a field error first), finds, edits and deletes them", async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await openScreen(page, "People");
    await peopleRows(page).first().waitFor();
    await check(page, "people");

    // An empty name is refused by the API, next to the Name field.
    await page.getByRole("button", { name: "Create person" }).click();
    const nameError = page.locator("#person-name-error");
    await nameError.waitFor();
    expect(await nameError.textContent()).toMatch(/^Name /);
    expect(await page.getByLabel("Name", { exact: true }).getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(await personBySlug("grace-quillfeather")).toBeNull();

    await page.getByLabel("Name", { exact: true }).fill("Grace Quillfeather");
    await page.getByLabel("Affiliation").fill("Navy");
    await page.getByLabel("Biography").fill("Writes compilers.");
    await page.getByRole("button", { name: "Add a link" }).click();
    await page.getByLabel("Link 1 label").fill("Website");
    await page.getByLabel("Link 1 URL").fill("https://grace.example/");
    await page.getByRole("button", { name: "Create person" }).click();
    await page.getByRole("status").getByText("Created “Grace Quillfeather”.").waitFor();
    expect(await personBySlug("grace-quillfeather")).toMatchObject({
      name: "Grace Quillfeather",
      affiliation: "Navy",
      bio: "Writes compilers.",
      version: 1,
      links: [{ label: "Website", url: "https://grace.example/" }],
    });
    // The create form is empty again, and stays so after a reload.
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("");

    // Search by name: only her.
    await page.getByLabel("Search by name").fill("Quillfeather");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await until(() => peopleRows(page).count(), 1);
    expect(await peopleRows(page).first().textContent()).toContain("Grace Quillfeather");

    // Edit; a reload in the middle keeps the unsaved form.
    await page.getByRole("link", { name: "Edit Grace Quillfeather" }).click();
    await page.getByRole("heading", { name: "Edit “Grace Quillfeather”" }).waitFor();
    await page.getByLabel("Affiliation").fill("Compiler Lab");
    await page.reload();
    await page.getByRole("heading", { name: "Edit “Grace Quillfeather”" }).waitFor();
    expect(await page.getByLabel("Affiliation").inputValue()).toBe("Compiler Lab");
    expect((await personBySlug("grace-quillfeather"))!.affiliation).toBe("Navy");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").getByText("Saved “Grace Quillfeather”.").waitFor();
    expect(await personBySlug("grace-quillfeather")).toMatchObject({
      affiliation: "Compiler Lab",
      version: 2,
    });

    // Delete, confirmed in the page, by keyboard only.
    await page.getByRole("link", { name: "Edit Grace Quillfeather" }).click();
    const focused = (locator: ReturnType<Page["getByRole"]>) => () =>
      locator.evaluate(el => el === (globalThis as any).document.activeElement);
    // Opening the edit takes the keyboard to its first field.
    await until(focused(page.getByLabel("Name", { exact: true })), true);
    const ask = page.getByRole("button", { name: "Delete “Grace Quillfeather”…" });
    await ask.focus();
    await page.keyboard.press("Enter");
    const keep = page.getByRole("button", { name: "Keep" });
    await until(focused(keep), true);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText("Deleted “Grace Quillfeather”.").waitFor();
    expect(await personBySlug("grace-quillfeather")).toBeNull();
    await page.getByLabel("Search by name").fill("Quillfeather");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByText("No one matches “Quillfeather”.").waitFor();
    expect(await peopleRows(page).count()).toBe(0);
  });

  it("shows why a speaker cannot be deleted, next to the action, and deletes nothing", async () => {
    const speakers = await studio.server.gql(
      `{ people(first: 1, filter: { isSpeaker: true }) { nodes { id name slug } } }`,
    );
    const speaker = speakers.data!.people.nodes[0];
    const page = await newPage();
    await signIn(page, ADMIN);
    await page.goto(`${studio.server.url}/studio/#/people/${encodeURIComponent(speaker.id)}`);
    await page.getByRole("heading", { name: `Edit “${speaker.name}”` }).waitFor();
    await page.getByRole("button", { name: `Delete “${speaker.name}”…` }).click();
    await page.getByRole("button", { name: `Yes, delete “${speaker.name}”` }).click();
    const error = page.locator("#person-delete-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/speaks at \d+ session/);
    expect(
      await page
        .getByRole("button", { name: `Yes, delete “${speaker.name}”` })
        .getAttribute("aria-describedby"),
    ).toBe("person-delete-error");
    expect(await personBySlug(speaker.slug)).not.toBeNull();
    await check(page, "people-delete-refused");
  });

  it("a stale edit gets the conflict notice; reapplying keeps the other editor's change", async () => {
    const editor = bearer((await issueToken(studio.server, Role.EDITOR)).token);
    const created = await studio.server.gql(
      `mutation { createPerson(input: { name: "Conrad Conflict", affiliation: "First Lab" }) { id } }`,
      undefined,
      editor,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPerson.id as string;

    const page = await newPage();
    await signIn(page, ADMIN);
    await page.goto(`${studio.server.url}/studio/#/people/${encodeURIComponent(id)}`);
    await page.getByRole("heading", { name: "Edit “Conrad Conflict”" }).waitFor();
    await page.getByLabel("Biography").fill("My biography.");
    // Someone else changes the affiliation meanwhile.
    const other = await studio.server.gql(
      `mutation ($id: ID!) { updatePerson(input: { id: $id, version: 1, affiliation: "Second Lab" }) { version } }`,
      { id },
      editor,
    );
    expect(other.data!.updatePerson.version).toBe(2);

    await page.getByRole("button", { name: "Save changes" }).click();
    const notice = page.getByRole("alertdialog", {
      name: "Someone else changed “Conrad Conflict”",
    });
    await notice.waitFor();
    expect(await notice.textContent()).toContain("nothing was overwritten");
    expect(await notice.getByRole("row", { name: /Affiliation/ }).textContent()).toContain(
      "Second Lab",
    );
    // Nothing was overwritten.
    expect(await personBySlug("conrad-conflict")).toMatchObject({
      affiliation: "Second Lab",
      bio: "",
      version: 2,
    });
    await check(page, "people-conflict");

    await notice.getByRole("button", { name: "Reapply my changes" }).click();
    await page.getByRole("status").getByText("Saved “Conrad Conflict”.").waitFor();
    expect(await personBySlug("conrad-conflict")).toMatchObject({
      affiliation: "Second Lab",
      bio: "My biography.",
      version: 3,
    });
  });

  it("pages through a search with Load more, one keyset page at a time", async () => {
    const editor = bearer((await issueToken(studio.server, Role.EDITOR)).token);
    for (let i = 1; i <= 23; i++) {
      const res = await studio.server.gql(
        `mutation ($name: String!) { createPerson(input: { name: $name }) { id } }`,
        { name: `Pagella Tester ${String(i).padStart(2, "0")}` },
        editor,
      );
      expect(res.errors).toBeUndefined();
    }
    const page = await newPage();
    await signIn(page, ADMIN);
    await openScreen(page, "People");
    await page.getByLabel("Search by name").fill("Pagella");
    await page.keyboard.press("Enter");
    await until(() => peopleRows(page).count(), 20);
    const more = page.getByRole("button", { name: "Load more people" });
    await more.click();
    await until(() => peopleRows(page).count(), 23);
    await until(() => more.count(), 0);
    const names = await page.locator("table.people tbody tr td:first-child").allTextContents();
    expect(names.map(n => n.replace(/pagella.*$/, ""))).toEqual(
      Array.from({ length: 23 }, (_, i) => `Pagella Tester ${String(i + 1).padStart(2, "0")}`),
    );
  });

  it("editors see People but not Communities, and the Communities screen says why", async () => {
    const page = await newPage();
    await signIn(page, EDITOR);
    const nav = page.getByRole("navigation", { name: "Screens" });
    await nav.getByRole("link", { name: "People" }).waitFor();
    expect(await nav.getByRole("link", { name: "Communities" }).count()).toBe(0);
    await openScreen(page, "People");
    await peopleRows(page).first().waitFor();

    await page.goto(`${studio.server.url}/studio/#/communities`);
    await page.getByRole("heading", { level: 1, name: "Communities" }).waitFor();
    await page.getByText("Only admins can manage communities.").waitFor();
    expect(await page.getByRole("button", { name: "Create community" }).count()).toBe(0);
    expect(await nav.locator("[aria-current=page]").count()).toBe(0);
  });

  it("an admin creates and edits a community, with its parent, seen through the public API", async () => {
    const page = await newPage();
    await signIn(page, ADMIN);
    await openScreen(page, "Communities");
    await page.getByRole("cell", { name: "Zope and Grok", exact: true }).waitFor();
    await check(page, "communities");

    await page.getByRole("button", { name: "Create community" }).click();
    await page.locator("#community-name-error").waitFor();
    expect(await page.getByLabel("Name").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Name").fill("Jython");
    await page.getByLabel("Description").fill("Python on the JVM.");
    await page.getByLabel("Parent community").selectOption({ label: "Python" });
    await page.reload();
    await page.getByRole("heading", { name: "New community" }).waitFor();
    expect(await page.getByLabel("Name").inputValue()).toBe("Jython");
    await page.getByRole("button", { name: "Create community" }).click();
    await page.getByRole("status").getByText("Created “Jython”.").waitFor();
    expect(await communityBySlug("jython")).toMatchObject({
      name: "Jython",
      description: "Python on the JVM.",
      parent: { slug: "python" },
      version: 1,
    });
    await page.getByRole("cell", { name: "Jython", exact: true }).waitFor();

    // A slug another community has is refused next to the Slug field.
    await page.getByLabel("Name").fill("Copycat");
    await page.getByLabel("Slug").fill("zope");
    await page.getByRole("button", { name: "Create community" }).click();
    await page.locator("#community-slug-error").waitFor();
    expect(await page.locator("#community-slug-error").textContent()).toContain("zope");
    await page.getByLabel("Name").fill("");
    await page.getByLabel("Slug").fill("");

    // Edit: rename, move under Zope; a reload mid-edit keeps the form.
    await page.getByRole("link", { name: "Edit Jython" }).click();
    await page.getByRole("heading", { name: "Edit “Jython”" }).waitFor();
    await page.getByLabel("Name").fill("Jython Users");
    const zope = (await communityBySlug("zope"))!;
    await page.getByLabel("Parent community").selectOption(zope.id);
    await page.reload();
    await page.getByRole("heading", { name: "Edit “Jython”" }).waitFor();
    expect(await page.getByLabel("Name").inputValue()).toBe("Jython Users");
    // It cannot be placed under itself.
    const options = await page.getByLabel("Parent community").locator("option").allTextContents();
    expect(options.map(o => o.trim())).not.toContain("Jython");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").getByText("Saved “Jython Users”.").waitFor();
    expect(await communityBySlug("jython")).toMatchObject({
      name: "Jython Users",
      parent: { slug: "zope" },
      version: 2,
    });
    const tree = await studio.server.gql(
      `{ community(slug: "python") { descendants { slug parent { slug } } } }`,
    );
    expect(tree.data!.community.descendants).toContainEqual({
      slug: "jython",
      parent: { slug: "zope" },
    });

    // Back to a root.
    await page.getByRole("link", { name: "Edit Jython Users" }).click();
    await page.getByRole("heading", { name: "Edit “Jython Users”" }).waitFor();
    await page.getByLabel("Parent community").selectOption({ label: "None (a root community)" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "New community" }).waitFor();
    await until(async () => (await communityBySlug("jython"))!.version, 3);
    expect((await communityBySlug("jython"))!.parent).toBeNull();
  });

  it("a stale community edit gets the conflict notice and keeps the other admin's change", async () => {
    const admin = bearer((await issueToken(studio.server, Role.ADMIN)).token);
    const created = await studio.server.gql(
      `mutation { createCommunity(input: { name: "IronPython", description: "On .NET." }) { id } }`,
      undefined,
      admin,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createCommunity.id as string;

    const page = await newPage();
    await signIn(page, ADMIN);
    await page.goto(`${studio.server.url}/studio/#/communities/${encodeURIComponent(id)}`);
    await page.getByRole("heading", { name: "Edit “IronPython”" }).waitFor();
    await page.getByLabel("Name").fill("IronPython Users");
    const other = await studio.server.gql(
      `mutation ($id: ID!) { updateCommunity(input: { id: $id, version: 1, description: "Python on the CLR." }) { version } }`,
      { id },
      admin,
    );
    expect(other.data!.updateCommunity.version).toBe(2);

    await page.getByRole("button", { name: "Save changes" }).click();
    const notice = page.getByRole("alertdialog", { name: "Someone else changed “IronPython”" });
    await notice.waitFor();
    expect(await notice.getByRole("row", { name: /Description/ }).textContent()).toContain(
      "Python on the CLR.",
    );
    expect(await communityBySlug("ironpython")).toMatchObject({
      name: "IronPython",
      description: "Python on the CLR.",
      version: 2,
    });
    await notice.getByRole("button", { name: "Reapply my changes" }).click();
    await page.getByRole("status").getByText("Saved “IronPython Users”.").waitFor();
    expect(await communityBySlug("ironpython")).toMatchObject({
      name: "IronPython Users",
      description: "Python on the CLR.",
      version: 3,
    });
  });

  it("fits a tablet: no horizontal scrolling on People and Communities", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 768, height: 1024 });
    await signIn(page, ADMIN);
    for (const screen of ["people", "communities"]) {
      await page.goto(`${studio.server.url}/studio/#/${screen}`);
      await page.locator("main h1").waitFor();
      await page.locator("main tbody tr").first().waitFor();
      const overflow = await page.evaluate<number>(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `tablet-${screen}.png`), fullPage: true });
    }
  });
});

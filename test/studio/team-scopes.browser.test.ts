import { ADMIN, useStudio } from "./harness";

// The Team screen gives an invitation the same scope as an API token's (issue 14): here an editor
// limited to one conference, invited in headless Chromium against a real hub.

jest.setTimeout(120_000);

describe("Team screen: scoped invitations", () => {
  const studio = useStudio("studio_team_scopes");
  const { newPage, check, signIn } = studio;

  it("invites an editor limited to php|works 2008, shows that scope, and changes it", async () => {
    const admin = await newPage();
    await signIn(admin, ADMIN);
    await admin.getByRole("link", { name: "Team" }).click();
    await admin.getByRole("heading", { name: "Invite an editor" }).waitFor();
    await admin.getByLabel("Email").fill("php-desk@studio.test");
    await admin.getByLabel("Display name").fill("Pia PHP desk");
    await admin.getByLabel("Role").selectOption("EDITOR");
    const scope = admin
      .getByRole("form", { name: "Invite an editor" })
      .getByRole("group", { name: "Scope" });
    await scope.getByLabel("php|works 2008").check();
    expect(await scope.getByLabel("PyWorks 2008").isChecked()).toBe(false);
    expect(await scope.getByLabel("Read-only").isChecked()).toBe(false);
    await admin.getByRole("button", { name: "Create invitation" }).click();

    await admin.getByLabel(/One-time invitation link/).waitFor();
    await admin.getByText("Invited Pia PHP desk (php-desk@studio.test), scope:").waitFor();
    const row = admin.getByRole("row").filter({ hasText: "php-desk@studio.test" });
    await row.getByRole("cell", { name: "php|works 2008", exact: true }).waitFor();
    // The admin's own row offers no scope change.
    expect(await admin.getByRole("button", { name: "Change scope of Ada Admin" }).count()).toBe(0);
    await row.getByRole("button", { name: "Change scope of Pia PHP desk" }).click();
    const edit = admin.getByRole("form", { name: "Scope of Pia PHP desk" });
    expect(await edit.getByLabel("php|works 2008").isChecked()).toBe(true);
    await check(admin, "team-scopes");

    // What the screen shows is what was stored: the account is limited to that conference alone.
    const [account] = await studio.server.db.dataSource.query(
      "SELECT read_only AS r, conference_scope AS c FROM account WHERE email = ?",
      ["php-desk@studio.test"],
    );
    const [php] = await studio.server.db.dataSource.query(
      "SELECT id FROM conference WHERE slug = 'phpworks-2008'",
    );
    expect(Boolean(Number(account.r))).toBe(false);
    expect(JSON.parse(account.c)).toEqual([Number(php.id)]);

    // The form is empty again for the next invitation, scope included.
    expect(await scope.getByLabel("php|works 2008").isChecked()).toBe(false);

    // The admin widens the conferences to all but makes the account read-only.
    await edit.getByLabel("php|works 2008").uncheck();
    await edit.getByLabel("Read-only").check();
    await edit.getByRole("button", { name: "Save scope" }).click();
    await row.getByRole("cell", { name: "Read-only; All conferences", exact: true }).waitFor();
    await edit.waitFor({ state: "detached" });
    const [after] = await studio.server.db.dataSource.query(
      "SELECT read_only AS r, conference_scope AS c FROM account WHERE email = ?",
      ["php-desk@studio.test"],
    );
    expect(Boolean(Number(after.r))).toBe(true);
    expect(after.c).toBeNull();
  });
});

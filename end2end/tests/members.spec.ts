// An account owner invites someone to see two of the company's places; the invitee joins
// from the mailed link on their phone; the owner takes one place away on the grid and the
// member loses sight of it on their very next page.
import { test, expect, expectAccessible, linkMailedTo, serveTiles, signIn } from "./fixtures";

test("an owner invites a member, who joins and loses sight of a place the moment it is taken away", async ({
  page,
  browser,
  consoleProblems,
}) => {
  void consoleProblems;
  test.setTimeout(60_000);
  const email = `nina.${Date.now() % 1_000_000}@example.com`;
  await signIn(page, "facilities@example.com");
  await page.goto("/account");
  await page.getByRole("link", { name: "People and access" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("People and access");
  await expectAccessible(page);

  // The invitation: a name, an address, and what the new person may do where.
  await page.getByLabel("Their name").fill("Nina Night");
  await page.getByLabel("Their email").fill(email);
  await page.getByLabel(/the new person.*See.*Warehouse/).check();
  await page.getByLabel(/the new person.*See.*Head office/).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText("Invitation sent");
  await expect(page.getByText("invited, not joined yet").first()).toBeVisible();

  // The invitee, on a phone of their own.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await serveTiles(phone);
  const nina = await phone.newPage();
  const link = await linkMailedTo(email);
  await nina.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(nina.getByRole("heading", { level: 1 })).toHaveText("Join the account");
  await expect(nina.getByText("Kiez Offices GmbH")).toBeVisible();
  await expectAccessible(nina);
  await nina.getByLabel("Choose a password").fill("violet kettle marches north");
  await nina.getByRole("button", { name: "Join" }).click();
  await expect(nina).toHaveURL(/\/(\?joined=1)?$/);
  await expect(nina.locator("#locations-heading")).toBeVisible();
  await expect(nina.locator("main")).toContainText("Warehouse");
  await expect(nina.locator("main")).toContainText("Head office");
  // Seeing is not booking: no booking buttons for her.
  await expect(nina.getByRole("link", { name: "Book a visit" })).toHaveCount(0);
  await nina.goto("/locations");
  const warehouse = nina.getByRole("link", { name: "Warehouse", exact: true });
  const warehouseHref = (await warehouse.getAttribute("href"))!;
  expect(warehouseHref).toMatch(/^\/locations\/LO-\d+$/);

  // The owner takes the warehouse away.
  await page.reload();
  await page.getByLabel(/Nina Night.*See.*Warehouse/).uncheck();
  await page.getByRole("button", { name: "Save rights" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await expectAccessible(page);

  // Her very next pages: the warehouse is gone, its address is not found.
  await nina.goto("/");
  await expect(nina.locator("main")).toContainText("Head office");
  await expect(nina.locator("main")).not.toContainText("Warehouse");
  const gone = await nina.goto(warehouseHref);
  expect(gone?.status()).toBe(404);
  await phone.close();
});

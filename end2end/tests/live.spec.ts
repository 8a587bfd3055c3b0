// A visit's page keeps itself current: with it open on a phone, the customer sees the office
// cancel the visit without reloading, and a screen reader is told the new status.
import { test, expect, signIn, expectAccessible } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("the customer's visit page follows a change made elsewhere", async ({ page, browser, consoleProblems }) => {
  await signIn(page, "ana@example.com");
  const visit = page.locator('a[href^="/visits/DS-"]').first();
  const href = (await visit.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/visits\/DS-\d+$/);
  await page.goto(href);
  await expect(page.locator("[data-visit-status]")).not.toHaveText("Cancelled");
  await expectAccessible(page);

  const office = await browser.newContext();
  const dispatcher = await office.newPage();
  await signIn(dispatcher, "dispatch@example.com");
  await dispatcher.goto(href);
  await dispatcher.getByText("Cancel this visit").click();
  await dispatcher.getByLabel(/Why are you cancelling/).fill("The customer phoned");
  await dispatcher.getByRole("button", { name: "Cancel the visit" }).click();
  await expect(dispatcher.locator("[data-visit-status]")).toHaveText("Cancelled");
  await office.close();

  // No reload: the same page now shows it, and the live region said it.
  await expect(page.locator("[data-visit-status]")).toHaveText("Cancelled");
  await expect(page.locator("#visit-live-status")).toHaveText("Cancelled");
  expect(new URL(page.url()).pathname).toBe(href);
  await expectAccessible(page);
});

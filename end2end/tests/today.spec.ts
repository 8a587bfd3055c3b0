// The technician's day on a phone: reached from the navigation, accessible, and each job's
// next step is one button whose result the page shows. (The demo's jobs fall on working
// days; on a day off the page says there are none.)
import { test, expect, signIn, expectAccessible } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("a technician opens today's jobs and sets off for the first", async ({ page, consoleProblems }) => {
  await signIn(page, "tomas@example.com");
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today's jobs" })).toBeVisible();
  await expectAccessible(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  const setOff = page.getByRole("button", { name: /^On my way: DS-\d+$/ });
  if ((await setOff.count()) === 0) {
    await expect(page.getByText("No jobs today.")).toBeVisible();
    return;
  }
  const name = (await setOff.first().getAttribute("aria-label")) ?? "";
  const reference = name.replace("On my way: ", "");
  await setOff.first().click();
  const job = page.locator(`li[id="${reference}"]`);
  await expect(job.getByText("On the way", { exact: true })).toBeVisible();
  await expect(job.getByRole("button", { name: `Arrived: ${reference}` })).toBeVisible();
  await expectAccessible(page);
});

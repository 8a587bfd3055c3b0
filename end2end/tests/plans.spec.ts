// Regular visits on a phone-sized screen: a customer sets one up, skips a day, pauses it
// and ends it; every page stays accessible and inside the screen's width.
import { test, expect, signIn, expectAccessible } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ viewport: { width: 360, height: 740 } });

/** The local date of the first Tuesday at least four days from now (`2026-12-08`). */
function nextTuesday(): string {
  const day = new Date(Date.now() + 4 * 86_400_000);
  while (day.getDay() !== 2) day.setDate(day.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

async function fitsTheScreen(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

test("a customer sets up a regular visit, skips a day, pauses and ends it", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "ana@example.com");
  await page.getByRole("navigation").getByRole("link", { name: "Regular visits" }).click();
  await expect(page.getByRole("heading", { name: "Regular visits", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Set up a regular visit" }).click();
  await expect(page.getByRole("heading", { name: "Set up a regular visit" })).toBeVisible();
  await expectAccessible(page);
  await fitsTheScreen(page);

  await page.getByLabel("What", { exact: true }).selectOption({ label: "Standard clean" });
  await page.getByLabel("Every week", { exact: true }).check();
  await page.getByLabel("First visit", { exact: true }).fill(nextTuesday());
  await page.getByLabel("Arrival time", { exact: true }).fill("09:00");
  await page.getByLabel(/Notes for every visit/).fill("Key in the lockbox.");
  await page.getByRole("button", { name: "Set up and book the first visits" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your regular visit is set up" })).toBeVisible();
  await expect(page.getByText("Every week on Tuesday")).toBeVisible();
  await expectAccessible(page);
  await fitsTheScreen(page);

  // Skip the first day: its visit is cancelled and the day says so.
  const skip = page.getByRole("button", { name: /^Skip / }).first();
  const label = (await skip.getAttribute("aria-label")) ?? "";
  const day = label.replace(/^Skip /, "");
  await skip.click();
  await expect(page.getByRole("status").filter({ hasText: `${day} is skipped.` })).toBeVisible();
  await expect(page.getByRole("button", { name: label })).toHaveCount(0);

  // Pause for three weeks, by keyboard from the summary on.
  const back = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
  await page.getByText("Pause", { exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Back on").fill(back);
  await page.getByRole("button", { name: "Pause the visits" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The plan is paused." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Resume now" })).toBeVisible();
  await expectAccessible(page);

  // Ending it cancels what is left, and the list says it ended.
  await page.getByText("End the plan", { exact: true }).first().click();
  await page.getByRole("button", { name: "End the plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The plan has ended." })).toBeVisible();
  await page.getByRole("link", { name: "← All regular visits" }).click();
  await expect(page.getByText("Ended").first()).toBeVisible();
  await fitsTheScreen(page);
});

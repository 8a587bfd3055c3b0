// Booking on a phone-sized screen: from the home page through the calendar to the
// confirmation, with JavaScript and without, by keyboard, losing a race, then moving and
// cancelling the visit.
import { test, expect, signIn, expectAccessible } from "./fixtures";
import { test as plain, type Page } from "@playwright/test";

test.use({ viewport: { width: 360, height: 740 } });

/** The local date `n` days from now (`2026-11-28`), moved off a Sunday. */
function dayAhead(n: number): string {
  const day = new Date(Date.now() + n * 86_400_000);
  if (day.getDay() === 0) day.setDate(day.getDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Opens the calendar at the first day with windows `n` or more days ahead. */
async function openDayAhead(page: Page, n: number) {
  const base = page.url();
  for (let extra = 0; extra < 10; extra++) {
    await page.goto(`${base}&day=${dayAhead(n + extra)}`);
    if ((await page.getByRole("radio").count()) > 0) return;
  }
  throw new Error("no free day in the ten days searched");
}

/** From the calendar step: the first day with windows, then its first window. */
async function pickFirstWindow(page: Page) {
  const openDay = page.locator("td.day-open a").first();
  if ((await openDay.count()) === 0) {
    // Nothing left this month: follow the pointer to the first free time.
    await page.getByRole("link", { name: /The first free time is/ }).click();
  } else {
    await openDay.click();
  }
  await expect(page.getByRole("radio").first()).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Check and confirm" })).toBeVisible();
}

test("a customer books from the calendar and sees the visit at home", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "ana@example.com");
  await page.getByRole("main").getByRole("link", { name: "Book a visit" }).click();
  await expect(page.getByText("Step 2 of 4")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Standard clean/ }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await expectAccessible(page);
  await pickFirstWindow(page);
  await expectAccessible(page);
  await page.getByLabel(/Note for the technician/).fill("Please use the side door.");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your visit is booked." })).toBeVisible();
  const reference = (await page.locator(".alert-success").textContent())?.match(/DS-\d+/)?.[0];
  expect(reference).toBeTruthy();
  await expect(page.getByText("Please use the side door.")).toBeVisible();
  await expectAccessible(page);
  // Nothing overflows the phone's width.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  await page.getByRole("link", { name: "Home", exact: true }).click();
  await expect(page.locator(`a[href="/visits/${reference}"]`)).toBeVisible();
});

test("with JavaScript, months and days switch in place and the address follows", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "ana@example.com");
  await page.goto("/book");
  await page.getByRole("link", { name: /Standard clean/ }).click();
  const heading = page.locator("#month-heading");
  const before = await heading.textContent();
  // A marker that a full page load would wipe out.
  await page.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
  await page.getByRole("link", { name: "Next month" }).click();
  await expect(heading).not.toHaveText(before ?? "");
  await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
  await expect(page.locator("#month-next, #month-prev").first()).toBeVisible();
  const focused = await page.evaluate(() => document.activeElement?.id ?? "");
  expect(focused).toMatch(/^month-/);
  await page.getByRole("link", { name: "Previous month" }).click();
  await expect(heading).toHaveText(before ?? "");
  expect(await page.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(1);
  await expectAccessible(page);
});

test("the calendar works by keyboard alone", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "ana@example.com");
  await page.goto("/book");
  await page.getByRole("link", { name: /Standard clean/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("table")).toBeVisible();
  const firstOpen = page.locator("td.day-open a").first();
  if ((await firstOpen.count()) > 0) {
    await firstOpen.focus();
    await page.keyboard.press("Enter");
  } else {
    await page.getByRole("link", { name: /The first free time is/ }).focus();
    await page.keyboard.press("Enter");
  }
  // The day arrives in place (with JavaScript) and the address follows.
  await expect(page).toHaveURL(/day=/);
  // Focus stays on the day used (or the day's heading, coming from elsewhere).
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id ?? ""))
    .toMatch(/^day-/);
  const radios = page.getByRole("radio");
  await radios.first().focus();
  if ((await radios.count()) > 1) {
    await page.keyboard.press("ArrowDown");
    await expect(radios.nth(1)).toBeChecked();
  }
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check and confirm" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm booking" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Your visit is booked." })).toBeVisible();
});

plain.describe("without JavaScript", () => {
  plain.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  plain("a company member picks a location, books, and another browser loses the race", async ({ page, browser }) => {
    await signIn(page, "office@example.com");
    await page.goto("/book");
    await expect(page.getByText("Step 1 of 4")).toBeVisible();
    await page.getByRole("link", { name: /Warehouse/ }).click();
    await page.getByRole("link", { name: /Standard clean/ }).click();
    await pickFirstWindow(page);
    const review = page.url();

    // A second browser of the same account opens the same time, then books it until no
    // technician is left for it; this one then loses with a clear message and choices.
    const other = await browser.newContext({ javaScriptEnabled: false });
    const second = await other.newPage();
    await signIn(second, "facilities@example.com");
    let refused = false;
    for (let i = 0; i < 6 && !refused; i++) {
      await second.goto(review);
      const confirm = second.getByRole("button", { name: "Confirm booking" });
      if (!(await second.getByRole("radio").count()) && (await confirm.count())) {
        await confirm.click();
        await expect(second.getByRole("status").filter({ hasText: "Your visit is booked." })).toBeVisible();
      } else {
        refused = true;
      }
    }
    await other.close();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByRole("alert")).toContainText("Someone has just booked that time");
    await expect(page.getByRole("group", { name: "These times are still free:" })).toBeVisible();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your visit is booked." })).toBeVisible();
    const reference = (await page.locator(".alert-success").textContent())?.match(/DS-\d+/)?.[0];
    expect(reference).toBeTruthy();
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await expect(page.locator(`a[href="/visits/${reference}"]`)).toBeVisible();
  });

  plain("a customer moves and then cancels a visit with a reason", async ({ page }) => {
    await signIn(page, "ana@example.com");
    await page.goto("/book");
    await page.getByRole("link", { name: /Standard clean/ }).click();
    // Days well ahead keep the visit outside the notice for changes.
    await openDayAhead(page, 5);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your visit is booked." })).toBeVisible();

    await page.getByRole("link", { name: "Choose another time" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Move visit DS-");
    await openDayAhead(page, 9);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Move the visit" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your visit has been moved." })).toBeVisible();
    await expect(page.getByText("You moved the visit.")).toBeVisible();

    await page.getByText("Cancel this visit").click();
    // The reason is required: the browser's own check and the server's.
    await page.getByLabel(/Why are you cancelling/).fill("We will be away.");
    await page.getByRole("button", { name: "Cancel the visit" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your visit is cancelled." })).toBeVisible();
    await expect(page.getByText("We will be away.")).toBeVisible();
  });
});

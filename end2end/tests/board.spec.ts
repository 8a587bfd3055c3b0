// The dispatcher's board on a phone-sized screen: a customer books, the dispatcher moves
// the visit to a time the engine says fits (taking a technician it names when the first
// choice cannot), and the customer's visit page shows the new window after a reload.
import { test, expect, signIn, expectAccessible } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

test.use({ viewport: { width: 360, height: 740 } });

/** The local date `n` days from now (`2026-12-08`), moved off a Sunday. */
function dayAhead(n: number): string {
  const day = new Date(Date.now() + n * 86_400_000);
  if (day.getDay() === 0) day.setDate(day.getDate() + 1);
  const pad = (v: number) => String(v).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

async function fitsTheScreen(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

/** Books the first window of the first day with one, `n` or more days ahead. */
async function book(page: Page, n: number): Promise<{ reference: string; day: string }> {
  await page.goto("/book");
  await page.getByRole("link", { name: /Standard clean/ }).click();
  const base = page.url();
  for (let extra = 0; extra < 10; extra++) {
    const day = dayAhead(n + extra);
    await page.goto(`${base}&day=${day}`);
    if ((await page.getByRole("radio").count()) === 0) continue;
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Confirm booking" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your visit is booked." })).toBeVisible();
    const reference = (await page.locator(".alert-success").textContent())?.match(/DS-\d+/)?.[0];
    expect(reference).toBeTruthy();
    return { reference: reference ?? "", day };
  }
  throw new Error("no free day in the ten days searched");
}

/** The stop of `reference` on the board, with its move form open. */
async function openMove(page: Page, reference: string): Promise<Locator> {
  const stop = page.locator("li.board-stop").filter({ hasText: reference });
  const details = stop.locator("details");
  if ((await details.getAttribute("open")) === null) {
    await stop.getByText("Move", { exact: true }).click();
  }
  return stop;
}

test("the dispatcher moves a visit and the customer sees the new window", async ({ page, browser, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "ana@example.com");
  // Past the demo's week of jobs (it starts today), on a day with room all day.
  const { reference, day } = await book(page, 8);

  const officeContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const office = await officeContext.newPage();
  await signIn(office, "dispatch@example.com");
  await office.getByRole("navigation").getByRole("link", { name: "Board" }).click();
  await expect(office.getByRole("heading", { name: "Dispatch board", level: 1 })).toBeVisible();
  await office.locator("#board-day").fill(day);
  await office.getByRole("button", { name: "Show" }).click();
  await expect(office).toHaveURL(new RegExp(`day=${day}`));
  await expect(office.locator("li.board-stop").filter({ hasText: reference })).toBeVisible();
  await expectAccessible(office);
  await fitsTheScreen(office);

  // Later the same day: the same technician if the engine says it fits, else one it names.
  let moved = "";
  for (const time of ["15:00", "14:00", "13:00", "16:00", "12:00", "11:00", "10:00"]) {
    let stop = await openMove(office, reference);
    await stop.getByLabel("Start time").fill(time);
    await stop.getByRole("button", { name: "Move the visit" }).click();
    const done = office.getByRole("status").filter({ hasText: `${reference} is moved.` });
    const refused = office.getByRole("alert").filter({ hasText: "does not fit" });
    await expect(done.or(refused)).toBeVisible();
    if (await done.isVisible()) {
      moved = time;
      break;
    }
    await expectAccessible(office);
    const could = await refused.locator("li").allTextContents();
    const name = could[0]?.match(/^(.+) could take it then/)?.[1];
    if (!name) continue;
    stop = await openMove(office, reference);
    await expect(stop.getByLabel("Start time")).toHaveValue(time);
    await stop.getByLabel("Technician").selectOption({ label: name });
    await stop.getByRole("button", { name: "Move the visit" }).click();
    await expect(done).toBeVisible();
    moved = time;
    break;
  }
  expect(moved, "a time later that day fits someone").not.toBe("");
  await expect(office.getByText(/It adds \d+ min of travel and leaves \d+ min free/)).toBeVisible();
  await expectAccessible(office);
  await fitsTheScreen(office);
  await officeContext.close();

  // The customer's page, reloaded, has the new window.
  await page.goto(`/visits/${reference}`);
  const [hour, minute] = moved.split(":").map(Number);
  const shown = `${hour % 12 || 12}:${String(minute).padStart(2, "0")} ${hour < 12 ? "AM" : "PM"} –`;
  await expect(page.getByRole("definition").filter({ hasText: shown })).toBeVisible();
  await expectAccessible(page);
  await fitsTheScreen(page);
});

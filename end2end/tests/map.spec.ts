// Where is the technician? The customer keeps the visit's page open on a phone; the
// technician, on another phone (Chromium's geolocation override), sets off. The customer
// sees "on the way", the technician's marker on the map moving and the expected arrival
// falling, then "arrived" and the map gone, without reloading. Without JavaScript the same
// facts are there in words on reload, and a customer of another account gets nothing.
import { test, expect, signIn, expectAccessible } from "./fixtures";
import type { Page } from "@playwright/test";

test.use({ viewport: { width: 360, height: 740 } });

const EMAIL: Record<string, string> = {
  "Tomás": "tomas@example.com",
  Lena: "lena@example.com",
  Yusuf: "yusuf@example.com",
};

async function minutesToGo(page: Page): Promise<number> {
  const text = (await page.locator(".where-eta").textContent()) ?? "";
  if (text.includes("any moment")) return 0;
  const m = text.match(/in about (\d+) min/);
  return m ? Number(m[1]) : Number.NaN;
}

test("the customer follows the technician on the map until they arrive", async ({ page, browser, consoleProblems }) => {
  test.setTimeout(90_000);
  await signIn(page, "ana@example.com");
  const href = (await page.locator('a[href^="/visits/DS-"]').first().getAttribute("href")) ?? "";
  const reference = href.replace("/visits/", "");
  await page.goto(href);
  const who = ((await page.locator("[data-technician-name]").textContent()) ?? "").trim();
  expect(Object.keys(EMAIL)).toContain(who);
  const navText = (await page.locator("[data-notices]").textContent()) ?? "";
  // (Fluent wraps the number in isolation marks.)
  const unreadBefore = Number(navText.match(/(\d+)/)?.[1] ?? 0);

  // The technician sets off from about 10 km away, sharing where the phone is.
  const phoneContext = await browser.newContext({
    geolocation: { latitude: 52.6, longitude: 13.3 },
    permissions: ["geolocation"],
    viewport: { width: 360, height: 740 },
  });
  const phone = await phoneContext.newPage();
  await signIn(phone, EMAIL[who]);
  await phone.goto(href);
  await phone.getByRole("button", { name: `On my way: ${reference}` }).click();
  await expect(phone.locator("[data-sharing]")).toHaveText("Sharing your position with the customer.");

  // The customer's page, never reloaded: the status, and the navigation's count of new
  // notifications.
  await expect(page.locator("[data-visit-status]")).toHaveText("On the way");
  await expect
    .poll(async () => Number(((await page.locator("[data-notices]").textContent()) ?? "").match(/(\d+)/)?.[1] ?? 0))
    .toBeGreaterThan(unreadBefore);
  const where = page.locator("[data-technician-where]");
  await expect(where).toContainText("km away");
  const pin = page.locator(".map-pin-technician");
  await expect(pin).toBeVisible();
  await expect(page.locator(".map-pin-place")).toBeVisible();
  await expect(page.locator(".live-map")).toContainText("Test tiles");
  const before = await pin.boundingBox();
  const farMinutes = await minutesToGo(page);
  expect(farMinutes).toBeGreaterThan(0);
  await expectAccessible(page);

  // Closer: the marker moves and the expected arrival falls.
  const lat = Number(await where.getAttribute("data-dest-lat"));
  const lng = Number(await where.getAttribute("data-dest-lng"));
  await phoneContext.setGeolocation({ latitude: lat + 0.01, longitude: lng });
  await expect.poll(() => minutesToGo(page), { timeout: 20_000 }).toBeLessThan(farMinutes);
  await expect.poll(async () => JSON.stringify(await pin.boundingBox())).not.toBe(JSON.stringify(before));

  // Without JavaScript, the same facts in words on reload.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const plainPage = await plain.newPage();
  await signIn(plainPage, "ana@example.com");
  await plainPage.goto(href);
  await expect(plainPage.locator("[data-visit-status]")).toHaveText("On the way");
  await expect(plainPage.locator("[data-technician-where]")).toContainText("away.");
  await expect(plainPage.locator(".where-eta")).toContainText("Expected");

  // Another account's customer: nothing of this job.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await signIn(strangerPage, "facilities@example.com");
  const res = await strangerPage.goto(href);
  expect(res?.status()).toBe(404);
  await expect(strangerPage.locator("[data-technician-where]")).toHaveCount(0);
  await stranger.close();

  // At the door: arrived, and the map is gone.
  await phoneContext.setGeolocation({ latitude: lat + 0.0002, longitude: lng });
  await expect(page.locator("[data-visit-status]")).toHaveText("Arrived", { timeout: 20_000 });
  await expect(where).toHaveCount(0);
  await expect(page.locator(".live-map")).toBeHidden();
  await expectAccessible(page);
  // The phone stopped sharing and shows the next step.
  await expect(phone.getByRole("button", { name: `Start the work: ${reference}` })).toBeVisible();
  await phoneContext.close();

  await plainPage.reload();
  await expect(plainPage.locator("[data-visit-status]")).toHaveText("Arrived");
  await expect(plainPage.locator("[data-technician-where]")).toHaveCount(0);
  await plain.close();

  // What happened is in the customer's notifications, new until marked read.
  await page.goto("/");
  await page.getByRole("link", { name: /^Notifications \(\d+ new\)$/ }).click();
  await expect(page.getByRole("link", { name: /^Your technician has arrived for / }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
});

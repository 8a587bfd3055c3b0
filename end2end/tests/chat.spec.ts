// A visit's conversation, live: the customer and the technician in two browsers write to
// each other with a photo and see "seen" change without reloading; with JavaScript off the
// customer sends and reads on reload; someone else's customer gets nothing of it.
import { test, expect, signIn, expectAccessible, TILE } from "./fixtures";
import type { Page } from "@playwright/test";

/** The demo technicians by the first name a visit shows. */
const TECHNICIANS: Record<string, string> = {
  "Tomás": "tomas@example.com",
  Lena: "lena@example.com",
  Yusuf: "yusuf@example.com",
};

/** Ana's first visit: its address and its technician's sign-in. */
async function anasVisit(page: Page): Promise<{ href: string; technician: string }> {
  await signIn(page, "ana@example.com");
  const href = (await page.locator('a[href^="/visits/DS-"]').first().getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/visits\/DS-\d+$/);
  await page.goto(href);
  const name = ((await page.locator("[data-technician-name]").textContent()) ?? "").trim();
  const technician = TECHNICIANS[name];
  expect(technician, `a demo technician: ${name}`).toBeTruthy();
  return { href, technician };
}

/** Waits until the chat island has woken on `page`. */
async function chatReady(page: Page) {
  await expect(page.locator(".chat[data-ready]")).toHaveCount(1);
}

test("customer and technician chat live, with a photo and read state", async ({ page, browser, consoleProblems }) => {
  const { href, technician } = await anasVisit(page);
  await chatReady(page);

  const other = await browser.newContext();
  const tech = await other.newPage();
  await signIn(tech, technician);
  await tech.goto(href);
  await chatReady(tech);

  // Ana writes, with a photo; her form empties once the message is in.
  const text = `Is ten o'clock still fine? ${Date.now()}`;
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByLabel("Photos (optional)").setInputFiles({
    name: "door.png",
    mimeType: "image/png",
    buffer: TILE,
  });
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const mine = page.locator("li.message.mine").filter({ hasText: text });
  await expect(mine).toHaveCount(1);
  await expect(page.getByLabel("Message", { exact: true })).toHaveValue("");

  // Tomás sees it without reloading, photo included, and his screen reader is told.
  const arrived = tech.locator("li.message").filter({ hasText: text });
  await expect(arrived).toHaveCount(1);
  await expect(arrived.getByRole("img", { name: /door\.jpg/ })).toBeVisible();
  await expect(tech.locator("[data-chat-news]")).toContainText(text);
  expect(new URL(tech.url()).pathname).toBe(href);

  // His page read it: Ana's says so, live.
  await expect(page.locator("[data-seen]")).toContainText("Seen by");

  // He answers with Ctrl+Enter; Ana sees it live.
  const answer = `Yes, see you then ${Date.now()}`;
  await tech.getByLabel("Message", { exact: true }).fill(answer);
  await tech.getByLabel("Message", { exact: true }).press("Control+Enter");
  await expect(page.locator("li.message").filter({ hasText: answer })).toHaveCount(1);
  await expect(tech.locator("[data-seen]")).toContainText("Seen by");
  await expectAccessible(page);
  await expectAccessible(tech);
  await other.close();
});

test("without JavaScript the customer sends and reads on reload", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const { href } = await anasVisit(page);
  const text = `Gate code is 4321 ${Date.now()}`;
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.waitForURL(`**${href}#thread`);
  await expect(page.locator("li.message.mine").filter({ hasText: text })).toHaveCount(1);
  await page.reload();
  await expect(page.locator("li.message.mine").filter({ hasText: text })).toHaveCount(1);
  await context.close();
});

test("another account's customer gets nothing of the thread", async ({ page, browser }) => {
  const { href } = await anasVisit(page);
  const text = `For Ana's technician only ${Date.now()}`;
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByLabel("Photos (optional)").setInputFiles({
    name: "private.png",
    mimeType: "image/png",
    buffer: TILE,
  });
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const photo = page.locator("li.message").filter({ hasText: text }).locator("img");
  await expect(photo).toHaveCount(1);
  const src = (await photo.getAttribute("src")) ?? "";
  expect(src).toMatch(/^\/files\/[A-Za-z0-9_-]{24}\/thumb$/);

  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signIn(stranger, "facilities@example.com");
  const res = await stranger.goto(href);
  expect(res?.status()).toBe(404);
  await expect(stranger.getByText(text)).toHaveCount(0);
  expect((await stranger.request.get(src)).status()).toBe(404);
  expect((await stranger.request.get(src.replace(/\/thumb$/, ""))).status()).toBe(404);

  // Their live stream stays silent while Ana writes again.
  await stranger.goto("/");
  const heard = stranger.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const got: string[] = [];
        const source = new EventSource("/events");
        source.addEventListener("visit", (e) => got.push((e as MessageEvent).data));
        setTimeout(() => {
          source.close();
          resolve(got);
        }, 3000);
      }),
  );
  await page.getByLabel("Message", { exact: true }).fill(`${text} again`);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.locator("li.message").filter({ hasText: `${text} again` })).toHaveCount(1);
  expect(await heard).toEqual([]);
  await other.close();
});

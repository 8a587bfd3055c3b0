// Proof of service on a phone: the technician ticks the checklist, adds a photo, the
// customer signs on the screen, and the customer opens the service report.
import { test, expect, signIn, expectAccessible } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

const EMAIL: Record<string, string> = {
  "Tomás": "tomas@example.com",
  Lena: "lena@example.com",
  Yusuf: "yusuf@example.com",
};

// A 1×1 PNG: the photo of the finished work.
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

test("a technician completes a visit with a signature and the customer reads the report", async ({
  page,
  browser,
  consoleProblems,
}) => {
  test.setTimeout(60_000);
  // A visit of the company account (the map test follows Ana's).
  await signIn(page, "facilities@example.com");
  const href = (await page.locator('a[href^="/visits/DS-"]').first().getAttribute("href")) ?? "";
  const reference = href.replace("/visits/", "");
  await page.goto(href);
  const who = ((await page.locator("[data-technician-name]").textContent()) ?? "").trim();
  expect(Object.keys(EMAIL)).toContain(who);

  const phoneContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, EMAIL[who]);
  await phone.goto(href);
  await phone.getByRole("button", { name: `On my way: ${reference}` }).click();
  await phone.getByRole("button", { name: `Arrived: ${reference}` }).click();
  await phone.getByRole("button", { name: `Start the work: ${reference}` }).click();

  // The completion form, with the service's checklist and a signature pad.
  const form = phone.locator("#complete");
  await expect(form.getByRole("heading", { name: "Complete the visit" })).toBeVisible();
  await expectAccessible(phone);
  // The company's first visit depends on the hour the demo week was made; not every service
  // has a checklist (the integration tests check the list itself).
  const items = form.locator('input[name="checklist"]');
  if ((await items.count()) > 0) {
    await expect(items.first()).toBeVisible();
    await items.first().check();
  }
  await form.getByLabel("Notes for the customer").fill("All rooms done; the balcony door sticks.");
  await form.getByLabel("Photos of the work").setInputFiles({
    name: "after.png",
    mimeType: "image/png",
    buffer: PHOTO,
  });
  await form.getByLabel("Name of the person signing").fill("Jonas Weber");
  const pad = form.locator("canvas.signature-pad");
  await expect(pad).toBeVisible();
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error("no signature pad");
  await phone.mouse.move(box.x + 20, box.y + box.height / 2);
  await phone.mouse.down();
  await phone.mouse.move(box.x + box.width / 2, box.y + 15, { steps: 8 });
  await phone.mouse.move(box.x + box.width - 20, box.y + box.height - 15, { steps: 8 });
  await phone.mouse.up();
  await expect(form.locator('input[name="signature"]')).toHaveValue(/^data:image\/png;base64,/);
  await form.getByRole("button", { name: "Complete the visit" }).click();

  await phone.waitForURL(`**/visits/${reference}/report?completed=1`);
  await expect(phone.getByRole("status")).toContainText("The visit is completed");
  await phoneContext.close();

  // The customer opens the report from the visit's page.
  await page.goto(href);
  await expect(page.locator("[data-visit-status]")).toHaveText("Completed");
  await page.getByRole("link", { name: "Service report" }).click();
  await expect(page.getByText("Signed by Jonas Weber.")).toBeVisible();
  await expect(page.getByText("All rooms done; the balcony door sticks.")).toBeVisible();
  const signature = page.getByRole("img", { name: "Signature of Jonas Weber" });
  await expect(signature).toBeVisible();
  await expect
    .poll(() => signature.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(600);
  await expectAccessible(page);
  expect(consoleProblems).toEqual([]);
});

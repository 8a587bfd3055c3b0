// A customer turns on two-step sign-in from their phone: scans (here: reads) the key, types
// the app's code, keeps the recovery codes; signs in with password and code; later, phone
// lost, with a recovery code, which then works no more.
import { createHmac } from "node:crypto";
import { test, expect, expectAccessible, linkMailedTo } from "./fixtures";

/** The code an authenticator app shows for `secret` (base32), `offset` steps from now. */
function totp(secret: string, offset = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/\s/g, "").toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  }
  const bytes = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const step = Math.floor(Date.now() / 1000 / 30) + offset;
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(step));
  const digest = createHmac("sha1", bytes).update(counter).digest();
  const at = digest[19] & 0x0f;
  const value = (digest.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

test.use({ viewport: { width: 360, height: 740 } });

test("two-step sign-in: set up with the app's code, sign in with a code, then with a recovery code once", async ({
  page,
  browser,
  consoleProblems,
}) => {
  void consoleProblems;
  test.setTimeout(60_000);
  const email = `kai.${Date.now() % 1_000_000}@example.com`;
  const password = "amber orchard twelve kites";
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Kai Berger");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Choose a password").fill(password);
  await page.getByLabel("Street and number").fill("Lychener Str. 9");
  await page.getByLabel("Postal code").fill("10437");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("Country").fill("DE");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your mail");
  const link = await linkMailedTo(email);
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await page.getByRole("button", { name: "Confirm and sign in" }).click();

  await page.goto("/account");
  await page.getByRole("link", { name: "Two-step sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-step sign-in");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.locator("#two-step-secret").textContent())!.trim();
  await page.getByLabel("Code", { exact: true }).fill("000000" === totp(secret) ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByText("That is not the code your app shows now")).toBeVisible();
  await page.getByLabel("Code", { exact: true }).fill(totp(secret));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByRole("status")).toContainText("Two-step sign-in is on");
  const codes = await page.locator(".recovery-codes code").allTextContents();
  expect(codes).toHaveLength(10);
  await expectAccessible(page);
  // Shown once only.
  await page.reload();
  await expect(page.locator(".recovery-codes code")).toHaveCount(0);
  await expect(page.getByText("10 recovery codes left.")).toBeVisible();

  // Another phone: password, then the code.
  const other = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await other.newPage();
  await phone.goto("/sign-in");
  await phone.getByLabel(/email/i).fill(email);
  await phone.getByLabel(/^password$/i).fill(password);
  await phone.getByRole("button", { name: /^sign in$/i }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Enter your code");
  await expectAccessible(phone);
  await phone.getByLabel("Code", { exact: true }).fill(totp(secret, 1));
  await phone.getByRole("button", { name: "Sign in" }).click();
  await expect(phone).toHaveURL(/\/$/);
  await expect(phone.getByRole("link", { name: "Kai Berger" })).toBeVisible();
  await other.close();

  // Phone lost: a recovery code instead, once.
  for (const attempt of [0, 1]) {
    const context = await browser.newContext();
    const laptop = await context.newPage();
    await laptop.goto("/sign-in");
    await laptop.getByLabel(/email/i).fill(email);
    await laptop.getByLabel(/^password$/i).fill(password);
    await laptop.getByRole("button", { name: /^sign in$/i }).click();
    await expect(laptop.getByRole("heading", { level: 1 })).toHaveText("Enter your code");
    await laptop.getByLabel("Code", { exact: true }).fill(codes[0]);
    await laptop.getByRole("button", { name: "Sign in" }).click();
    if (attempt === 0) {
      await expect(laptop).toHaveURL(/\/$/);
    } else {
      await expect(laptop.getByText("nor an unused recovery code")).toBeVisible();
    }
    await context.close();
  }
});

// The sign-in island hydrates: show/hide password and an early hint for a malformed email.
import { test, expect } from "./fixtures";

test("the password can be shown and hidden once the island is live", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await page.goto("/sign-in");
  const toggle = page.getByRole("button", { name: "Show password" });
  await expect(toggle).toBeVisible();
  const password = page.locator("#password");
  await password.fill("secret-words");
  await expect(password).toHaveAttribute("type", "password");
  await toggle.click();
  await expect(password).toHaveAttribute("type", "text");
  await page.getByRole("button", { name: "Hide password" }).click();
  await expect(password).toHaveAttribute("type", "password");
});

test("a malformed email is flagged before sending", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await page.goto("/sign-in");
  const email = page.getByLabel(/email/i);
  await email.fill("ana@");
  await email.blur();
  await expect(page.locator("#email-hint")).toHaveText("Enter an email address like name@example.com.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await email.fill("ana@example.com");
  await expect(page.locator("#email-hint")).toHaveText("");
  await expect(email).toHaveAttribute("aria-invalid", "false");
});

test("the island's texts come from the server in the page's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de" } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Passwort anzeigen" })).toBeVisible();
  await context.close();
});

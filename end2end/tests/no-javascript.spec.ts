// With JavaScript off, everything a person needs still works: sign-in, sign-out, language.
import { test, expect } from "@playwright/test";

test.use({ javaScriptEnabled: false });

test("sign in, switch language and sign out without JavaScript", async ({ page }) => {
  await page.goto("/sign-in");
  // The show-password toggle needs the island, so it stays hidden.
  await expect(page.getByRole("button", { name: "Show password" })).toBeHidden();

  await page.getByLabel(/email/i).fill("reception@example.com");
  await page.getByLabel(/^password$/i).fill("wrong password");
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByRole("alert")).toContainText("do not match");
  await expect(page.getByLabel(/email/i)).toHaveValue("reception@example.com");

  await page.getByLabel(/^password$/i).fill("doorstep-demo");
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Rita Reception");

  await page.getByLabel("Language").selectOption("de");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hallo, Rita Reception");

  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByRole("link", { name: "Anmelden" }).first()).toBeVisible();
});

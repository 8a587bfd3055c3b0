// Languages: Accept-Language on a first visit, the switch, and persistence across reloads.
import { test, expect } from "./fixtures";

test("a German browser gets German on the first visit", async ({ browser }) => {
  const context = await browser.newContext({ locale: "de-DE", extraHTTPHeaders: { "Accept-Language": "de-DE,de" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("link", { name: "Anmelden" }).first()).toBeVisible();
  await context.close();
});

test("the language switch persists across reloads", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await page.goto("/sign-in");
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByLabel("Langue")).toHaveValue("fr");
});

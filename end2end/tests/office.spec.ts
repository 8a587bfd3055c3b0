// The office's set-up screens: accessible, and working as plain forms.
import { test, expect, signIn, expectAccessible } from "./fixtures";

test("a dispatcher changes the booking rules and a mistake is explained", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "dispatch@example.com");
  await page.getByRole("link", { name: "Booking rules" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Booking rules");
  await expectAccessible(page);
  await page.getByLabel("Booking horizon (days)").fill("0");
  await page.getByRole("button", { name: "Save the rules" }).click();
  await expect(page.getByText("Enter a number from 1 to 365.")).toBeVisible();
  await expect(page.getByLabel("Booking horizon (days)")).toHaveValue("0");
  await expectAccessible(page);
  await page.getByLabel("Booking horizon (days)").fill("30");
  await page.getByRole("button", { name: "Save the rules" }).click();
  await expect(page.getByRole("status")).toContainText("The booking rules are saved.");
});

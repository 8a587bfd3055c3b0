// An account owner reads what happened in the account and downloads everything held about
// it; an admin narrows the whole trail. Both pages are plain server-rendered forms.
import { test, expect, expectAccessible, signIn } from "./fixtures";

test("an owner downloads the account's data, and the download is in its trail", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "facilities@example.com");
  await page.goto("/account");
  await page.getByRole("link", { name: "Trail and data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trail and data");
  await expect(page.getByRole("table", { name: "The trail, newest first" })).toContainText("Signed in");
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download everything (zip)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^AC-\d{6}-\d{4}-\d{2}-\d{2}\.zip$/);
  await page.reload();
  await expect(page.getByRole("table", { name: "The trail, newest first" }).locator("tbody tr").first()).toContainText(
    "Downloaded the account's data",
  );
});

test("an admin narrows the whole trail and sees the alerts", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "Trail", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trail and alerts");
  await expect(page.getByRole("heading", { name: "Alerts", exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("What (its start, like sign_in)").fill("sign_in");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/action=sign_in/);
  await expect(page.getByLabel("What (its start, like sign_in)")).toHaveValue("sign_in");
  const rows = page.getByRole("table", { name: "The trail, newest first" }).locator("tbody tr");
  await expect(rows.first()).toContainText("Signed in");
  await expectAccessible(page);
});

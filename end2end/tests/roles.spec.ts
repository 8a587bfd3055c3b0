// Every role signs in and lands on its own home with real data.
import { test, expect, signIn, expectAccessible } from "./fixtures";

const homes = [
  { email: "ana@example.com", heading: "Hello, Ana López", sees: "Kastanienallee 12" },
  { email: "facilities@example.com", heading: "Hello, Frieda Facilities", sees: "Shop Kreuzberg" },
  { email: "office@example.com", heading: "Hello, Oskar Office", sees: "Warehouse" },
  { email: "tomas@example.com", heading: "Your profile", sees: "Tomás Rivera" },
  { email: "dispatch@example.com", heading: "Customer accounts", sees: "Kiez Offices GmbH" },
  { email: "admin@example.com", heading: "Customer accounts", sees: "López household" },
];

for (const home of homes) {
  test(`${home.email} lands on their home`, async ({ page, consoleProblems }) => {
    void consoleProblems;
    await signIn(page, home.email);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(home.heading);
    await expect(page.getByText(home.sees).first()).toBeVisible();
    await expectAccessible(page);
  });
}

test("a wrong password is refused with a message and the email kept", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill("ana@example.com");
  await page.getByLabel(/^password$/i).fill("not-the-password");
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match");
  await expect(page.getByLabel(/email/i)).toHaveValue("ana@example.com");
  await expectAccessible(page);
});

test("signing out returns to the public home", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "lena@example.com");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
});

test("public pages are accessible", async ({ page, consoleProblems }) => {
  void consoleProblems;
  for (const path of ["/", "/sign-in", "/offline"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test("an unknown address gets an accessible, translated 404", async ({ page }) => {
  // The browser logs the 404 status itself, so this page is not checked for console errors.
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);
});

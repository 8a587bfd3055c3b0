// A newcomer on a phone starts booking, is taken through sign-up (the password rated as
// they type it), proves their email with the mailed link, places their address on the map
// and books: back where they started, without a phone call.
import { test, expect, expectAccessible, linkMailedTo } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("a newcomer signs up from the booking page, confirms the mail and books", async ({ page, consoleProblems }) => {
  void consoleProblems;
  test.setTimeout(60_000);
  const email = `mia.${Date.now() % 1_000_000}@example.com`;
  await page.goto("/book");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fbook/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your account");
  await expectAccessible(page);
  await page.getByLabel("Your name").fill("Mia Berg");
  await page.getByLabel("Email address").fill(email);
  // The hint rates the password as it is typed, by the server's rules.
  const password = page.getByLabel("Choose a password");
  await password.fill("password1234");
  await expect(page.locator("#password-strength")).toHaveText(/too easy to guess/);
  await password.fill("violet kettle marches north");
  await expect(page.locator("#password-strength")).toHaveText("A strong password.");
  await page.getByRole("button", { name: "Show password" }).click();
  await expect(password).toHaveAttribute("type", "text");
  await page.getByLabel("Street and number").fill("Kastanienallee 12");
  await page.getByLabel("Postal code").fill("10435");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("Country").fill("DE");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your mail");
  await expectAccessible(page);

  // Signing in before confirming says what to do.
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password$/i).fill("violet kettle marches north");
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByRole("alert")).toContainText("Confirm your email address first");
  await expect(page.getByRole("button", { name: "Send the link again" })).toBeVisible();

  // The mailed link: one press confirms, signs in and goes back to booking.
  const link = await linkMailedTo(email);
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your email address");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
  await expect(page).toHaveURL(/\/book/);
  await expect(page.getByText("Step 2 of 4")).toBeVisible();

  // Without a geocoder the new place needs its position: a click on the map gives it.
  await page.getByRole("link", { name: "Add its position" }).first().click();
  const map = page.getByRole("region", { name: "Map of the place" });
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByLabel("Latitude")).not.toHaveValue("");
  await page.getByRole("button", { name: "Save location" }).click();
  await page.getByRole("status").getByRole("link", { name: "Book a visit here" }).click();
  await page.getByRole("link", { name: /Standard clean/ }).click();
  const openDay = page.locator("td.day-open a").first();
  if ((await openDay.count()) === 0) {
    await page.getByRole("link", { name: /The first free time is/ }).click();
  } else {
    await openDay.click();
  }
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your visit is booked." })).toBeVisible();
});

test("a customer who forgot their password resets it by the mailed link", async ({ page, consoleProblems }) => {
  void consoleProblems;
  // Lena's own account: a newcomer, so other tests keep the demo passwords.
  const email = `lena.${Date.now() % 1_000_000}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Lena Hofmann");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Choose a password").fill("copper lantern seven winds");
  await page.getByLabel("Street and number").fill("Oderberger Str. 3");
  await page.getByLabel("Postal code").fill("10435");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("Country").fill("DE");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your mail");

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forgot your password?");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("a link is on its way");
  // The newest mail to Lena is the reset link (after the one proving her email).
  await expect.poll(async () => (await linkMailedTo(email)).includes("/reset-password")).toBe(true);
  const link = await linkMailedTo(email);
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill("Lena Hofmann 2026");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByText("Do not use your name or email address in the password.")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("quiet harbour under snow");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByRole("status")).toContainText("Your new password is saved");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expectAccessible(page);

  // She moves to another address: the password again, then the link mailed there.
  const moved = `lena.moved.${Date.now() % 1_000_000}@example.com`;
  await page.getByLabel("New email").fill(moved);
  await page.locator("#field-email-password").fill("quiet harbour under snow");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("Check the new address");
  const confirm = await linkMailedTo(moved);
  await page.goto(confirm.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your new email");
  await expect(page.getByText(moved)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Use this email" }).click();
  await expect(page.getByRole("status")).toContainText("Your sign-in email is changed");
  await expect(page.locator("#email .hint")).toContainText(moved);
});

test("a customer signs in with a mailed link instead of a password", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill("facilities@example.com");
  // No password typed: the second button asks for a link.
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("a sign-in link is on its way");
  await expectAccessible(page);
  await expect.poll(async () => (await linkMailedTo("facilities@example.com")).includes("/sign-in/link")).toBe(true);
  const link = await linkMailedTo("facilities@example.com");
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in with your link");
  await expectAccessible(page);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("link", { name: "Frieda Facilities" })).toBeVisible();
});

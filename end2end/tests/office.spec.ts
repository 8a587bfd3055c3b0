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

test("an admin adds a service in two languages and sees it listed", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "Services", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Services");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a service" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save the service" }).click();
  // The browser's own check stops an empty required name first; fill it and break another.
  await page.getByRole("group", { name: "English" }).getByLabel("Name").fill("Gutter clearing");
  await page.getByRole("group", { name: "Deutsch" }).getByLabel("Name").fill("Dachrinnenreinigung");
  await page.getByLabel("Category").fill("Outdoor");
  await page.getByLabel("Duration (minutes)").fill("2");
  await page.getByLabel("Fixed price").check();
  await page.getByLabel("Price", { exact: true }).fill("75");
  await page.getByRole("button", { name: "Save the service" }).click();
  await expect(page.getByText("Enter a number from 5 to 720.")).toBeVisible();
  await expect(page.getByLabel("Category")).toHaveValue("Outdoor");
  await expectAccessible(page);
  await page.getByLabel("Duration (minutes)").fill("90");
  await page.getByRole("button", { name: "Save the service" }).click();
  await expect(page.getByRole("status")).toContainText("is saved");
  await expect(page.getByRole("link", { name: "Gutter clearing" })).toBeVisible();
});

test("a customer makes a calendar feed address and turns it off", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "ana@example.com");
  await page.getByRole("link", { name: "See your visits in your own calendar app" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar feed");
  await expectAccessible(page);
  await page.getByRole("button", { name: /Make a (feed|new) address/ }).click();
  const address = page.getByLabel("Your feed address");
  await expect(address).toHaveValue(/\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  await expectAccessible(page);
  const feed = await page.request.get((await address.inputValue()).replace(/^https?:\/\/[^/]+/, ""));
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await page.getByRole("button", { name: "Turn the feed off" }).click();
  await expect(page.getByText("Your feed is turned off")).toBeVisible();
});

test("a dispatcher plans a technician's hours and time off by keyboard", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "dispatch@example.com");
  await page.getByRole("link", { name: "Technicians", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Technicians");
  await expectAccessible(page);
  await page.getByRole("link", { name: /Lena/ }).click();
  await expectAccessible(page);
  const saturday = page.getByLabel("Saturday");
  await expect(saturday).toHaveValue("09:00–13:00");
  await saturday.fill("9-13, 12-14");
  await saturday.press("Enter");
  await expect(page.getByText("These hours overlap")).toBeVisible();
  await expect(page.getByLabel("Saturday")).toHaveValue("9-13, 12-14");
  await expectAccessible(page);
  await page.getByLabel("Saturday").fill("9-13");
  await page.getByLabel("Saturday").press("Enter");
  await expect(page.getByRole("status")).toContainText("Weekly hours saved.");
  await expect(page.getByLabel("Saturday")).toHaveValue("09:00–13:00");

  // Whole days off next year, then taken back.
  const year = new Date().getFullYear() + 1;
  await page.getByLabel("First day").fill(`${year}-08-03`);
  await page.getByLabel("Last day").fill(`${year}-08-14`);
  await page.getByLabel("Reason (optional)").fill("Summer holiday");
  await page.getByRole("button", { name: "Add time off" }).click();
  await expect(page.getByRole("status")).toContainText("Time off added.");
  await expect(page.getByText("Summer holiday")).toBeVisible();
  await expectAccessible(page);
  const remove = page.getByRole("button", { name: /^Remove time off/ });
  await remove.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Time off removed.");
  await expect(page.getByText("No time off planned.")).toBeVisible();
});

// An 8 × 8 PNG, as a portrait would arrive.
const PORTRAIT = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAJklEQVR4nGNgqDghV3HCpuJEVMWJiooT0ypObKk4caniBMPQkgAA9kBqQb/ab3oAAAAASUVORK5CYII=",
  "base64",
);

test("a dispatcher shows customers a technician's trade and photo", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "dispatch@example.com");
  await page.goto("/office/technicians");
  await page.getByRole("link", { name: "Tomás Rivera" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "What customers see" })).toBeVisible();
  await expect(page.getByLabel("Trade")).toHaveValue("Cleaning specialist");
  await expectAccessible(page);
  // Too long a trade: explained, kept as typed.
  const long = "Window and facade cleaning specialist, certified for rope access work";
  await page.getByLabel("Trade").fill(long);
  await page.getByRole("button", { name: "Save what customers see" }).click();
  await expect(page.getByText("Use at most 60 characters.")).toBeVisible();
  await expect(page.getByLabel("Trade")).toHaveValue(long);
  await expectAccessible(page);
  await page.getByLabel("Trade").fill("Window cleaner");
  await page.getByLabel("Photo", { exact: true }).setInputFiles({
    name: "tomas.png",
    mimeType: "image/png",
    buffer: PORTRAIT,
  });
  await page.getByRole("button", { name: "Save what customers see" }).click();
  await expect(page.getByRole("status")).toContainText("What customers see was saved.");
  await expect(page.getByLabel("Trade")).toHaveValue("Window cleaner");
  const photo = page.getByRole("img", { name: "Current photo" });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);
  await expectAccessible(page);
});

test("a dispatcher sets the response times promised to problem reports", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "dispatch@example.com");
  await page.getByRole("link", { name: "Booking rules" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Response times to problem reports" })).toBeVisible();
  // Other tests report urgent problems: only the least urgent priority changes here.
  await page.getByLabel("Not urgent, in hours").fill("24");
  await page.getByRole("button", { name: "Save response times" }).click();
  // Normal (48 hours) would now be slower than not urgent.
  await expect(
    page.getByText("A more urgent priority cannot take longer than a less urgent one."),
  ).toBeVisible();
  await expect(page.getByLabel("Not urgent, in hours")).toHaveValue("24");
  await expectAccessible(page);
  await page.getByLabel("Not urgent, in hours").fill("96");
  await page.getByRole("button", { name: "Save response times" }).click();
  await expect(page.getByRole("status")).toContainText("Response times saved.");
  await expect(page.getByText("Customers are told: within 4 days.")).toBeVisible();
});

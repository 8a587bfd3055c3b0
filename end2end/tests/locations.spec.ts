// A customer's places: add one, learn why it cannot be booked without a position, give it
// one, and book there. The test server has no geocoder, as a fresh install has none.
import { test, expect, signIn, expectAccessible } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 } });

test("a customer adds a place, enters its position and can book there", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "facilities@example.com");
  await page.getByRole("link", { name: "Add or change locations" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Locations");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Add a location" }).click();
  await expect(page.getByLabel("Country")).toHaveValue("DE");
  const label = `Studio ${Date.now() % 100000}`;
  await page.getByLabel("Name").fill(label);
  await page.getByLabel("Street and number").fill("Kastanienallee 12");
  await page.getByLabel("Postal code").fill("10435");
  await page.getByLabel("City").fill("Berlin");
  await page.getByLabel("How to get in").fill("Ring twice");
  // A half-typed position is refused beside its field, and nothing typed is lost.
  await page.getByLabel("Latitude").fill("52,5386");
  await page.getByRole("button", { name: "Save location" }).click();
  await expect(page.locator("#field-longitude-error")).toHaveText("This field is required.");
  await expect(page.getByLabel("How to get in")).toHaveValue("Ring twice");
  await expectAccessible(page);
  // Without a position it is saved, and the page says what it still needs.
  await page.getByLabel("Latitude").fill("");
  await page.getByRole("button", { name: "Save location" }).click();
  await expect(page.getByRole("status")).toContainText("Enter its latitude and longitude");
  await expectAccessible(page);
  await page.goto("/book");
  await expect(page.getByText(label)).toBeVisible();
  await expect(page.getByRole("link", { name: "Add its position" }).first()).toBeVisible();
  // Entering it makes the place bookable.
  await page.goto("/locations");
  await page.getByRole("link", { name: label }).click();
  await page.getByLabel("Latitude").fill("52.5386");
  await page.getByLabel("Longitude").fill("13.4101");
  await page.getByRole("button", { name: "Save location" }).click();
  await expect(page.getByRole("status")).toContainText("Location saved.");
  await page.getByRole("status").getByRole("link", { name: "Book a visit here" }).click();
  await expect(page.getByRole("heading", { name: /What do you need/ })).toBeVisible();
});

test("a customer asks for a quote and the office marks it handled", async ({ page, browser, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "facilities@example.com");
  await page.goto("/book");
  await page.getByRole("link", { name: /Head office/ }).click();
  await page.getByRole("link", { name: "Ask for a quote" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quote request");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Send request" }).click();
  // The browser's own check asks for the description first; a bad number is ours to name.
  await page.getByLabel("What needs doing?").fill("Dark patches behind the archive shelves.");
  await page.getByLabel("Phone number").fill("ring me");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.locator("#field-phone-error")).toContainText("Enter a phone number");
  await expect(page.getByLabel("What needs doing?")).toHaveValue("Dark patches behind the archive shelves.");
  await page.getByLabel("Phone number").fill("030 1234567");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("status")).toContainText("We got your request RQ-");
  await expectAccessible(page);
  const reference = (await page.getByRole("heading", { level: 1 }).textContent())?.replace("Request ", "") ?? "";

  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signIn(office, "dispatch@example.com");
  await office.getByRole("link", { name: "Requests", exact: true }).click();
  await expect(office.getByText("Dark patches behind the archive shelves.")).toBeVisible();
  await expectAccessible(office);
  await office.getByRole("button", { name: `Mark ${reference} handled` }).click();
  await expect(office.getByRole("status")).toContainText(`${reference} is marked as handled.`);
  await page.reload();
  await expect(page.getByText("Answered")).toBeVisible();
  await officeContext.close();
});

test("a customer places a location on the map: a click, a drag, or typed degrees", async ({ page, consoleProblems }) => {
  void consoleProblems;
  await signIn(page, "facilities@example.com");
  await page.goto("/locations/new");
  const map = page.getByRole("region", { name: "Map of the place" });
  await expect(map).toBeVisible();
  await expect(page.getByText("Or click the map where the place is")).toBeVisible();
  const pin = page.locator(".map-pin-place");
  await expect(pin).toHaveCount(0);
  await expectAccessible(page);
  const latitude = page.getByLabel("Latitude");
  const longitude = page.getByLabel("Longitude");
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  // A click places the pin and fills both fields; the map starts on the company's other
  // places, in Berlin.
  await page.mouse.click(cx, cy);
  await expect(pin).toHaveCount(1);
  await expect(latitude).not.toHaveValue("");
  const lat = Number(await latitude.inputValue());
  const lng = Number(await longitude.inputValue());
  expect(lat).toBeGreaterThan(52.3);
  expect(lat).toBeLessThan(52.7);
  expect(lng).toBeGreaterThan(13.1);
  expect(lng).toBeLessThan(13.7);
  // Dragging the pin east moves the longitude east, the latitude stays.
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 20, cy, { steps: 4 });
  await page.mouse.move(cx + 60, cy, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Number(await longitude.inputValue())).toBeGreaterThan(lng);
  expect(Number(await latitude.inputValue())).toBeCloseTo(lat, 3);
  // Typed degrees move the pin there, and the map follows it to the middle.
  await latitude.fill((lat + 0.0005).toFixed(6));
  await latitude.press("Tab");
  await expect
    .poll(async () => {
      const [p, m] = [(await pin.boundingBox())!, (await map.boundingBox())!];
      const off = (a: number, size: number, b: number, full: number) =>
        Math.abs(a + size / 2 - (b + full / 2));
      return off(p.x, p.width, m.x, m.width) + off(p.y, p.height, m.y, m.height);
    })
    .toBeLessThan(4);
  // The form saves what the map filled in: the place is bookable.
  const label = `Depot ${Date.now() % 100000}`;
  await page.getByLabel("Name").fill(label);
  await page.getByLabel("Street and number").fill("Kastanienallee 40");
  await page.getByLabel("Postal code").fill("10435");
  await page.getByLabel("City").fill("Berlin");
  await page.getByRole("button", { name: "Save location" }).click();
  await expect(page.getByRole("status")).toContainText("Location saved.");
  await expect(page.getByRole("status").getByRole("link", { name: "Book a visit here" })).toBeVisible();
});

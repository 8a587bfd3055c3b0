// Hashed assets are cached for a year and served precompressed; pages are private.
import { test, expect } from "@playwright/test";

test("hashed assets are immutable and compressed, pages are never shared-cached", async ({ page, request }) => {
  const response = await page.goto("/");
  expect(response?.headers()["cache-control"]).toBe("private, no-cache");
  const wasm = await page.locator('link[rel="preload"][href$=".wasm"]').getAttribute("href");
  const js = await page.locator('link[rel="modulepreload"]').getAttribute("href");
  const css = await page.locator('link[rel="stylesheet"]').getAttribute("href");
  for (const href of [wasm, js, css]) {
    expect(href).toMatch(/^\/pkg\/doorstep\.[A-Za-z0-9_-]{8,}\.(wasm|js|css)$/);
    const res = await request.get(href!, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers()["content-encoding"]).toBe("br");
  }
});

test("the portal is installable: manifest and service worker", async ({ page, request }) => {
  await page.goto("/");
  const manifest = await request.get("/manifest.webmanifest");
  expect((await manifest.json()).name).toBe("Brightside Home Services");
  // The service worker registers and takes control once the page has loaded.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/\/$/);
});

// Shared helpers: sign-in, and a page fixture that fails a test on any console error or
// hydration warning.
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const PASSWORD = "doorstep-demo";

// A 1×1 PNG: every map tile. The test server's tile server (`tiles.localhost`) is answered
// here, so no test reaches outside.
export const TILE = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** Answers the test tile server's requests for every page of `context`. */
export async function serveTiles(context: BrowserContext) {
  await context.route("http://tiles.localhost/**", (route) =>
    route.fulfill({ contentType: "image/png", body: TILE }),
  );
}

export const test = base.extend<{ consoleProblems: string[] }>({
  page: async ({ page }, use) => {
    await serveTiles(page.context());
    await use(page);
  },
  consoleProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("console", (msg) => {
      const text = msg.text();
      if (msg.type() === "error" || msg.type() === "warning" || /hydrat/i.test(text)) {
        problems.push(`${msg.type()}: ${text}`);
      }
    });
    page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
    await use(problems);
    expect(problems, "console errors or hydration warnings").toEqual([]);
  },
});

export { expect };

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await page.waitForURL("/");
}

/** Runs axe-core on the current page; no serious or critical violation may remain. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

/** Quoted-printable as mail bodies carry it: soft line breaks joined, `=XX` decoded. */
function unquote(text: string): string {
  const joined = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/**
 * The first portal link (`…?token=…`) in the newest mail to `to`, as the server wrote it
 * (the test server has no SMTP host: mail lands as .eml files in its data folder); waits
 * for the background worker to send it.
 */
export async function linkMailedTo(to: string): Promise<string> {
  const dir = join(process.env.E2E_DATA_DIR ?? "", "mail");
  let link = "";
  await expect
    .poll(
      () => {
        let names: string[] = [];
        try {
          names = readdirSync(dir).filter((n) => n.endsWith(".eml")).sort().reverse();
        } catch {
          return "";
        }
        for (const name of names) {
          const text = unquote(readFileSync(join(dir, name), "utf8"));
          if (!text.includes(`To: ${to}`) && !text.includes(`<${to}>`)) continue;
          link = text.match(/https?:\/\/[^\s"<>]+token=[A-Za-z0-9_-]{43}/)?.[0] ?? "";
          return link;
        }
        return "";
      },
      { timeout: 15_000 },
    )
    .not.toBe("");
  return link;
}

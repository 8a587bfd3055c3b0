// Browser tests run in Debian's Chromium against the release server, started here on a
// private port with a fresh SQLite database holding the demo business.
import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const port = Number(process.env.E2E_PORT ?? 3390);
const server = process.env.DOORSTEP_BIN ?? "../target/release/doorstep";
// Made once by the runner; its workers read mail the server writes there (no SMTP host is
// set, so each message is an .eml file under mail/).
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "doorstep-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    // localhost, not 127.0.0.1: browsers refuse passkeys on an IP address.
    baseURL: `http://localhost:${port}`,
    locale: "en-GB",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `${server} serve --demo`,
    cwd: "..",
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DOORSTEP_ADDRESS: `127.0.0.1:${port}`,
      DOORSTEP_PUBLIC_URL: `http://localhost:${port}`,
      DOORSTEP_DATA_DIR: dataDir,
      DOORSTEP_DATABASE_URL: "",
      DOORSTEP_LOG_LEVEL: "warn",
      // Tiles from a host the tests answer themselves (page.route): no outside traffic.
      DOORSTEP_MAP_TILES_URL: "http://tiles.localhost/{z}/{x}/{y}.png",
      DOORSTEP_MAP_TILES_ATTRIBUTION: "Test tiles",
    },
  },
});

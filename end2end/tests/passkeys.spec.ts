// A customer adds a passkey (Chromium's virtual authenticator stands for the phone's lock),
// signs out, and signs back in with it alone: no email, no password. A passkey made for
// another site is never offered here, and the page says nothing happened.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { CDPSession, Page } from "@playwright/test";
import { test, expect, expectAccessible, signIn } from "./fixtures";

/** A platform authenticator with user verification, as a phone's fingerprint or PIN. */
async function authenticator(page: Page): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      ctap2Version: "ctap2_1",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, id: authenticatorId };
}

test("passkeys: add one, sign out, sign in with it alone", async ({ page, consoleProblems }) => {
  void consoleProblems;
  const { cdp, id } = await authenticator(page);
  await signIn(page, "office@example.com");
  await page.goto("/account");
  await page.getByRole("link", { name: "Passkeys" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Passkeys");
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: true }).fill("Front desk phone");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("The passkey was added.")).toBeVisible();
  await expect(page.getByText("Front desk phone")).toBeVisible();
  await expectAccessible(page);
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId: id });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);
  expect(credentials[0].rpId).toBe("localhost");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await page.waitForURL("/");
  await page.goto("/account/passkeys");
  await expect(page.getByText(/last used/)).toBeVisible();
});

test("a passkey made for another site is never offered", async ({ page, consoleProblems }) => {
  void consoleProblems;
  const { cdp, id } = await authenticator(page);
  const key = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId: id,
    credential: {
      credentialId: randomBytes(16).toString("base64"),
      isResidentCredential: true,
      rpId: "other.example",
      privateKey: key.export({ type: "pkcs8", format: "der" }).toString("base64"),
      userHandle: randomBytes(16).toString("base64"),
      signCount: 0,
    },
  });
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByText(/^Nothing happened/)).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/sign-in/);
});

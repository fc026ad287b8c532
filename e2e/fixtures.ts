// Shared sign-in helper and the demo users (contract section 1).
import { expect, type Page } from "@playwright/test";

export { test, expect } from "@playwright/test";

export const USERS = {
  demo: { email: "demo@clinic.test", password: "demo-clinician", clinic: "Stride Demo Clinic" },
  north: { email: "north@clinic.test", password: "demo-north-pass", clinic: "Northside Physio" },
} as const;

export type DemoUser = (typeof USERS)[keyof typeof USERS];

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

/** Fills in the sign-in form (going to /login first unless already there) and submits it. */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/login")) await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in and waits for the patient list. With `landing`, signs in from where the test stands
 * (e.g. a /login?callbackUrl=… it was sent to, or a plain /login, which lands on the caseload)
 * and waits for that page instead.
 */
export async function signIn(page: Page, user: DemoUser, landing?: RegExp): Promise<void> {
  if (!landing) await page.goto("/login?callbackUrl=%2Fpatients");
  await fillSignIn(page, user.email, user.password);
  await expect(page).toHaveURL(landing ?? /\/patients(\?|$)/);
  await expect(page.getByRole("banner")).toContainText(user.clinic);
}

// Your own password: a wrong current password is named and changes nothing; a right one changes
// it, and the next sign-in needs the new password. A fresh user (made through the CLI) so the demo
// users keep theirs.
import { spawnSync } from "node:child_process";
import { expect, fillSignIn, test, USERS } from "./fixtures";
import { watchConsole } from "./console-watch";

test("a clinician changes their own password on the profile page", async ({ page }) => {
  test.skip(!!process.env.E2E_BASE_URL, "creates a user in the server's own embedded database through the CLI");
  const email = `password-${Date.now()}@clinic.test`;
  const created = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", "user", "create", "--clinic", USERS.demo.clinic, "--email", email, "--role", "clinician", "--name", "Pat Change", "--password-stdin"], {
    env: { ...process.env, PGLITE_DIR: process.env.STRIDE_E2E_PGLITE_DIR },
    input: "first password here",
    encoding: "utf8",
  });
  expect(created.status, created.stderr).toBe(0);
  const problems = watchConsole(page);

  await fillSignIn(page, email, "first password here");
  await expect(page.getByRole("banner")).toContainText(USERS.demo.clinic);
  await page.goto("/profile");
  const form = page.getByTestId("password-form");
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("a brand new phrase");
  await form.getByLabel("New password again").fill("a brand new phrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("currentPassword: the current password is not correct");
  // What was typed stays after a refusal.
  await expect(form.getByLabel("New password", { exact: true })).toHaveValue("a brand new phrase");

  await form.getByLabel("Current password").fill("first password here");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed, and your other sessions signed out. Use the new password next time you sign in.");
  await expect(form.getByLabel("Current password")).toHaveValue("");

  expect(problems).toEqual([]);

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await fillSignIn(page, email, "first password here");
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await fillSignIn(page, email, "a brand new phrase");
  await expect(page.getByRole("banner")).toContainText("Pat Change");
  // The one refused sign-in (old password) is the browser's only complaint.
  expect(problems).toEqual([expect.stringMatching(/status of 401 .*\/api\/auth\/callback\/credentials/)]);
});

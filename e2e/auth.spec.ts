import { expect, fillSignIn, signIn, test, USERS, WRONG_CREDENTIALS } from "./fixtures";

test.describe("signing in and out", () => {
  test("the demo clinician signs in, sees the patient list and the shell, and signs out", async ({ page, request }, testInfo) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("login.png"), fullPage: true });

    // A plain sign-in lands on the caseload dashboard, the home page.
    await signIn(page, USERS.demo, /\/$/);
    await expect(page.getByRole("heading", { name: "Caseload", level: 1 })).toBeVisible();
    const banner = page.getByRole("banner");
    await banner.getByRole("link", { name: "Patients" }).click();
    await expect(page).toHaveURL(/\/patients$/);

    await expect(banner.getByTestId("signed-in-user")).toContainText("Stride Demo Clinic");
    await expect(banner.getByTestId("signed-in-user")).toContainText("Clinician");
    await expect(banner.getByRole("link", { name: "Patients" })).toHaveAttribute("aria-current", "page");

    await expect(page.getByRole("heading", { name: "Patients", level: 1 })).toBeVisible();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.nth(12)).toBeVisible(); // header row + at least 12 patients
    expect(await rows.count()).toBeGreaterThanOrEqual(13);
    await expect(page.getByRole("columnheader", { name: "Status" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("patients.png"), fullPage: true });

    // A copy of the session cookie, as someone could have taken it before the sign-out.
    const copied = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await request.get("/api/v1/patients", { headers: { Cookie: copied } })).status()).toBe(200);

    await banner.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // The session is really gone: the list sends us back to sign in.
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpatients/);

    // And the copied cookie is worthless everywhere: API, pages and the session endpoint.
    expect((await request.get("/api/v1/patients", { headers: { Cookie: copied } })).status()).toBe(401);
    const pageWithCopy = await request.get("/patients", { headers: { Cookie: copied }, maxRedirects: 0 });
    expect(pageWithCopy.status()).toBe(307);
    expect(pageWithCopy.headers().location).toMatch(/\/login/);
    expect(await (await request.get("/api/auth/session", { headers: { Cookie: copied } })).json()).toEqual({});
  });

  test("a wrong password is refused with one plain message and stays on the sign-in page", async ({ page }) => {
    await page.goto("/login");
    await fillSignIn(page, USERS.demo.email, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: WRONG_CREDENTIALS })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("Password")).toBeFocused();

    // An unknown email gets exactly the same answer (wait for the server's answer, not the old alert).
    const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
    await fillSignIn(page, "nobody@clinic.test", "whatever-password");
    expect((await answered).status()).toBe(401);
    await expect(page.getByRole("alert").filter({ hasText: WRONG_CREDENTIALS })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("a signed-out visit to a page comes back to it after signing in", async ({ page }) => {
    await page.goto("/patients?q=a");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fpatients%3Fq%3Da/);
    await signIn(page, USERS.demo, /\/patients\?q=a$/);
    await expect(page.getByLabel("Search patients")).toHaveValue("a");
  });
});

test.describe("API authentication", () => {
  test("health needs no sign-in; patients answer 401 JSON without a session or token", async ({ request }) => {
    const health = await request.get("/api/v1/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: expect.stringMatching(/^(pglite|postgresql)$/) });

    const anonymous = await request.get("/api/v1/patients");
    expect(anonymous.status()).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "unauthenticated", message: expect.any(String), issues: [] });

    const badToken = await request.get("/api/v1/patients", { headers: { Authorization: "Bearer stride_not-a-real-token" } });
    expect(badToken.status()).toBe(401);
    expect((await badToken.json()).error).toBe("unauthenticated");
  });
});

// Security headers, cookie flags, cross-site refusal, admin pages by role, and the sign-in rate
// limit's message, against the production server (npm start).
import type { ConsoleMessage, Page } from "@playwright/test";
import { expect, fillSignIn, signIn, test, USERS } from "./fixtures";

const ADMIN = { email: "admin@clinic.test", password: "demo-admin-pass", clinic: "Stride Demo Clinic" } as const;

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((part) => part.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name!, values]));
}

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test.describe("security headers", () => {
  test("pages carry a strict CSP with a fresh nonce that Next puts on its scripts; nosniff, referrer policy, no framing", async ({ page }) => {
    const violations = cspViolations(page);
    const response = (await page.goto("/login"))!;
    const headers = response.headers();
    const csp = directives(headers["content-security-policy"]!);
    const scriptSrc = csp.get("script-src")!;
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["strict-transport-security"]).toBeUndefined(); // plain HTTP here

    // Every script Next rendered carries this request's nonce; the next request gets another.
    const scriptNonces = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    const again = directives((await page.request.get("/login")).headers()["content-security-policy"]!);
    expect(again.get("script-src")).not.toContain(`'nonce-${nonce}'`);

    // The app works under the policy: sign in, list, a patient (charts use inline styles).
    await signIn(page, USERS.demo);
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Who accessed this record" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("HSTS only when the request came over HTTPS (X-Forwarded-Proto)", async ({ request }) => {
    const https = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    expect((await request.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
  });

  test("API answers carry a deny-all CSP", async ({ request }) => {
    const csp = directives((await request.get("/api/v1/health")).headers()["content-security-policy"]!);
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

test.describe("cookies and cross-site requests", () => {
  test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
    await signIn(page, USERS.demo);
    const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  });

  test("a cookie-authenticated API write from another site is refused; the same write from Stride is not", async ({ page }) => {
    await signIn(page, USERS.demo);
    const body = { givenName: "Csrf", familyName: "Probe", birthDate: "1970-01-01", sex: "female", heightCm: 170, diagnosisSide: "left" };
    const crossSite = await page.request.post("/api/v1/patients", {
      data: body,
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: "forbidden" });
    const noOrigin = await page.request.post("/api/v1/patients", { data: body });
    expect(noOrigin.status()).toBe(403);
    // From the app itself (the browser adds Origin and Sec-Fetch-Site: same-origin).
    const status = await page.evaluate(async (json) => {
      const response = await fetch("/api/v1/patients", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(json) });
      return response.status;
    }, { ...body, familyName: "SameSite" });
    expect(status).toBe(201);
  });

  test("the credentials callback without next-auth's CSRF token does not sign in", async ({ playwright, baseURL }) => {
    const outsider = await playwright.request.newContext({ baseURL });
    const response = await outsider.post("/api/auth/callback/credentials", {
      form: { email: USERS.demo.email, password: USERS.demo.password },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    const cookies = await outsider.storageState();
    expect(cookies.cookies.some((c) => c.name.endsWith("session-token"))).toBe(false);
    await outsider.dispose();
  });

  test("a server action replayed from another origin is refused; from Stride it works", async ({ page }) => {
    await signIn(page, USERS.demo);
    await page.goto("/profile");
    const captured = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByLabel("Token name").fill("csrf probe one");
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByTestId("new-token")).toBeVisible();
    const action = await captured;
    const headers = { ...action.headers() };
    const tokenRows = async () => (await page.request.get("/profile")).text().then((html) => (html.match(/csrf probe/g) ?? []).length);
    const before = await tokenRows();

    const replay = (origin: string) =>
      page.request.fetch(action.url(), { method: "POST", headers: { ...headers, origin }, data: action.postDataBuffer() ?? undefined });
    const crossSite = await replay("https://evil.example");
    expect(crossSite.ok()).toBe(false);
    expect(await tokenRows()).toBe(before);
    const sameSite = await replay(new URL(page.url()).origin);
    expect(sameSite.ok()).toBe(true);
    expect(await tokenRows()).toBeGreaterThan(before);
  });
});

test.describe("admin pages", () => {
  test("an admin manages users and reads the audit trail; a clinician sees neither", async ({ page, browser }) => {
    await fillSignIn(page, ADMIN.email, ADMIN.password);
    await expect(page.getByRole("banner")).toContainText("Administrator");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    const form = page.getByTestId("create-user-form");
    const email = `e2e-${Date.now()}@clinic.test`;
    await form.getByLabel("Name").fill("E2E Clinician");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Temporary password").fill("password1234"); // too common
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toContainText("too common");
    await expect(form.getByLabel("Email")).toHaveValue(email); // a refusal keeps what was typed
    await form.getByLabel("Temporary password").fill("a long temporary phrase");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toContainText(`Created ${email}`);
    await page.reload();
    await expect(page.getByTestId("users-table")).toContainText(email);

    await nav.getByRole("link", { name: "Audit" }).click();
    await page.getByLabel("Action (or its start, e.g. “patient.”)").fill("user.create");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("audit-table")).toContainText("user.create");
    // In words, and the record by name: no id prefix in the table.
    await expect(page.getByTestId("audit-table")).toContainText("User created");
    await expect(page.getByTestId("audit-table")).not.toContainText(/\b[0-9a-f]{8}\b/);
    const csv = await page.request.get("/api/v1/audit.csv?action=user.create");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^at,userEmail,userName,action/);

    const clinician = await browser.newPage();
    await signIn(clinician, USERS.demo);
    const clinicianNav = clinician.getByRole("navigation", { name: "Main" });
    await expect(clinicianNav.getByRole("link", { name: "Profile" })).toBeVisible();
    await expect(clinicianNav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(clinicianNav.getByRole("link", { name: "Audit" })).toHaveCount(0);
    for (const path of ["/admin/users", "/admin/audit"]) {
      await clinician.goto(path);
      await expect(clinician.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    expect((await clinician.request.get("/api/v1/audit.csv")).status()).toBe(403);
    await clinician.close();
  });
});

test.describe("smaller leaks", () => {
  test("a clinician's 404 on an admin page is the answer for a path that does not exist", async ({ page }) => {
    await signIn(page, USERS.demo);
    const seen = async (path: string) => {
      const response = await page.goto(path);
      return { status: response!.status(), title: await page.title(), text: await page.locator("body").innerText(), html: await response!.text() };
    };
    const missing = await seen("/no-such-page-here");
    for (const path of ["/admin/audit", "/admin/users"]) {
      const admin = await seen(path);
      expect(admin.status).toBe(404);
      expect(admin.title).toBe(missing.title);
      expect(admin.text).toBe(missing.text);
      expect(admin.html).not.toMatch(/Audit trail|Users · Stride/);
    }
  });

  test("?error= on the patient and referral pages is a code shown as a fixed message, never the URL's text", async ({ page }) => {
    await signIn(page, USERS.demo);
    const [first] = (await (await page.request.get("/api/v1/patients")).json()) as { id: string }[];
    const crafted = encodeURIComponent("Your session expired: call 0800 555 0100 to verify your account");
    for (const path of [`/patients/${first!.id}`, `/patients/${first!.id}/referrals/new`]) {
      await page.goto(`${path}?error=${crafted}`);
      const alert = page.getByRole("alert").filter({ hasText: "did not work" });
      await expect(alert).toHaveText("That did not work. Reload the page and try again.");
      await expect(page.locator("body")).not.toContainText("0800 555");
      await page.goto(`${path}?error=archived`);
      await expect(page.getByRole("alert").filter({ hasText: "archived" })).toHaveText(
        "This patient is archived. Restore the patient before recording or changing visits.",
      );
    }
  });
});

test.describe("sign-in rate limit", () => {
  test("after 10 failures the form says how long to wait", async ({ page }) => {
    test.setTimeout(120_000);
    // A made-up address for this test, so the shared 127.0.0.1 is not blocked for the other specs.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99" });
    await page.goto("/login");
    for (let i = 0; i < 10; i++) {
      const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
      await fillSignIn(page, "nobody-limited@clinic.test", `wrong password ${i}`);
      expect((await answered).status()).toBe(401);
      // The form clears the password once it has read the answer: typing before that is lost.
      await expect(page.locator("#login-error")).toBeVisible();
      await expect(page.getByLabel("Password")).toHaveValue("");
      await expect(page.getByLabel("Password")).toBeFocused();
    }
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
    await fillSignIn(page, "nobody-limited@clinic.test", "wrong password again");
    expect((await answered).status()).toBe(429);
    await expect(page.locator("#login-error")).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
  });
});

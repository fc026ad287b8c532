// Shared sign-in helper, the demo users (contract section 1), and the accessibility check every
// spec gets: axe-core (WCAG 2.0/2.1 A and AA) on the page as each test leaves it, and once per run
// on every other page a test visited (by route: /patients/<id> counts once).
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

export const USERS = {
  demo: { email: "demo@clinic.test", password: "demo-clinician", clinic: "Stride Demo Clinic" },
  north: { email: "north@clinic.test", password: "demo-north-pass", clinic: "Northside Physio" },
} as const;

export type DemoUser = (typeof USERS)[keyof typeof USERS];

export const WRONG_CREDENTIALS = "Email or password is incorrect.";

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Zero WCAG 2.1 AA violations on the page as it is now; the failure lists each rule and node. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n    ")}`);
  expect(found, `axe-core WCAG 2.1 AA violations on ${where}`).toEqual([]);
}

/** "/patients/3f…/trends?x=1" → "/patients/:id/trends": one scan per route per run. */
function routeOf(url: URL): string {
  return url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id");
}

const scannedRoutes = new Set<string>();

export const test = base.extend<{ axeEveryPage: void }>({
  axeEveryPage: [
    async ({ page, baseURL }, use, testInfo) => {
      const visited = new Map<string, string>();
      page.on("framenavigated", (frame) => {
        if (frame !== page.mainFrame()) return;
        const url = new URL(frame.url());
        if (!baseURL || url.origin !== new URL(baseURL).origin || url.pathname.startsWith("/api/")) return;
        const route = routeOf(url);
        if (!visited.has(route)) visited.set(route, url.href);
      });
      await use();
      // A failed test has already said what is wrong; the accessibility check runs on passing ones.
      if (testInfo.status !== testInfo.expectedStatus || page.isClosed() || !baseURL) return;
      const here = new URL(page.url());
      if (here.origin === new URL(baseURL).origin && !here.pathname.startsWith("/api/")) {
        await page.waitForLoadState("domcontentloaded");
        await expectNoAxeViolations(page, `${here.pathname} as "${testInfo.title}" left it`);
        scannedRoutes.add(routeOf(here));
      }
      for (const [route, href] of visited) {
        if (scannedRoutes.has(route)) continue;
        scannedRoutes.add(route);
        const response = await page.goto(href);
        if (!response || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
        await expectNoAxeViolations(page, `${route} (visited by "${testInfo.title}")`);
      }
    },
    { auto: true },
  ],
});

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

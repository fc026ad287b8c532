import { readFile } from "node:fs/promises";
import { expect, signIn, test, USERS } from "./fixtures";

test.describe("patients", () => {
  test("search narrows the list and a patient opens", async ({ page }, testInfo) => {
    await signIn(page, USERS.demo);
    const firstLink = page.getByRole("table").getByRole("row").nth(1).getByRole("link");
    const name = (await firstLink.textContent())!.trim(); // "Family, Given"
    const family = name.split(",")[0]!.trim();

    await page.getByLabel("Search patients").fill(family.toUpperCase());
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(family.toUpperCase())}`));
    await expect(page.getByRole("link", { name })).toBeVisible();

    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(family);
    await expect(page.getByText("Birth date")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("patient-detail.png"), fullPage: true });

    await page.goto("/patients?q=zzzz-no-such-patient");
    await expect(page.getByRole("heading", { name: /No patients match/ })).toBeVisible();
  });

  test("another clinic's patient is simply not found", async ({ browser, page }, testInfo) => {
    // Find a demo-clinic patient id with the demo clinician's session.
    const demoContext = await browser.newContext();
    const demoPage = await demoContext.newPage();
    await signIn(demoPage, USERS.demo);
    const response = await demoPage.request.get("/api/v1/patients");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { id: string }[];
    expect(body.length).toBeGreaterThanOrEqual(12);
    const demoPatientId = body[0]!.id;
    await demoContext.close();

    await signIn(page, USERS.north);
    await page.goto(`/patients/${demoPatientId}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(USERS.north.clinic);
    await page.screenshot({ path: testInfo.outputPath("other-clinic-not-found.png"), fullPage: true });

    // The API answers the same 404 as for an id that does not exist at all.
    const other = await page.request.get(`/api/v1/patients/${demoPatientId}`);
    const missing = await page.request.get("/api/v1/patients/00000000-0000-4000-8000-000000000000");
    expect(other.status()).toBe(404);
    expect(missing.status()).toBe(404);
    expect(await other.json()).toEqual(await missing.json());

    // And the list shows only Northside's own patients.
    const list = (await (await page.request.get("/api/v1/patients")).json()) as { id: string }[];
    expect(list.map((p) => p.id)).not.toContain(demoPatientId);
  });

  test("the patient page downloads the values as CSV and the record as FHIR", async ({ page }) => {
    await signIn(page, USERS.demo);
    await page.getByRole("table").getByRole("row").nth(1).getByRole("link").click();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
    const exports = page.getByRole("navigation", { name: "Referrals and exports" });

    const [csv] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name: "Download values (CSV)" }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^assessments-[0-9a-f-]{36}\.csv$/);
    const csvText = await readFile((await csv.path())!, "utf8");
    expect(csvText.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("takenAt,code,side,value,unit,method,rater");

    const [fhir] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name: "Download record (FHIR)" }).click()]);
    expect(fhir.suggestedFilename()).toMatch(/-fhir\.json$/);
    const bundle = JSON.parse(await readFile((await fhir.path())!, "utf8")) as { resourceType: string; type: string };
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  });
});

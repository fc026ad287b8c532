// Issue 4 in the browser: a new patient, a full assessment typed with the keyboard only, the flag
// it raises, an out-of-range value that saves nothing, a draft that survives a reload, a
// correction with its mark, a deletion, and a treatment event in the history.
import { expect, fillSignIn, signIn, test, USERS } from "./fixtures";
import type { Page } from "@playwright/test";

const ADMIN = { email: "admin@clinic.test", password: "demo-admin-pass", clinic: "Stride Demo Clinic" } as const;

/** Creates a patient through the form and lands on the patient page. */
async function createPatient(page: Page, familyName: string): Promise<void> {
  await page.goto("/patients");
  await page.getByRole("link", { name: "New patient" }).click();
  await expect(page.getByRole("heading", { name: "New patient" })).toBeVisible();
  await page.getByLabel("Given name").fill("Robin");
  await page.getByLabel("Family name").fill(familyName);
  await page.getByLabel("Birth date").fill("1980-05-17");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Height (cm)").fill("168");
  await page.getByLabel("Diagnosis side").selectOption("left");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Robin ${familyName}`);
  await expect(page.getByText("Patient created.")).toBeVisible();
}

async function openNewAssessment(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Record assessment" }).click();
  await expect(page.getByRole("heading", { name: "Record assessment" })).toBeVisible();
  // The save button is enabled once the draft check has run (after hydration).
  await expect(page.getByRole("button", { name: "Save assessment" })).toBeEnabled();
}

const historyCount = (page: Page) => page.getByTestId("history-count");

// Tab order of the form: each measure row is [left, right] or [value]; the method is not a Tab
// stop. The pelvis question under the hold time is two radio groups (left, right).
const FULL_ASSESSMENT: [string, ...string[]][] = [
  ["Lunge test distance", "8.5", "11"],
  ["Lunge test angle", "30", "34"],
  ["Dorsiflexion, knee straight", "6", "12"],
  ["Dorsiflexion, knee bent", "14", "20"],
  ["Foot Posture Index", "4", "3"],
  ["Navicular drop", "6", "5"],
  ["Hip abduction strength", "180", "200"],
  ["Single-leg stance hold", "35", "22"],
  ["Pelvic drop", "3", "2"],
  ["Thomas test, hip angle", "-5", "-3"],
  ["Thomas test, knee angle", "70", "72"],
  ["Knee FPPA (squat)", "8", "6"],
  ["Leg length difference", "0", "4"],
  ["Heel pain", "6", "1"],
  ["First-step heel pain", "7", "1"],
  ["Hip pain", "0", "0"],
  ["Low-back pain", "1"],
  ["Oswestry (ODI)", "10"],
  ["LEFS", "60"],
  ["FAAM-ADL", "70.5"],
  ["FAAM-Sports", "55.5"],
  ["PSFS", "4.5"],
  ["Gait speed", "1.25"],
  ["Cadence", "110"],
  ["Body mass", "72.4"],
  ["Waist", "88"],
  ["Hours on feet at work", "6"],
  ["Weekly walking and running", "20"],
];
/** Values typed above plus the pelvis answer chosen with the arrow keys. */
const VALUE_COUNT = FULL_ASSESSMENT.reduce((n, [, ...values]) => n + values.length, 0) + 1;

test.describe("assessments", () => {
  test("a full assessment recorded with the keyboard raises its flag on the patient page", async ({ page }, testInfo) => {
    await signIn(page, USERS.demo);
    await createPatient(page, `Keyboard-${Date.now()}`);
    await expect(historyCount(page)).toContainText("0 visits");
    await openNewAssessment(page);

    await page.getByLabel("Lunge test distance, left (cm)").focus();
    for (const [name, ...values] of FULL_ASSESSMENT) {
      for (const value of values) {
        // Fields this visit leaves blank (measures the catalog gained later) are Tabbed past.
        const target = page.getByLabel(new RegExp(`^${name.replace(/[()]/g, "\\$&")}`)).and(page.locator(":focus"));
        for (let skipped = 0; (await target.count()) === 0; skipped++) {
          expect(skipped, `Tab never reached ${name}`).toBeLessThan(8);
          await page.keyboard.press("Tab");
        }
        await page.keyboard.type(value);
        await page.keyboard.press("Enter"); // must not submit from a field
        await page.keyboard.press("Tab");
      }
      if (name === "Dorsiflexion, knee straight") {
        // Alt+M in the row's value field opens its method box (not otherwise in the Tab path).
        await page.keyboard.press("Shift+Tab");
        await page.keyboard.press("Alt+m");
        await expect(page.getByLabel("Method, dorsiflexion, knee straight")).toBeFocused();
        await page.keyboard.type("goniometer, supine");
        await page.keyboard.press("Tab");
      }
      if (name === "Single-leg stance hold") {
        // Pelvis dropped: left stays "Not recorded"; on the right (held 22 s) the pelvis dropped.
        await expect(page.getByRole("radio", { name: "Not recorded, left" })).toBeFocused();
        await page.keyboard.press("Tab");
        await expect(page.getByRole("radio", { name: "Not recorded, right" })).toBeFocused();
        await page.keyboard.press("ArrowUp");
        await page.keyboard.press("ArrowUp");
        await expect(page.getByRole("radio", { name: "Yes, right" })).toBeChecked();
        await page.keyboard.press("Tab");
      }
    }
    await expect(page.getByRole("heading", { name: "Record assessment" })).toBeVisible(); // Enter saved nothing

    // Red-flag screen, after any value fields this visit leaves blank: tick night pain with Space.
    const firstBox = page.getByRole("checkbox", { name: /Possible cauda equina/ });
    for (let i = 0; i < 8 && !(await firstBox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(firstBox).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: "Night pain" })).toBeFocused();
    await page.keyboard.press("Space");
    // Night pain alone is a review-tier item (rules.md v2): High, not Refer.
    await expect(page.getByText(/^1 red flag ticked, for review: the status will be at least High, not Refer/)).toBeVisible();
    // Past the other boxes (as many as the catalog has) to the notes.
    for (let i = 0; i < 30 && !(await page.getByLabel("Notes (optional)").evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(page.getByLabel("Notes (optional)")).toBeFocused();
    await page.keyboard.type("Heel pain worst on first steps.");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Save assessment" })).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath("assessment-form-filled.png"), fullPage: true });
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: "Confirm red flags" });
    await expect(dialog).toContainText("You ticked 1 red flag, for review: the status will be at least High, not Refer");
    await expect(dialog.getByRole("button", { name: "Go back and review" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Confirm and save" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByText("Assessment saved.")).toBeVisible();
    await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}\?notice=assessment-saved$/);
    const flags = page.getByRole("region", { name: "Current flags" });
    await expect(flags.getByRole("heading", { name: "Limited ankle dorsiflexion (left)" })).toBeVisible();
    await expect(flags.locator("[data-flag=RED_FLAG_REVIEW]")).toContainText("For review");
    await expect(flags.locator("[data-flag=RED_FLAG]")).toHaveCount(0);
    await expect(flags.locator("[data-flag=TRENDELENBURG]")).toBeVisible(); // right: 22 s, pelvis dropped
    await expect(historyCount(page)).toContainText("1 visit,");
    const history = page.getByRole("region", { name: "History" });
    await expect(history.getByRole("row").nth(1)).toContainText(String(VALUE_COUNT));
    // The values are not in the page until the visit is opened (loaded on demand).
    await expect(history.locator("caption", { hasText: "Values of the visit" })).toHaveCount(0);
    await history.getByRole("button", { name: /Show visit of .* values/ }).click();
    await expect(history.getByRole("row", { name: /Dorsiflexion, knee straight/ })).toContainText("6°");
    await expect(history.getByRole("row", { name: /Dorsiflexion, knee straight/ })).toContainText("goniometer, supine");
    await page.screenshot({ path: testInfo.outputPath("patient-after-assessment.png"), fullPage: true });
  });

  test("an out-of-range value is marked with its range and nothing is saved", async ({ page }, testInfo) => {
    await signIn(page, USERS.demo);
    await createPatient(page, `Range-${Date.now()}`);
    const patientUrl = page.url();
    await openNewAssessment(page);

    const field = page.getByLabel("Dorsiflexion, knee straight, left (°)");
    await field.fill("57");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("57 is outside the range -30 to 45 °")).toBeVisible();
    await page.getByLabel("Oswestry (ODI) (%)").fill("22");
    await page.getByRole("button", { name: "Save assessment" }).click();
    const summary = page.getByRole("alert").filter({ hasText: /needs? attention/ });
    await expect(summary).toContainText("Dorsiflexion, knee straight, left (°): 57 is outside the range -30 to 45 °");
    await summary.getByRole("link", { name: /Dorsiflexion, knee straight, left/ }).click();
    await expect(field).toBeFocused();
    await expect(field).toHaveValue("57");
    await expect(page.getByLabel("Oswestry (ODI) (%)")).toHaveValue("22");
    await page.screenshot({ path: testInfo.outputPath("assessment-out-of-range.png"), fullPage: true });

    // The server checks again (a date in the future is only known there): rejected, entries kept.
    await field.fill("12");
    await page.getByLabel("Date and time taken").fill("2099-01-01 10:00");
    await page.getByRole("button", { name: "Save assessment" }).click();
    const rejected = page.getByRole("alert").filter({ hasText: "Nothing was saved" });
    await expect(rejected).toContainText("in the future");
    await expect(page.getByLabel("Date and time taken")).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue("12");
    await expect(page.getByLabel("Oswestry (ODI) (%)")).toHaveValue("22");

    await page.goto(patientUrl);
    await expect(historyCount(page)).toContainText("0 visits");
  });

  test("a half-filled form survives a reload, and the draft is gone once saved", async ({ page }) => {
    await signIn(page, USERS.demo);
    await createPatient(page, `Draft-${Date.now()}`);
    await openNewAssessment(page);
    await page.getByLabel("Lunge test distance, left (cm)").fill("9.5");
    await page.getByRole("button", { name: "change method, lunge test distance" }).click();
    await page.getByLabel("Method, lunge test distance").fill("tape at wall");
    await page.getByLabel("Body mass (kg)").fill("80.2");
    await page.getByRole("checkbox", { name: "Fever" }).check();

    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "Draft restored" })).toBeVisible();
    await expect(page.getByLabel("Lunge test distance, left (cm)")).toHaveValue("9.5");
    await expect(page.locator('[data-code="ankle_df_wblt_cm"]')).toContainText("Method: tape at wall");
    await expect(page.getByLabel("Body mass (kg)")).toHaveValue("80.2");
    await expect(page.getByRole("checkbox", { name: "Fever" })).toBeChecked();

    await page.getByRole("button", { name: "Discard draft" }).click();
    await expect(page.getByLabel("Lunge test distance, left (cm)")).toHaveValue("");
    await page.reload();
    await expect(page.getByRole("button", { name: "Save assessment" })).toBeEnabled();
    await expect(page.getByText("Draft restored")).toHaveCount(0);

    await page.getByLabel("Body mass (kg)").fill("80.2");
    await page.getByRole("button", { name: "Save assessment" }).click();
    await expect(page.getByText("Assessment saved.")).toBeVisible();
    await openNewAssessment(page);
    await expect(page.getByText("Draft restored")).toHaveCount(0);
    await expect(page.getByLabel("Body mass (kg)")).toHaveValue("");
    await expect(page.getByText(/Previous: 80\.2 kg on/)).toBeVisible();
  });

  test("a visit is amended with a reason and marked; a deleted visit leaves the history and an admin restores it", async ({ browser, page }, testInfo) => {
    await signIn(page, USERS.demo);
    await createPatient(page, `Amend-${Date.now()}`);
    await openNewAssessment(page);
    await page.getByLabel("Dorsiflexion, knee straight, left (°)").fill("16");
    await page.getByRole("button", { name: "Save assessment" }).click();
    await expect(page.getByText("Assessment saved.")).toBeVisible();
    const flags = page.getByRole("region", { name: "Current flags" });
    await expect(flags.getByRole("heading", { name: /Limited ankle dorsiflexion/ })).toHaveCount(0);

    const history = page.getByRole("region", { name: "History" });
    await history.getByRole("button", { name: /Show visit of .* values/ }).click();
    await history.getByRole("link", { name: /Amend/ }).click();
    await expect(page.getByRole("heading", { name: /Correct visit of/ })).toBeVisible();
    const field = page.getByLabel("Dorsiflexion, knee straight, left (°)");
    await expect(field).toHaveValue("16");
    await field.fill("6");
    await page.getByRole("button", { name: "Save correction" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /needs? attention/ })).toContainText("Reason for the correction");
    await page.getByLabel("Reason for the correction (required)").fill("Typed 16 for 6");
    await page.getByRole("button", { name: "Save correction" }).click();

    await expect(page.getByText("Correction saved.")).toBeVisible();
    await expect(history.getByText(/Amended by Dr Alex Morgan on \d{1,2} [A-Z][a-z]{2} \d{4}: Typed 16 for 6/)).toBeVisible();
    await expect(flags.getByRole("heading", { name: "Limited ankle dorsiflexion (left)" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("patient-amended-visit.png"), fullPage: true });

    await history.getByRole("button", { name: /Show visit of .* values/ }).click();
    await history.getByRole("button", { name: /Delete…/ }).click();
    await history.getByLabel(/Reason for deleting the visit/).fill("Wrong patient");
    await history.getByRole("button", { name: "Delete visit" }).click();
    await expect(page.getByText("Visit deleted. An admin can restore it.")).toBeVisible();
    await expect(historyCount(page)).toContainText("0 visits");

    const patientUrl = page.url().split("?")[0]!;
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await fillSignIn(admin, ADMIN.email, ADMIN.password);
    await expect(admin.getByRole("banner")).toContainText("Jordan Lee");
    await admin.goto(patientUrl);
    await admin.getByRole("link", { name: "Show deleted visits" }).click();
    const adminHistory = admin.getByRole("region", { name: "History" });
    await expect(adminHistory.getByText("Deleted by Dr Alex Morgan", { exact: false })).toContainText("Wrong patient");
    await adminHistory.getByRole("button", { name: /Show visit of .* values/ }).click();
    await adminHistory.getByRole("button", { name: "Restore visit" }).click();
    await expect(admin.getByText("Visit restored.")).toBeVisible();
    await expect(admin.getByTestId("history-count")).toContainText("1 visit,");
    await adminContext.close();
  });

  test("a treatment event is recorded, shown in the history, and deleted when recorded by mistake", async ({ page }) => {
    await signIn(page, USERS.demo);
    await createPatient(page, `Treat-${Date.now()}`);
    await page.getByRole("link", { name: "Record treatment" }).click();
    await page.getByLabel("Kind of treatment").selectOption("other");
    await page.getByRole("button", { name: "Save treatment" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toBeFocused();
    await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toContainText('Details are required for "Other"');
    await page.getByLabel(/Details/).fill("Heel cups in work boots");
    await page.getByRole("button", { name: "Save treatment" }).click();
    await expect(page.getByText("Treatment recorded.")).toBeVisible();
    const history = page.getByRole("region", { name: "History" });
    const row = history.getByRole("row", { name: /Treatment: Other — Heel cups in work boots/ });
    await expect(row).toBeVisible();
    await expect(historyCount(page)).toContainText("1 treatment event");

    // Deleting asks once more; "Keep it" changes nothing.
    await row.getByRole("button", { name: /^Delete… treatment event Other/ }).click();
    await row.getByRole("button", { name: "Keep it" }).click();
    await row.getByRole("button", { name: /^Delete… treatment event Other/ }).click();
    await row.getByRole("button", { name: "Delete treatment event" }).click();
    await expect(page.getByText("Treatment event deleted.")).toBeVisible();
    await expect(history.getByRole("row", { name: /Heel cups in work boots/ })).toHaveCount(0);
    await expect(historyCount(page)).toContainText("0 treatment events");
  });
});

// Issue 16 in the browser: a 20-value visit by keyboard in ≤ 60 keystrokes, the save bar never
// over the focused field, an invalid value announced when left, the red-flag dialog opening on
// "Go back and review", the patient page's Latest values with change labels, and the header search.
import type { Page } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";

async function createPatient(page: Page, familyName: string, mrn?: string): Promise<string> {
  await page.goto("/patients/new");
  await page.getByLabel("Given name").fill("Kim");
  await page.getByLabel("Family name").fill(familyName);
  await page.getByLabel("Birth date").fill("1982-04-09");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Height (cm)").fill("170");
  if (mrn) await page.getByLabel("MRN (optional)").fill(mrn);
  await page.getByLabel("Diagnosis side").selectOption("right");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByText("Patient created.")).toBeVisible();
  return page.url().split("?")[0]!;
}

async function openForm(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Record assessment" }).click();
  await expect(page.getByRole("button", { name: "Save assessment" })).toBeEnabled();
}

/** The first 20 value fields in Tab order (ids m-<code>-<side>) and what is typed into each. */
const VISIT: [string, string][] = [
  ["m-ankle_df_wblt_cm-left", "8.5"], ["m-ankle_df_wblt_cm-right", "11"],
  ["m-ankle_df_wblt_deg-left", "30"], ["m-ankle_df_wblt_deg-right", "34"],
  ["m-ankle_df_nwb_ext_deg-left", "6"], ["m-ankle_df_nwb_ext_deg-right", "12"],
  ["m-ankle_df_nwb_flex_deg-left", "14"], ["m-ankle_df_nwb_flex_deg-right", "20"],
  ["m-fpi6_total-left", "4"], ["m-fpi6_total-right", "3"],
  ["m-navicular_drop_mm-left", "6"], ["m-navicular_drop_mm-right", "5"],
  ["m-hip_abd_hhd_n-left", "180"], ["m-hip_abd_hhd_n-right", "200"],
  ["m-trendelenburg_hold_s-left", "35"], ["m-trendelenburg_hold_s-right", "40"],
  ["m-pelvic_drop_deg-left", "3"], ["m-pelvic_drop_deg-right", "2"],
  ["m-thomas_hip_deg-left", "-5"], ["m-thomas_hip_deg-right", "-3"],
];

test.describe("recording a visit", () => {
  test("a 20-value visit by keyboard takes at most 60 keystrokes, and the patient page shows the latest values with change labels", async ({ page }, testInfo) => {
    await signIn(page, USERS.demo);
    const patientUrl = await createPatient(page, `Quick-${Date.now()}`);

    // A first visit with a method, so the second one starts from it.
    await openForm(page);
    await page.getByLabel("Lunge test distance, left (cm)").fill("6.5");
    await page.getByLabel("Hip abduction strength, left (N)").fill("150");
    await page.getByRole("button", { name: "change method, lunge test distance" }).click();
    await expect(page.getByLabel("Method, lunge test distance")).toBeFocused();
    await page.keyboard.type("tape at wall");
    await page.getByRole("button", { name: "Save assessment" }).click();
    await expect(page.getByText("Assessment saved.")).toBeVisible();

    await openForm(page);
    const lungeRow = page.locator('[data-code="ankle_df_wblt_cm"]');
    await expect(lungeRow).toContainText("Method: tape at wall");
    // "change method" is not a Tab stop, nor is any method box.
    await expect(page.getByRole("button", { name: /change method/ }).first()).toHaveAttribute("tabindex", "-1");
    await expect(page.getByLabel("Date and time taken")).toHaveValue(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    let keystrokes = 0;
    const press = async (key: string) => {
      keystrokes += 1;
      await page.keyboard.press(key);
    };
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");

    await page.getByLabel("Date and time taken").focus(); // the form's first field: counting starts here
    for (const [id, value] of VISIT) {
      // Tab to the next field to fill (one Tab when the order is left → right → next row; any
      // other control a row gains later is counted too).
      for (let guard = 0; (await focusedId()) !== id; guard++) {
        expect(guard, `Tab never reached ${id}`).toBeLessThan(6);
        await press("Tab");
      }
      for (const ch of value) await press(ch);
      await page.keyboard.press("Enter"); // must not submit from a value field (not counted: not needed)
    }
    await expect(page.getByRole("heading", { name: "Record assessment" })).toBeVisible(); // Enter saved nothing
    await press("Control+Enter");
    await expect(page.getByText("Assessment saved.")).toBeVisible();
    testInfo.annotations.push({ type: "keystrokes", description: String(keystrokes) });
    expect(keystrokes).toBeLessThanOrEqual(60);

    // Latest values at the top: value, date, change since the previous visit with its label.
    const latest = page.getByRole("region", { name: "Latest values" });
    await expect(latest).toBeVisible();
    const lungeLeft = latest.locator('tr[data-code="ankle_df_wblt_cm"][data-side="left"]');
    await expect(lungeLeft).toContainText("8.5 cm");
    await expect(lungeLeft).toContainText("+2.0 cm: real change, better");
    await expect(lungeLeft).toContainText("below normal"); // 8.5 < 9.2 cm
    const hipLeft = latest.locator('tr[data-code="hip_abd_hhd_n"][data-side="left"]');
    await expect(hipLeft).toContainText("+30.0 N: real change, better"); // MDC 15 % of 150 N = 22.5 N
    await expect(latest.locator('tr[data-code="thomas_hip_deg"][data-side="left"]')).toContainText("First value");
    // Actions first, then Latest values, then flags, then history.
    const order = await page.evaluate(() =>
      ["Patient actions", "Latest values", "Current flags", "History"].map((name) => {
        const el = [...document.querySelectorAll("nav, section")].find((e) => e.getAttribute("aria-label") === name || document.getElementById(e.getAttribute("aria-labelledby") ?? "")?.textContent?.trim().startsWith(name));
        return el ? el.getBoundingClientRect().top : -1;
      }),
    );
    expect(order.every((top) => top >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const name of ["Record assessment", "Trends", "Create referral"]) {
      await expect(page.getByRole("navigation", { name: "Patient actions" }).getByRole("link", { name, exact: true })).toBeVisible();
    }
    await page.screenshot({ path: testInfo.outputPath("patient-latest-values.png"), fullPage: true });
    expect(page.url()).toContain(patientUrl);
  });

  test("at 1366×900 the sticky save bar never covers the focused field; an invalid value is announced when left", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, USERS.demo);
    await createPatient(page, `Sticky-${Date.now()}`);
    await openForm(page);
    await page.getByLabel("Date and time taken").focus();
    const covered: string[] = [];
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press("Tab");
      const check = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const bar = document.querySelector("[data-save-bar]");
        if (!el || !bar) return { id: "", covered: false, done: true };
        if (bar.contains(el)) return { id: el.id, covered: false, done: true };
        const r = el.getBoundingClientRect();
        const b = bar.getBoundingClientRect();
        return { id: el.id || el.getAttribute("name") || el.tagName, covered: r.bottom > b.top || r.top < 0, done: false };
      });
      if (check.done) break;
      if (check.covered) covered.push(check.id);
    }
    expect(covered).toEqual([]);
    await expect(page.getByRole("button", { name: "Save assessment" })).toBeFocused();

    const field = page.getByLabel("Pelvic drop, left (°)");
    await field.fill("40");
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("field-announcer")).toHaveText("Pelvic drop, left (°): 40 is outside the range 0 to 25 °");
    await expect(field).toHaveAttribute("aria-invalid", "true");
  });

  test("the red-flag dialog opens on 'Go back and review'; confirming takes a deliberate move", async ({ page }) => {
    await signIn(page, USERS.demo);
    const patientUrl = await createPatient(page, `RedFlag-${Date.now()}`);
    await openForm(page);
    await page.getByLabel("Heel pain, left (0-10)", { exact: true }).fill("7");
    await page.getByRole("checkbox", { name: "Night pain" }).check();
    await page.getByRole("button", { name: "Save assessment" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Confirm red flags" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Go back and review" })).toBeFocused();
    // A second Enter reviews: nothing is saved.
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { name: "Record assessment" })).toBeVisible();
    await expect(page.getByLabel("Heel pain, left (0-10)", { exact: true })).toHaveValue("7");

    await page.keyboard.press("Control+Enter"); // saves from anywhere: asks again
    await expect(dialog.getByRole("button", { name: "Go back and review" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Confirm and save" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Assessment saved.")).toBeVisible();
    expect(page.url()).toContain(patientUrl);
  });
});

test.describe("finding a patient", () => {
  test("the header search finds a patient by MRN, by keyboard, and '/' focuses it", async ({ page }) => {
    await signIn(page, USERS.demo);
    const mrn = `MRN-${Date.now()}`;
    const family = `Search-${Date.now()}`;
    await createPatient(page, family, mrn);
    await page.goto("/");
    await page.locator("main").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    const search = page.getByRole("combobox", { name: "Find a patient by name or MRN" });
    await expect(search).toBeFocused();
    await page.keyboard.type(mrn);
    const option = page.getByRole("option", { name: new RegExp(family) });
    await expect(option).toContainText(`MRN ${mrn}`);
    await page.keyboard.press("ArrowDown");
    await expect(option).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Kim ${family}`);
    await expect(page.getByText(`MRN ${mrn}`).first()).toBeVisible();
  });
});

// Issue 18 in the browser: a FAAM ADL form entered by keyboard from the paper, item by item, with
// its running score and validity rule; 18 of 21 answered is refused, 20 of 21 is scored and saved.
import { expect, signIn, test, USERS } from "./fixtures";
import type { Page } from "@playwright/test";

async function createPatient(page: Page, familyName: string): Promise<void> {
  await page.goto("/patients");
  await page.getByRole("link", { name: "New patient" }).click();
  await page.getByLabel("Given name").fill("Quinn");
  await page.getByLabel("Family name").fill(familyName);
  await page.getByLabel("Birth date").fill("1975-02-11");
  await page.getByLabel("Sex").selectOption("male");
  await page.getByLabel("Height (cm)").fill("180");
  await page.getByLabel("Diagnosis side").selectOption("right");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Quinn ${familyName}`);
}

// The paper form: 13 × 4, 5 × 3, then items 19-21 as typed below (n = N/A).
const FIRST_18 = [...Array(13).fill("4"), ...Array(5).fill("3")];

test("a FAAM ADL form entered by keyboard: running score, validity rule, refusal at 18 of 21, saved at 20", async ({ page }, testInfo) => {
  await signIn(page, USERS.demo);
  await createPatient(page, `Faam-${Date.now()}`);
  await page.getByRole("link", { name: "Record assessment" }).click();
  await expect(page.getByRole("button", { name: "Save assessment" })).toBeEnabled();

  const group = page.getByRole("group", { name: "Foot and Ankle Ability Measure, ADL subscale" });
  await expect(group).toContainText("19 of 21 items needed");
  const open = group.getByRole("button", { name: "Enter FAAM ADL item answers" });
  await open.focus();
  await page.keyboard.press("Enter");
  await expect(group.getByRole("button", { name: "Remove the FAAM ADL answers" })).toBeFocused();

  await page.keyboard.press("Tab");
  const answers = [...FIRST_18, "n", "n", "n"];
  for (const [i, answer] of answers.entries()) {
    await expect(page.getByLabel(`Item ${i + 1}`, { exact: true }).and(page.locator(":focus"))).toHaveCount(1);
    await page.keyboard.type(answer);
    await page.keyboard.press("Tab");
  }
  const score = group.locator("p[aria-live]");
  // 18 answered: 67 of 72 = 93.1 %, but not valid
  await expect(score).toContainText("Score 93.1 %");
  await expect(score).toContainText("21 of 21 entered, 18 answered");
  await expect(score).toContainText("not yet valid (19 of 21 items needed)");

  await page.getByRole("button", { name: "Save assessment" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert").filter({ hasText: /needs? attention/ });
  await expect(summary).toContainText("FAAM ADL item answers: 18 of 21 items answered: FAAM ADL needs at least 19 to be scored");
  await expect(page).toHaveURL(/\/assessments\/new$/);

  // Item 19 was answered on the paper after all: 3. Item 20 too: 4.
  await page.getByLabel("Item 19", { exact: true }).focus();
  await page.keyboard.type("3");
  await page.keyboard.press("Tab");
  await page.keyboard.type("4");
  // 20 answered: 74 of 80 = 92.5 %
  await expect(score).toContainText("Score 92.5 %");
  await expect(score).toContainText("valid");
  await expect(score).not.toContainText("not yet valid");
  await page.screenshot({ path: testInfo.outputPath("faam-adl-items.png"), fullPage: true });

  await page.getByRole("button", { name: "Save assessment" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Assessment saved.")).toBeVisible();
  const history = page.getByRole("region", { name: "History", exact: true });
  await history.getByRole("button", { name: /Show visit of .* values/ }).click();
  await expect(history.getByRole("row", { name: /FAAM-ADL/ })).toContainText("92.5");
  await expect(history.getByRole("row", { name: /FAAM-ADL/ })).toContainText("item answers");
  await expect(history.getByText("FAAM ADL item answers")).toBeVisible();
  await expect(history).toContainText("1: 4, 2: 4");
  await expect(history).toContainText("21: N/A → 92.5");
});

test("the clinical history is edited on its page and shown on the patient page; a contradiction is refused", async ({ page }) => {
  await signIn(page, USERS.demo);
  await createPatient(page, `History-${Date.now()}`);
  await page.getByRole("link", { name: "Edit clinical history" }).click();
  await expect(page.getByRole("heading", { name: "Clinical history" })).toBeVisible();
  await page.getByLabel("Right heel: onset date").fill("2025-09-01");
  await page.getByLabel("Back pain present before the heel pain?").selectOption("yes");
  await page.getByLabel("Back pain: onset date").fill("2025-10-01");
  await page.getByLabel("Diabetes").selectOption("yes");
  await page.getByLabel("Medications (optional)").fill("metformin 500 mg twice daily");
  await page.getByRole("button", { name: "Add investigation" }).click();
  await page.getByLabel("Investigation 1: date").fill("2025-10-20");
  await page.getByLabel("Investigation 1: kind").selectOption("ultrasound");
  await page.getByLabel("Investigation 1: finding").fill("Right plantar fascia 5.8 mm");
  await page.getByRole("button", { name: "Save history" }).click();
  // Back pain "before the heel pain" but beginning a month after it: refused, nothing saved.
  await expect(page.getByText("Back pain is marked as present before the heel pain, but its onset 2025-10-01 is after the heel pain began (2025-09-01)")).toBeVisible();
  await expect(page.getByLabel("Back pain present before the heel pain?")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Back pain: onset date").fill("2024-03-01");
  await page.getByRole("button", { name: "Save history" }).click();
  await expect(page.getByText("Clinical history saved.")).toBeVisible();
  const section = page.getByRole("region", { name: "Background and onsets" });
  await expect(section).toContainText("Yes, before the heel pain · began 1 Mar 2024");
  await expect(section).toContainText("diabetes yes");
  await expect(section).toContainText("Ultrasound: Right plantar fascia 5.8 mm");
});

test("an injection recorded with agent and count, then its response at review", async ({ page }) => {
  await signIn(page, USERS.demo);
  await createPatient(page, `Inject-${Date.now()}`);
  await page.getByRole("link", { name: "Record treatment" }).click();
  await page.getByLabel("Kind of treatment").selectOption("injection");
  await page.getByLabel("Dose or parameters (optional)").fill("1 ml under ultrasound guidance");
  await page.getByLabel("Injected agent (optional)").fill("methylprednisolone 40 mg");
  await page.getByLabel("Number of injections (optional)").fill("1");
  await page.getByRole("button", { name: "Save treatment" }).click();
  await expect(page.getByText("Treatment recorded.")).toBeVisible();
  const history = page.getByRole("region", { name: "History", exact: true });
  await expect(history).toContainText("1 ml under ultrasound guidance · methylprednisolone 40 mg × 1");

  await history.getByRole("link", { name: /Review/ }).click();
  await page.getByLabel("Response at review").selectOption("better");
  await page.getByLabel("Number of injections (optional)").fill("2");
  await page.getByRole("button", { name: "Save review" }).click();
  await expect(page.getByText("Treatment updated.")).toBeVisible();
  await expect(history).toContainText("methylprednisolone 40 mg × 2 · response at review: better");
});

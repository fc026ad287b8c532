// Patients in the browser: create (errors per field, entries kept), edit, archive and restore,
// and the list's sorting and status filter.
import { expect, signIn, test, USERS } from "./fixtures";

test.describe("patients: create, edit, archive", () => {
  test("create with a bad height keeps the entries, then edit, archive and restore", async ({ page }, testInfo) => {
    const family = `Crud-${Date.now()}`;
    await signIn(page, USERS.demo);
    await page.getByRole("link", { name: "New patient" }).click();
    await page.getByLabel("Given name").fill("Alex");
    await page.getByLabel("Family name").fill(family);
    await page.getByLabel("Birth date").fill("1975-01-02");
    await page.getByLabel("Sex").selectOption("male");
    await page.getByLabel("Height (cm)").fill("400");
    await page.getByLabel("Diagnosis side").selectOption("both");
    await page.getByRole("button", { name: "Create patient" }).click();

    await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toBeVisible();
    await expect(page.getByLabel("Height (cm)")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toBeFocused();
    await expect(page.getByRole("alert").filter({ hasText: "Not saved" }).getByRole("link", { name: "Height must be between 50 and 250 cm" })).toBeVisible();
    await expect(page.getByText("heightCm")).toHaveCount(0);
    await expect(page.getByLabel("Family name")).toHaveValue(family);
    await expect(page.getByLabel("Sex")).toHaveValue("male");
    await page.screenshot({ path: testInfo.outputPath("patient-create-error.png"), fullPage: true });
    await page.getByLabel("Height (cm)").fill("181");
    await page.getByRole("button", { name: "Create patient" }).click();
    await expect(page.getByText("Patient created.")).toBeVisible();

    await page.getByRole("link", { name: "Edit details" }).click();
    await expect(page.getByLabel("Height (cm)")).toHaveValue("181");
    await page.getByLabel("Given name").fill("Alexis");
    await page.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByText("Patient details saved.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`Alexis ${family}`);

    await page.getByRole("button", { name: "Archive…" }).click();
    await page.getByRole("button", { name: "Archive patient" }).click();
    await expect(page.getByText("Patient archived.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Record assessment" })).toHaveCount(0);
    await page.goto(`/patients?q=${family}`);
    await expect(page.getByRole("heading", { name: /No patients match/ })).toBeVisible();
    await page.goto(`/patients?q=${family}&archived=1`);
    await page.getByRole("link", { name: `${family}, Alexis` }).click();
    await page.getByRole("button", { name: "Restore patient" }).click();
    await expect(page.getByText("Patient restored.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Record assessment" })).toBeVisible();
  });

  test("the list sorts by status and filters by status", async ({ page }) => {
    await signIn(page, USERS.demo);
    await page.getByLabel("Sort by").selectOption("status");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/sort=status/);
    await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Refer");
    await page.getByLabel("Status", { exact: true }).selectOption("refer");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/status=refer/);
    const statuses = page.getByRole("table").locator("[data-status]");
    await expect(statuses.first()).toBeVisible();
    for (const s of await statuses.all()) await expect(s).toHaveAttribute("data-status", "refer");
  });
});

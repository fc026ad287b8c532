// The caseload dashboard: counts per status, the red-flag patient first, what changed at the
// latest visit, the overdue section, and no console errors.
import { expect, signIn, test, USERS } from "./fixtures";
import { watchConsole } from "./console-watch";

test("the caseload lists the red-flag patient first, with counts and changes", async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await signIn(page, USERS.demo);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caseload" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Caseload", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caseload" })).toHaveAttribute("aria-current", "page");

  // Counts per status agree with the stored statuses the API reports.
  const patients = (await (await page.request.get("/api/v1/patients")).json()) as { status: string }[];
  for (const status of ["refer", "high", "moderate", "low", "none"]) {
    const expected = patients.filter((p) => p.status === status).length;
    await expect(page.getByTestId(`count-${status}`)).toContainText(String(expected));
  }

  // Needs attention: most urgent first, the red-flag patients (Priya Raman, and any that other
  // specs recorded in this shared database) at the top, nobody without a flag.
  const attention = page.getByRole("table", { name: "Patients that need attention, most urgent first" });
  const rows = attention.locator("tbody tr");
  await expect(rows.first()).toHaveAttribute("data-status", "refer");
  await expect(rows.first()).toContainText("Refer");
  const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-status")));
  const order = ["refer", "high", "moderate", "low"];
  expect(statuses.length).toBe(patients.filter((p) => p.status !== "none").length);
  expect([...statuses].sort((a, b) => order.indexOf(a!) - order.indexOf(b!))).toEqual(statuses);
  const raman = rows.filter({ hasText: "Raman, Priya" });
  await expect(raman).toHaveAttribute("data-status", "refer");
  // What changed at her latest visit: the red flag is new.
  await expect(raman).toContainText("New flag");

  await expect(page.getByRole("heading", { name: "Overdue for review" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("dashboard.png"), fullPage: true });

  // From the list to the patient's trends.
  await raman.getByRole("link", { name: "Trends for Raman, Priya" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Trends: Priya Raman");
  expect(problems).toEqual([]);
});

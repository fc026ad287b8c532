// Rules version 2 in the browser, on the demo data: the patient page shows the heel region beside
// hip and back, and a review-tier red flag (burning heel) raises the status to High without
// "Refer"; the referral form then suggests "soon" and marks neurology as the suggested specialty.
import type { Page } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";
import { watchConsole } from "./console-watch";

async function patientId(page: Page, family: string): Promise<string> {
  const body = (await (await page.request.get(`/api/v1/patients?q=${family}`)).json()) as { id: string }[];
  return body[0]!.id;
}

test("the heel region shows on the patient page, and a review-tier red flag does not set refer", async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await signIn(page, USERS.demo);
  const id = await patientId(page, "Solberg");
  await page.goto(`/patients/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ingrid Solberg");

  const flags = page.getByRole("region", { name: "Current flags" });
  const regions = flags.getByLabel("Region levels");
  await expect(regions.getByTestId("flags-region-heel")).toContainText("Heel");
  await expect(regions.getByTestId("flags-region-hip")).toBeVisible();
  await expect(regions.getByTestId("flags-region-low-back")).toBeVisible();

  // The review-tier flag: shown first, says to reason it through, and is not a referral.
  const review = flags.locator("[data-flag=RED_FLAG_REVIEW]");
  await expect(review).toBeVisible();
  await expect(review).toContainText("For review: reason it through; refer if it persists or other findings join it.");
  await expect(review).toContainText("Neurological heel symptoms");
  await expect(flags.locator("[data-flag=RED_FLAG]")).toHaveCount(0);
  await expect(flags.locator("[data-flag=HEEL_FUNCTION_DECLINE]")).toBeVisible();
  // No rule id in what a person reads (ids live only in data attributes and the JSON).
  await expect(flags).not.toContainText("RED_FLAG_REVIEW");
  await expect(flags).not.toContainText("HEEL_FUNCTION_DECLINE");
  await page.screenshot({ path: testInfo.outputPath("review-red-flag.png"), fullPage: true });

  // The engine's own answer: status high, not refer; the heel region is in the JSON.
  const evaluation = (await (await page.request.get(`/api/v1/patients/${id}/flags`)).json()) as {
    status: string;
    rulesVersion: number;
    regions: Record<string, { level: string }>;
    flags: { id: string; refer?: boolean }[];
  };
  expect(evaluation.status).toBe("high");
  expect(evaluation.rulesVersion).toBe(2);
  expect(Object.keys(evaluation.regions).sort()).toEqual(["back", "heel", "hip"]);
  expect(evaluation.flags.find((f) => f.id === "RED_FLAG_REVIEW")?.refer).toBeUndefined();
  const listed = (await (await page.request.get(`/api/v1/patients?q=Solberg`)).json()) as { status: string }[];
  expect(listed[0]!.status).toBe("high");

  // The referral form follows the status: soon, with the suggested specialty.
  await page.getByRole("link", { name: "Create referral" }).click();
  await expect(page.getByRole("radio", { name: /Soon/ })).toBeChecked();
  await expect(page.getByText(/Red flag for review recorded on .*Neurological heel symptoms/)).toBeVisible();
  await expect(page.getByText(/neurological examination/)).toBeVisible();
  // Where to refer stays the clinician's choice (nothing preselected); the suggestion is marked.
  await expect(page.getByLabel("Refer to")).toHaveValue("");
  await expect(page.getByLabel("Refer to").locator("option", { hasText: "(suggested)" })).toHaveAttribute("value", "neurology");
  expect(problems).toEqual([]);
});

test("the trends summary shows the heel region and an emergency red flag as refer, same day", async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, USERS.demo);
  const id = await patientId(page, "Webb");
  await page.goto(`/patients/${id}/trends`);
  await expect(page.getByTestId("region-heel")).toContainText("Heel");
  await expect(page.getByText("Red flag: refer. Emergency: same-day emergency assessment; stop routine care.")).toBeVisible();
  await page.goto(`/patients/${id}/referrals/new`);
  await expect(page.getByRole("radio", { name: /Emergency/ })).toBeChecked();
  expect(problems).toEqual([]);
});

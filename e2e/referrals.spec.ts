// A clinician creates, edits, finalises and downloads a referral for a demo patient with a red flag.
import { readFileSync } from "node:fs";
import { expect, signIn, test, USERS } from "./fixtures";

test.describe("referrals", () => {
  test("create, edit, finalise and download a referral note", async ({ page }, testInfo) => {
    await signIn(page, USERS.demo);
    await page.goto("/patients?q=Raman");
    await page.getByRole("link", { name: "Raman, Priya" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Priya Raman");

    await page.getByRole("link", { name: "Create referral" }).click();
    await expect(page.getByRole("heading", { name: "Create referral" })).toBeVisible();
    await expect(page.getByLabel("Refer to")).toHaveValue(""); // no specialty chosen for the clinician
    // Urgent-tier red flag on the latest visit (weight loss): urgent preselected, and the reason is shown.
    await expect(page.getByRole("radio", { name: /Urgent/ })).toBeChecked();
    await expect(page.getByText(/Urgent red flag recorded on .*Night pain/)).toBeVisible();
    await page.getByLabel("Refer to").selectOption("general_practice");
    await page.getByLabel("Your comment (optional)").fill("Bloods and imaging, please.");
    await page.getByRole("button", { name: "Create draft" }).click();

    await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referral to general practice");
    // A draft prints, marked DRAFT.
    await page.getByRole("link", { name: "Print draft" }).click();
    await expect(page.getByTestId("draft-mark")).toContainText("DRAFT");
    await page.goBack();
    const reason = page.getByRole("textbox", { name: "Reason for referral" });
    await expect(reason).toHaveValue(/Night pain/);
    await reason.fill(`Night pain and weight loss: please see urgently for bloods and imaging.${"\nMore history.".repeat(12)}`);
    // The text area grows with its text: no inner scroll bar hides part of the note.
    expect(await reason.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    await page.getByRole("checkbox", { name: "Include Treatment so far" }).uncheck();
    await page.screenshot({ path: testInfo.outputPath("referral-draft.png"), fullPage: true });
    await page.getByRole("button", { name: "Save and finalise…" }).click();

    await expect(page.getByRole("heading", { name: "Finalise this note?" })).toBeVisible();
    await page.getByRole("button", { name: "Finalise now" }).click();
    await expect(page.getByTestId("finalised-stamp")).toContainText("Finalised by");
    await expect(page.getByText("Night pain and weight loss: please see urgently")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Treatment so far" })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Reason for referral" })).toHaveCount(0); // locked: no editor
    await page.screenshot({ path: testInfo.outputPath("referral-final.png"), fullPage: true });

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^referral-raman-priya-v1\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    await page.getByRole("link", { name: "Print" }).click();
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await page.getByRole("link", { name: "US Letter" }).click();
    await expect(page).toHaveURL(/paper=letter/);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath("referral-print.png"), fullPage: true });
  });
});

// A clinician creates, edits, finalises and downloads a referral for a demo patient with a red flag;
// the PDF comes from the running server (stack notes: the route itself), and the print view shows
// the same content as the PDF.
import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
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
    // The question is required: the form does not submit without it.
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page).toHaveURL(/\/referrals\/new/);
    await page.getByLabel("Question for the recipient (required)").fill("Night pain with weight loss: please rule out a serious cause (bloods, imaging).");
    await page.getByRole("checkbox", { name: "Calcaneal stress fracture" }).check();
    await page.getByLabel("Your comment (optional)").fill("Bloods and imaging, please.");
    await page.getByRole("button", { name: "Create draft" }).click();

    await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Referral to general practice");
    // A draft prints, marked DRAFT.
    await page.getByRole("link", { name: "Print draft" }).click();
    await expect(page.getByTestId("draft-mark")).toContainText("DRAFT");
    await page.goBack();
    await expect(page.getByRole("textbox", { name: "Question for the recipient" })).toHaveValue(/rule out a serious cause/);
    const urgency = page.getByRole("textbox", { name: "Urgency" });
    await expect(urgency).toHaveValue(/Night pain/);
    const chronology = page.getByRole("textbox", { name: "Chronology" });
    await chronology.fill(`Night pain for three weeks and 4 kg weight loss since the last visit.${"\nMore history.".repeat(12)}`);
    // The text area grows with its text: no inner scroll bar hides part of the note.
    expect(await chronology.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    await page.getByRole("checkbox", { name: "Include Treatments and response" }).uncheck();
    await page.screenshot({ path: testInfo.outputPath("referral-draft.png"), fullPage: true });
    await page.getByRole("button", { name: "Save and finalise…" }).click();

    await expect(page.getByRole("heading", { name: "Finalise this note?" })).toBeVisible();
    await page.getByRole("button", { name: "Finalise now" }).click();
    await expect(page.getByTestId("finalised-stamp")).toContainText("Finalised by");
    await expect(page.getByText("Night pain for three weeks and 4 kg weight loss")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Treatments and response" })).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: "Chronology" })).toHaveCount(0); // locked: no editor
    await page.screenshot({ path: testInfo.outputPath("referral-final.png"), fullPage: true });

    const downloadPromise = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^referral-raman-priya-v1\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const pdf = await parser.getText();
    const info = (await parser.getInfo()).info as Record<string, string>;
    await parser.destroy();
    const pageOne = pdf.pages[0]!.text.replace(/\s+/g, " ");
    expect(pageOne).toContain("Night pain with weight loss: please rule out a serious cause (bloods, imaging).");
    expect(pageOne).toContain("Night pain for three weeks and 4 kg weight loss since the last visit.");
    expect(pageOne).toContain("Key findings: latest against baseline");
    expect(info.Author).toBe("Dr Alex Morgan");
    expect(info.Title).toMatch(/^Referral: Priya Raman, General practice, \d+ \w{3} \d{4}$/);
    const pdfText = pdf.text.replace(/\s+/g, " ");

    await page.getByRole("link", { name: "Print" }).click();
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    // The print view and the PDF show the same content: the same sections, in the same order, with the same lines.
    const headings = await page.getByRole("article").getByRole("heading", { level: 2 }).allTextContents();
    expect(headings.slice(0, 3)).toEqual(["Question for the recipient", "Urgency", "Patient"]);
    expect(headings).toContain("Appendix: evidence for each flag");
    let at = 0;
    for (const h of headings) {
      const found = pdfText.indexOf(h, at);
      expect(found, `PDF has "${h}" after the previous section`).toBeGreaterThanOrEqual(0);
      at = found;
    }
    for (const item of await page.getByRole("article").getByRole("listitem").allTextContents()) expect(pdfText).toContain(item.replace(/\s+/g, " ").trim());
    await page.getByRole("link", { name: "US Letter" }).click();
    await expect(page).toHaveURL(/paper=letter/);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath("referral-print.png"), fullPage: true });
  });
});

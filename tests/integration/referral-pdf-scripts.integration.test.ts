// Names in any script print in the referral PDF (issue 14): Chinese, Japanese, Arabic and
// Cyrillic names come out of the PDF's text as they went in, and an emoji as a visible
// placeholder. The CJK font is used only when the text needs it (a Latin-only note embeds none).
import { beforeAll, describe, expect, it } from "vitest";
import { PDFParse } from "pdf-parse";
import * as createRoute from "@/app/api/v1/patients/[id]/referrals/route";
import { db } from "@/lib/db/client";
import { renderReferralPdf } from "@/lib/referrals/pdf/render";
import { BASE_FAMILY, FALLBACK_FAMILY, MISSING_GLYPH_PLACEHOLDER, planPdfText } from "@/lib/referrals/pdf/fonts";
import { callRoute, clinicUserWithToken, patientWithHistory } from "./referral-fixtures";

const HISTORY = [{ takenAt: "2026-01-05T09:00:00Z", measures: [{ code: "ankle_df_nwb_ext_deg", side: "left" as const, value: 12 }] }];

let home: Awaited<ReturnType<typeof clinicUserWithToken>>;

beforeAll(async () => {
  home = await clinicUserWithToken();
});

async function pdfFor(givenName: string, familyName: string, comment?: string) {
  const patient = await patientWithHistory(home.clinic.id, home.user.id, HISTORY);
  await db.patient.update({ where: { id: patient.id }, data: { givenName, familyName }, select: { id: true } });
  const res = await callRoute(createRoute.POST, "POST", { token: home.token, id: patient.id, json: { specialty: "orthopaedics", urgency: "routine", ...(comment ? { comment } : {}) } });
  expect(res.status).toBe(201);
  const { bytes } = await renderReferralPdf(home.actor, ((await res.json()) as { id: string }).id);
  const parser = new PDFParse({ data: bytes });
  const text = (await parser.getText()).text.normalize("NFKC");
  await parser.destroy();
  return { text };
}

describe(`names in any script in the referral PDF on ${process.env.TEST_DB_KIND}`, () => {
  it.each([
    ["Chinese", "秀英", "王"],
    ["Japanese", "はなこ", "山田"],
    ["Cyrillic", "Ёжик", "Иванова"],
  ])("prints a %s name as text", async (_script, given, family) => {
    const { text } = await pdfFor(given, family);
    expect(text).toContain(`${given} ${family}`);
    expect(text).not.toContain(MISSING_GLYPH_PLACEHOLDER);
  });

  it("prints an Arabic name (shaped in the PDF, its letters in reading order in the text)", async () => {
    const { text } = await pdfFor("محمد", "الفارسي");
    expect(text).toContain("محمد الفارسي");
    expect(text).not.toContain(MISSING_GLYPH_PLACEHOLDER);
  });

  it("replaces an emoji with a visible placeholder, and uses the CJK font only when the text needs it", async () => {
    const withEmoji = await pdfFor("Ana 🙂", "Smith", "Runs daily 🏃‍♀️ no pain");
    expect(withEmoji.text).toContain(`Ana ${MISSING_GLYPH_PLACEHOLDER} Smith`);
    expect(withEmoji.text).toContain(`Runs daily ${MISSING_GLYPH_PLACEHOLDER} no pain`);
    // The page lists (and react-pdf reads) the 4 MB CJK font only for text that needs it.
    expect((await planPdfText(["Ana 🙂 Smith", "Ёжик", "محمد", "≥ 8/10 ✓"])).families).toEqual([BASE_FAMILY]);
    expect((await planPdfText(["Ana Smith", "王 秀英"])).families).toEqual([BASE_FAMILY, FALLBACK_FAMILY]);
    // A script no bundled font draws is shown as placeholders too, never as blank space.
    expect((await planPdfText(["ሰላም"])).clean("ሰላም Abebe")).toBe(`${MISSING_GLYPH_PLACEHOLDER.repeat(3)} Abebe`);
  });
});

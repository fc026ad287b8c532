// The caseload's "since the previous visit", end to end: visits recorded through the app store the
// changes with the status, judged against the PREVIOUS value (percentages of it too) with the
// rules v2 pain rule, and the caseload reads them back.
import { describe, expect, it } from "vitest";
import { recordAssessment } from "@/lib/assessments/mutations";
import { getCaseload } from "@/lib/caseload/queries";
import { createClinicWithActor, createPatient } from "./factories";

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day, 9)).toISOString();

describe(`caseload changes since the previous visit on ${process.env.TEST_DB_KIND}`, () => {
  it("lists only steps beyond error from the previous value; a 1-point pain step is not a change", async () => {
    const { clinic, actor } = await createClinicWithActor();
    const p = await createPatient(clinic.id, { familyName: "Stepwise" });
    const visit = (day: number, back: number, heel: number, hip: number) =>
      recordAssessment(actor, p.id, {
        takenAt: at(day),
        redFlags: [],
        measures: [
          { code: "ankle_df_nwb_ext_deg", side: "left", value: 5 }, // a flag, so the patient needs attention
          { code: "pain_back_nprs", side: "none", value: back },
          { code: "pain_heel_nprs", side: "left", value: heel },
          { code: "hip_abd_hhd_n", side: "left", value: hip },
        ],
      });
    await visit(0, 1, 7, 100);
    await visit(30, 1, 7, 200);
    await visit(60, 2, 4, 175);

    const caseload = await getCaseload(actor, {}, new Date(at(61)));
    const row = caseload.attention.find((r) => r.familyName === "Stepwise")!;
    expect(row.changes.changes.map((c) => c.text)).toEqual([
      // Low-back pain 1 → 2 (+1): within the 2-point error, left out.
      // Hip strength 200 → 175 N: within 15 % of the previous 200 N, left out (beyond 15 % of the baseline 100 N).
      "Left heel pain \u22123 points since the previous value: important change, better",
    ]);
  });
});

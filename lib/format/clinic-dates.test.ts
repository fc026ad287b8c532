// One formatDate in the clinic's time zone everywhere: a visit at 23:30 in New York (04:30 the next
// day in UTC) shows the same calendar date on the trends page, on the patient page's history and
// in the flag explanations' date helper.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatDate as clinicalFormatDate } from "@/lib/clinical/format";
import type { AssessmentView } from "@/lib/assessments/queries";
import { visitRow } from "@/components/assessments/history-rows";
import { evaluate } from "@/lib/clinical/evaluate";
import { buildTrendsChartData } from "@/lib/trends/chart-data";
import { parseTrendsParams, resolveRange } from "@/lib/trends/range";
import { formatDate, formatTime } from "./dates";

const LATE_EVENING = "2026-03-13T03:30:00.000Z"; // 12 Mar 2026, 23:30 in New York (EDT)

describe("the clinic's time zone", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.STRIDE_TIME_ZONE;
    process.env.STRIDE_TIME_ZONE = "America/New_York";
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.STRIDE_TIME_ZONE;
    else process.env.STRIDE_TIME_ZONE = saved;
  });

  it("dates a late-evening visit the same on the trends page, the patient page and in explanations", () => {
    expect(formatDate(LATE_EVENING)).toBe("12 Mar 2026");
    expect(formatTime(LATE_EVENING)).toBe("23:30");
    expect(clinicalFormatDate(LATE_EVENING)).toBe("12 Mar 2026");

    const visit: AssessmentView = {
      id: "a1",
      patientId: "p1",
      takenAt: LATE_EVENING,
      measures: [{ code: "ankle_df_wblt_cm", side: "left", value: 9, method: null }] as AssessmentView["measures"],
      redFlags: [],
      notes: null,
      footwear: null,
      questionnaires: [],
      rater: { id: "u1", name: "Alex Morgan" },
      createdAt: LATE_EVENING,
      amendedAt: null,
      amendedBy: null,
      amendReason: null,
      deletedAt: null,
      deletedBy: null,
      deleteReason: null,
    };
    const { measures, ...summary } = visit;
    const patientPage = visitRow({ ...summary, valueCount: measures.length });
    const assessments = [{ id: "a1", takenAt: LATE_EVENING, rater: "Alex Morgan", measures: [{ code: "ankle_df_wblt_cm", side: "left" as const, value: 9 }] }];
    const evaluation = evaluate({ patient: { heightCm: 170 }, assessments: [{ takenAt: LATE_EVENING, redFlags: [], measures: [{ code: "ankle_df_wblt_cm", side: "left", value: 9 }] }] });
    const trends = buildTrendsChartData({ assessments, evaluation, treatments: [], range: resolveRange(parseTrendsParams({}), Date.now()) });
    const point = trends.groups[0]!.charts[0]!.series[0]!.points[0]!;
    expect(patientPage.dateText).toBe("12 Mar 2026");
    expect(patientPage.timeText).toBe("23:30");
    expect(point.date).toBe(patientPage.dateText);
  });

  it("keeps a calendar date (birth date) as written, whatever the zone", () => {
    expect(formatDate("1979-09-02")).toBe("2 Sep 1979");
  });
});

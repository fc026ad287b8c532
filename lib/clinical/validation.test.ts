// Validation messages name the field, code, side, value and range (contract section 2).

import { describe, expect, it } from "vitest";
import {
  assessmentInputSchema,
  firstIssueLine,
  formatPath,
  historyInputSchema,
  measureValueSchema,
} from "./validation";

function firstError(schema: { safeParse(x: unknown): { success: boolean; error?: unknown } }, input: unknown): string {
  const r = schema.safeParse(input);
  if (r.success) return "OK";
  return firstIssueLine(r.error as { issues: { path: PropertyKey[]; message: string }[] });
}

describe("measureValueSchema", () => {
  it.each([
    [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 45 }, "OK"], // at max
    [{ code: "ankle_df_nwb_ext_deg", side: "left", value: -30 }, "OK"], // at min
    [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 45.5 }, "value: 45.5 is outside -30..45 for ankle_df_nwb_ext_deg (left)"],
    [{ code: "ankle_df_nwb_ext_deg", side: "right", value: -30.5 }, "value: -30.5 is outside -30..45 for ankle_df_nwb_ext_deg (right)"],
    [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 57 }, "value: 57 is outside -30..45 for ankle_df_nwb_ext_deg (left)"],
    [{ code: "odi_percent", side: "none", value: 101 }, "value: 101 is outside 0..100 for odi_percent"],
    [{ code: "body_mass_kg", side: "none", value: 1.9 }, "value: 1.9 is outside 2..400 for body_mass_kg"],
    [{ code: "ankle_df_nwb_ext_deg", side: "none", value: 4 }, 'side: side "none" is not allowed for ankle_df_nwb_ext_deg (use left or right)'],
    [{ code: "pain_back_nprs", side: "left", value: 4 }, 'side: side "left" is not allowed for pain_back_nprs (use none)'],
    [{ code: "ankle_dorsi", side: "left", value: 4 }, 'code: unknown measure code "ankle_dorsi"'],
    [{ code: "pain_back_nprs", side: "middle", value: 4 }, 'side: side must be left, right or none, not "middle"'],
    [{ code: "pain_back_nprs", side: "none", value: "4" }, 'value: value must be a number, not "4"'],
    [{ code: "pain_back_nprs", side: "none" }, "value: value is required"],
    [{ code: "pain_back_nprs", side: "none", value: 4.5 }, "value: 4.5 is not a multiple of the step 1 for pain_back_nprs (range 0..10)"],
    [{ code: "faam_adl_percent", side: "none", value: 70.3 }, "OK"], // 0.1 grid despite float error
    [{ code: "gait_speed_mps", side: "none", value: 1.15 }, "OK"],
    [{ code: "gait_speed_mps", side: "none", value: 1.155 }, "value: 1.155 is not a multiple of the step 0.01 for gait_speed_mps (range 0..3)"],
    [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 4.25 }, "value: 4.25 is not a multiple of the step 0.5 for ankle_df_nwb_ext_deg (left; range -30..45)"],
    [{ code: "hip_abd_hhd_n", side: "left", value: 0.3 }, "OK"],
    [{ code: "fpi6_total", side: "left", value: -12 }, "OK"],
    [{ code: "pain_back_nprs", side: "none", value: 4, method: "x".repeat(201) }, "method: method note is longer than 200 characters"],
  ])("%j → %s", (input, expected) => {
    expect(firstError(measureValueSchema, input)).toBe(expected);
  });
});

describe("assessmentInputSchema", () => {
  const ok = { takenAt: "2026-03-01T09:30:00Z", measures: [], redFlags: [] };
  it.each([
    [ok, "OK"],
    [{ ...ok, takenAt: "2026-03-01T09:30:00+01:00" }, "OK"],
    [{ takenAt: "2026-03-01T09:30:00Z" }, "OK"], // measures and redFlags default to []
    [{ ...ok, takenAt: "2026-03-01" }, 'takenAt: "2026-03-01" is not an ISO 8601 date-time with offset (e.g. 2026-03-01T09:30:00Z)'],
    [{ ...ok, takenAt: "2026-03-01T09:30:00" }, 'takenAt: "2026-03-01T09:30:00" is not an ISO 8601 date-time with offset (e.g. 2026-03-01T09:30:00Z)'],
    [{ ...ok, takenAt: "2026-02-30T09:30:00Z" }, 'takenAt: "2026-02-30T09:30:00Z" is not an ISO 8601 date-time with offset (e.g. 2026-03-01T09:30:00Z)'],
    [{ ...ok, takenAt: 20260301 }, "takenAt: takenAt must be a string, not 20260301"],
    [{ ...ok, redFlags: ["rf_fever", "rf_fever"] }, "redFlags[1]: rf_fever is ticked twice"],
    [{ ...ok, redFlags: ["rf_alien"] }, 'redFlags[0]: unknown red-flag code "rf_alien"'],
    [
      { ...ok, measures: [{ code: "fpi6_total", side: "left", value: 3 }, { code: "fpi6_total", side: "left", value: 4 }] },
      "measures[1]: fpi6_total (left) is recorded twice in one assessment (also measures[0])",
    ],
    [{ ...ok, measures: [{ code: "fpi6_total", side: "left", value: 3 }, { code: "fpi6_total", side: "right", value: 4 }] }, "OK"],
    [{ ...ok, notes: "n".repeat(5001) }, "notes: notes are longer than 5000 characters"],
  ])("%j → %s", (input, expected) => {
    expect(firstError(assessmentInputSchema, input)).toBe(expected);
  });
});

describe("historyInputSchema paths use the contract's form", () => {
  it("assessments[0].measures[1].value", () => {
    const input = {
      assessments: [
        {
          takenAt: "2026-03-01T09:30:00Z",
          measures: [
            { code: "pain_back_nprs", side: "none", value: 1 },
            { code: "ankle_df_nwb_ext_deg", side: "left", value: 57 },
          ],
        },
      ],
    };
    expect(firstError(historyInputSchema, input)).toBe(
      "assessments[0].measures[1].value: 57 is outside -30..45 for ankle_df_nwb_ext_deg (left)",
    );
  });

  it.each([
    [{}, "assessments: assessments is required (an array)"],
    [[], "input: Invalid input: expected object, received array"],
    [{ patient: { heightCm: 251 }, assessments: [] }, "patient.heightCm: 251 is outside 50..250 for heightCm"],
    [{ patient: { heightCm: null }, assessments: [] }, "OK"],
    [{ patient: { sex: "f" }, assessments: [] }, 'patient.sex: sex must be female, male, other or unknown, not "f"'],
    [{ patient: { birthDate: "1979-13-02" }, assessments: [] }, 'patient.birthDate: "1979-13-02" is not a date (YYYY-MM-DD)'],
    [{ patient: { heightCm: 168, sex: "female", birthDate: "1979-03-02" }, assessments: [] }, "OK"],
  ])("%j → %s", (input, expected) => {
    expect(firstError(historyInputSchema, input)).toBe(expected);
  });

  it("formats nested paths", () => {
    expect(formatPath(["assessments", 2, "measures", 0, "code"])).toBe("assessments[2].measures[0].code");
    expect(formatPath([])).toBe("input");
  });
});

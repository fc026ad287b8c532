import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/clinical/evaluate";
import type { PatientHistory } from "@/lib/clinical/types";
import { assembleSections, durationWords, suggestUrgency, type AssembleInput } from "./assemble";
import { SECTION_KEYS } from "./schemas";

const patient = { givenName: "Priya", familyName: "Raman", birthDate: "1964-11-23", sex: "female", diagnosisSide: "right" as const, mrn: "SDC-1003" };
const author = { name: "Dr Demo", clinicName: "Stride Demo Clinic", registrationNumber: "PT-104233" };

const worsening: PatientHistory = {
  patient: { heightCm: 160, sex: "female", birthDate: "1964-11-23" },
  assessments: [
    {
      takenAt: "2026-01-10T09:00:00Z",
      redFlags: [],
      measures: [
        { code: "ankle_df_nwb_ext_deg", side: "left", value: 14 },
        { code: "ankle_df_nwb_ext_deg", side: "right", value: 9 },
        { code: "pain_back_nprs", side: "none", value: 1 },
        { code: "gait_speed_mps", side: "none", value: 1.2 },
      ],
    },
    {
      takenAt: "2026-04-02T09:00:00Z",
      redFlags: [],
      measures: [
        { code: "ankle_df_nwb_ext_deg", side: "left", value: 13.5 },
        { code: "ankle_df_nwb_ext_deg", side: "right", value: 8.5 },
        { code: "pain_back_nprs", side: "none", value: 4 },
        { code: "gait_speed_mps", side: "none", value: 1.19 },
      ],
    },
  ],
};

const withRedFlag: PatientHistory = {
  ...worsening,
  assessments: [...worsening.assessments.slice(0, 1), { ...worsening.assessments[1]!, redFlags: ["rf_night_pain", "rf_unexplained_weight_loss"] }],
};

function input(history: PatientHistory, overrides: Partial<AssembleInput> = {}): AssembleInput {
  return {
    patient,
    history,
    evaluation: evaluate(history),
    treatments: [
      { kind: "stretching", text: "calf stretches twice daily", occurredAt: "2026-01-10T10:00:00Z" },
      { kind: "orthoses", text: null, occurredAt: "2026-02-01T10:00:00Z" },
    ],
    author,
    specialty: "spine",
    urgency: "soon",
    comment: "Please assess the lumbar spine.",
    asOf: "2026-04-03T12:00:00Z",
    ...overrides,
  };
}

const byKey = (sections: ReturnType<typeof assembleSections>) => Object.fromEntries(sections.map((s) => [s.key, s]));

describe("suggestUrgency", () => {
  it("suggests urgent for a red flag and names it", () => {
    const s = suggestUrgency(evaluate(withRedFlag));
    expect(s.urgency).toBe("urgent");
    expect(s.reason).toContain("Night pain");
    expect(s.reason).toContain("Unexplained weight loss");
    expect(s.reason).toContain("2 Apr 2026");
  });

  it("suggests soon for a high-level flag and routine otherwise", () => {
    expect(suggestUrgency(evaluate(worsening)).urgency).toBe("soon"); // BACK_PAIN_RISING is high
    expect(suggestUrgency(evaluate({ assessments: [] })).urgency).toBe("routine");
  });
});

describe("assembleSections", () => {
  it("gives every section in order, all included when there is content", () => {
    const sections = assembleSections(input(worsening));
    expect(sections.map((s) => s.key)).toEqual([...SECTION_KEYS]);
    expect(sections.every((s) => s.included)).toBe(true);
  });

  it("words the reason and the presenting problem with side and duration", () => {
    const s = byKey(assembleSections(input(worsening)));
    expect(s.reason!.text).toContain("Referral to spine service: soon.");
    expect(s.presenting_problem!.text).toContain("Plantar fasciitis (plantar heel pain), right side.");
    expect(s.presenting_problem!.text).toContain("61-year-old woman");
    expect(s.presenting_problem!.text).toContain("Under our care since 10 Jan 2026 (2 months); 2 visits, the latest on 2 Apr 2026.");
  });

  it("lists only the findings that changed beyond measurement error, with values, dates and units", () => {
    const text = byKey(assembleSections(input(worsening))).changes!.text;
    expect(text).toContain("Low-back pain");
    expect(text).toContain("1/10 on 10 Jan 2026 → 4/10 on 2 Apr 2026 (+3 points: clinically important change, worse");
    // Dorsiflexion moved 0.5° (MDC 5°) and gait speed 0.01 m/s (MDC 0.05): within error, left out.
    expect(text).not.toContain("Dorsiflexion");
    expect(text).not.toContain("Gait speed");
  });

  it("shows each active flag with its rule, values, grade and citation", () => {
    const text = byKey(assembleSections(input(worsening))).flags!.text;
    expect(text).toContain("[DF_NWB_LIMITED]");
    expect(text).toContain("evidence grade A");
    expect(text).toContain("Riddle");
    expect(text).toContain("8.5° (2 Apr 2026)");
    expect(text).toContain("[BACK_PAIN_RISING]");
  });

  it("puts the red flag first and the urgent reason in the reason section", () => {
    const s = byKey(assembleSections(input(withRedFlag, { urgency: "urgent" })));
    expect(s.flags!.text.startsWith("• Red flag: refer [RED_FLAG] (refer).")).toBe(true);
    expect(s.reason!.text).toContain("Red flag recorded on 2 Apr 2026: Night pain; Unexplained weight loss.");
    expect(s.reason!.text).toContain("Overall status: refer.");
  });

  it("tabulates the latest values left then right, with units and dates", () => {
    const text = byKey(assembleSections(input(worsening))).current_values!.text;
    const lines = text.split("\n");
    expect(lines[0]).toBe("Dorsiflexion, knee straight: left 13.5° (2 Apr 2026); right 8.5° (2 Apr 2026)");
    expect(text).toContain("Low-back pain: 4/10 (2 Apr 2026)");
    expect(text).toContain("Gait speed: 1.19 m/s (2 Apr 2026)");
  });

  it("lists treatment events in date order, the comment and the referrer from the profile", () => {
    const s = byKey(assembleSections(input(worsening)));
    expect(s.treatment!.text).toBe("• 10 Jan 2026: Stretching programme: calf stretches twice daily\n• 1 Feb 2026: Orthoses");
    expect(s.comment!.text).toBe("Please assess the lumbar spine.");
    expect(s.referrer!.text).toBe("Dr Demo\nStride Demo Clinic\nRegistration number: PT-104233");
  });

  it("says plainly when there is nothing, and leaves an empty comment out", () => {
    const s = byKey(assembleSections(input({ assessments: [] }, { treatments: [], comment: undefined })));
    expect(s.changes!.text).toBe("No finding changed beyond measurement error.");
    expect(s.flags!.text).toBe("No active flag.");
    expect(s.current_values!.text).toBe("No values recorded.");
    expect(s.treatment!.text).toBe("No treatment recorded.");
    expect(s.comment!.included).toBe(false);
  });
});

describe("durationWords", () => {
  it.each([
    ["2026-01-01T00:00:00Z", "2026-01-05T00:00:00Z", "4 days"],
    ["2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "4 weeks"],
    ["2026-01-01T00:00:00Z", "2026-07-01T00:00:00Z", "5 months"],
    ["2023-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "3 years"],
  ])("%s → %s = %s", (from, to, words) => expect(durationWords(from, to)).toBe(words));
});

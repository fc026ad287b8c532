import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/clinical/evaluate";
import type { RedFlagCode } from "@/lib/clinical/measures";
import type { Evaluation, Flag, PatientHistory } from "@/lib/clinical/types";
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

// Hand-built evaluations (rules.md v2 shapes), so the urgency mapping is tested on its own.
const NONE_REGION = { level: "none", baseLevel: "none", escalated: false, links: [] } as const;
function evaluation(status: Evaluation["status"], flags: Flag[], regions: Partial<Evaluation["regions"]> = {}): Evaluation {
  return {
    rulesVersion: 2,
    status,
    regions: { heel: { ...NONE_REGION, links: [] }, hip: { ...NONE_REGION, links: [] }, back: { ...NONE_REGION, links: [] }, ...regions },
    flags,
    notEvaluated: [],
    trends: [],
    latestTakenAt: "2026-04-02T09:00:00Z",
  };
}
function redFlag(id: "RED_FLAG" | "RED_FLAG_REVIEW", items: RedFlagCode[], tier?: "emergency" | "urgent"): Flag {
  return {
    id, side: "none", severity: id === "RED_FLAG" ? "critical" : "high", regions: ["hip", "back"], link: null, grade: null,
    inputs: items.map((code) => ({ code, side: "none", value: 1, takenAt: "2026-04-02T09:00:00Z" })),
    title: id === "RED_FLAG" ? "Red flag: refer" : "Red flag for review", threshold: "", explanation: "", source: "Finucane 2020",
    items, ...(id === "RED_FLAG" ? { refer: true as const } : {}), ...(tier ? { tier } : {}),
  };
}
const heelFlag: Flag = {
  id: "HEEL_PAIN_RISING", side: "left", severity: "high", regions: ["heel"], link: "foot", grade: "A", inputs: [],
  title: "Heel pain rising (left)", threshold: "", explanation: "", source: "Childs 2005",
};

describe("suggestUrgency", () => {
  it("emergency tier → emergency, urgent tier → urgent, each naming the ticked items and the date", () => {
    const emergency = suggestUrgency(evaluation("refer", [redFlag("RED_FLAG", ["rf_cauda_equina", "rf_night_pain"], "emergency")]));
    expect(emergency.urgency).toBe("emergency");
    expect(emergency.reason).toContain("Possible cauda equina syndrome");
    expect(emergency.reason).toContain("2 Apr 2026");
    expect(emergency.reason).toContain("Same-day emergency assessment");
    const urgent = suggestUrgency(evaluation("refer", [redFlag("RED_FLAG", ["rf_calcaneal_fracture_suspected"], "urgent")]));
    expect(urgent.urgency).toBe("urgent");
    expect(urgent.reason).toContain("Suspected calcaneal stress fracture");
    expect(urgent.reason).toContain("within days");
  });

  it("a red flag without a tier still refers: urgent, never routine", () => {
    expect(suggestUrgency(evaluation("refer", [redFlag("RED_FLAG", ["rf_fever"])])).urgency).toBe("urgent");
  });

  it("a review-tier red flag suggests soon and names the suggested specialty, without 'refer now'", () => {
    const s = suggestUrgency(evaluation("high", [redFlag("RED_FLAG_REVIEW", ["rf_inflammatory_signs"])]));
    expect(s).toMatchObject({ urgency: "soon", specialty: "rheumatology" });
    expect(s.reason).toContain("Overall status high.");
    expect(s.reason).toContain("rheumatology");
    expect(s.reason).toContain("refer if it persists");
    expect(s.reason).not.toMatch(/refer now|emergency|urgent/i);
    const neuro = suggestUrgency(evaluation("high", [redFlag("RED_FLAG_REVIEW", ["rf_heel_neuro_symptoms"])]));
    expect(neuro).toMatchObject({ urgency: "soon", specialty: "neurology" });
    expect(neuro.reason).toContain("neurological examination");
    expect(suggestUrgency(evaluation("high", [redFlag("RED_FLAG_REVIEW", ["rf_night_pain"])])).specialty).toBeUndefined();
  });

  it("status high from a region → soon, naming the region; an escalated region gives its reason", () => {
    const s = suggestUrgency(evaluation("high", [heelFlag], { heel: { level: "high", baseLevel: "high", escalated: false, links: ["foot"] } }));
    expect(s.urgency).toBe("soon");
    expect(s.reason).toBe("Overall status high. Heel at high level: Heel pain rising (left).");
    const escalated = suggestUrgency(
      evaluation("high", [], { back: { level: "high", baseLevel: "moderate", escalated: true, links: ["symptom", "pelvis"], reason: "Back pain with a pelvis finding." } }),
    );
    expect(escalated).toMatchObject({ urgency: "soon", reason: "Overall status high. Low back at high level: Back pain with a pelvis finding." });
  });

  it("moderate, low and none → routine, and the reason says the status as it is", () => {
    expect(suggestUrgency(evaluation("moderate", []))).toEqual({ urgency: "routine", reason: "Overall status moderate: no red flag and no region at high level." });
    expect(suggestUrgency(evaluation("low", [])).urgency).toBe("routine");
    expect(suggestUrgency(evaluation("none", []))).toEqual({ urgency: "routine", reason: "No red flag and no active flag." });
  });

  it("the reason never contradicts the status, for every status", () => {
    const cases: [Evaluation, string][] = [
      [evaluation("refer", [redFlag("RED_FLAG", ["rf_trauma"], "urgent")]), "urgent"],
      [evaluation("refer", [redFlag("RED_FLAG", ["rf_progressive_neuro_deficit"], "emergency")]), "emergency"],
      [evaluation("high", [redFlag("RED_FLAG_REVIEW", ["rf_cancer_history"])]), "soon"],
      [evaluation("moderate", []), "routine"],
      [evaluation("none", []), "routine"],
    ];
    for (const [e, urgency] of cases) {
      const s = suggestUrgency(e);
      expect(s.urgency).toBe(urgency);
      if (e.status !== "refer") expect(s.reason).not.toMatch(/refer now|emergency|within days/i);
      if (e.status === "refer") expect(s.reason).not.toMatch(/no red flag/i);
      if (e.status !== "high" && e.status !== "refer") expect(s.reason).toContain(e.status === "none" ? "No red flag" : `Overall status ${e.status}`);
    }
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
    expect(text).toContain("Limited ankle dorsiflexion (right)");
    expect(text).toContain("evidence grade B");
    expect(text).toContain("Riddle");
    expect(text).toContain("8.5° (2 Apr 2026)");
    // Text a person reads never shows a rule id.
    expect(text).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);
  });

  it("puts the red flag first and the urgent reason in the reason section", () => {
    const s = byKey(assembleSections(input(withRedFlag, { urgency: "urgent" })));
    // Unexplained weight loss is an urgent-tier item (rules.md v2).
    expect(s.flags!.text.split("\n")[0]).toMatch(/^• .*\(refer, urgent tier\)\.$/);
    expect(s.flags!.text).toContain("Ticked: ");
    expect(s.reason!.text).toContain("Urgent red flag recorded on 2 Apr 2026: ");
    expect(s.reason!.text).toContain("Unexplained weight loss");
    expect(s.reason!.text).toContain("Overall status: refer. Heel: ");
    expect(s.flags!.text).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);
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

import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/clinical/evaluate";
import type { PatientHistory } from "@/lib/clinical/types";
import { suggestUrgency } from "./assemble";


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

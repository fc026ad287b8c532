import { describe, expect, it } from "vitest";
import type { RedFlagCode } from "@/lib/clinical/measures";
import type { Evaluation, Flag } from "@/lib/clinical/types";
import { suggestUrgency } from "./assemble";
import { noteFlags } from "./note/flags";
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

  it("names the deciding tier's items first and the others after 'also' (night pain alone is not urgent)", () => {
    const s = suggestUrgency(evaluation("refer", [redFlag("RED_FLAG", ["rf_night_pain", "rf_unexplained_weight_loss"], "urgent")]));
    expect(s.reason).toMatch(/^Urgent red flag recorded on 2 Apr 2026: Unexplained weight loss; also Night pain\./);
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

describe("noteFlags: the lead section's title", () => {
  it("says red flags lead when one does, whatever region it names", () => {
    const withRed = evaluation("refer", [redFlag("RED_FLAG", ["rf_fever"], "urgent"), heelFlag]);
    expect(noteFlags(withRed, "podiatry", undefined).leadTitle).toBe("Red flags, then heel flags");
    expect(noteFlags(evaluation("high", [heelFlag]), "podiatry", undefined).leadTitle).toBe("Heel flags");
    expect(noteFlags(evaluation("low", []), "spine", undefined).leadTitle).toBe("Low-back flags");
  });
});

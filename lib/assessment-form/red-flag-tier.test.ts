import { describe, expect, it } from "vitest";
import { FORM_SECTIONS } from "./fields";
import { tickedTier, tierConsequence } from "./red-flag-tier";

describe("tickedTier (rules.md v2 red-flag tiers)", () => {
  it("takes the highest tier ticked; review items alone stay review", () => {
    expect(tickedTier([])).toBeNull();
    expect(tickedTier(["rf_night_pain"])).toBe("review");
    expect(tickedTier(["rf_cancer_history"])).toBe("review");
    expect(tickedTier(["rf_inflammatory_signs", "rf_heel_neuro_symptoms"])).toBe("review");
    expect(tickedTier(["rf_fascia_rupture_suspected"])).toBe("urgent");
    expect(tickedTier(["rf_night_pain", "rf_fever"])).toBe("urgent");
    expect(tickedTier(["rf_fever", "rf_cauda_equina"])).toBe("emergency");
    expect(tickedTier(["rf_progressive_neuro_deficit"])).toBe("emergency");
  });

  it("a history of cancer with night pain or weight loss is urgent", () => {
    expect(tickedTier(["rf_cancer_history", "rf_night_pain"])).toBe("urgent");
    expect(tickedTier(["rf_cancer_history", "rf_unexplained_weight_loss"])).toBe("urgent");
  });

  it("says refer for emergency and urgent, and not refer for review", () => {
    expect(tierConsequence("emergency")).toContain("REFER");
    expect(tierConsequence("urgent")).toContain("REFER");
    expect(tierConsequence("review")).toContain("not Refer");
  });
});

describe("form layout", () => {
  it("puts the pelvis-dropped question right after the single-leg stance hold time", () => {
    const hip = FORM_SECTIONS.find((s) => s.id === "hip_pelvis")!.codes;
    expect(hip.indexOf("trendelenburg_pelvis_dropped")).toBe(hip.indexOf("trendelenburg_hold_s") + 1);
    expect(FORM_SECTIONS.flatMap((s) => s.codes).filter((c) => c === "trendelenburg_pelvis_dropped")).toHaveLength(1);
  });
});

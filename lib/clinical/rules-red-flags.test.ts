// Red-flag tiers of rules.md v2: RED_FLAG (critical, refer, tier = highest ticked, items) and
// RED_FLAG_REVIEW (high, review items only, never refer), with their regions and suggestions.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { RED_FLAG_CODES, type RedFlagCode } from "./measures";
import { day, evalOne, flagsOf, history, visit } from "./test-helpers";
import type { Evaluation } from "./types";

const screen = (ticked: RedFlagCode[], values: Parameters<typeof visit>[1] = []): Evaluation =>
  evaluate(history([visit(day(0), values, ticked)]));

const summary = (e: Evaluation) => {
  const red = flagsOf(e, "RED_FLAG")[0];
  const review = flagsOf(e, "RED_FLAG_REVIEW")[0];
  return {
    status: e.status,
    red: red ? `${red.severity}:${red.tier}:${red.regions.join("+")}` : "",
    review: review ? `${review.severity}:${review.regions.join("+")}` : "",
  };
};

describe("tiers: the highest ticked item decides", () => {
  // [ticked, status, RED_FLAG "severity:tier:regions", RED_FLAG_REVIEW "severity:regions"]
  const table: [RedFlagCode[], string, string, string][] = [
    [[], "none", "", ""],
    [["rf_cauda_equina"], "refer", "critical:emergency:hip+back", ""],
    [["rf_progressive_neuro_deficit"], "refer", "critical:emergency:hip+back", ""],
    [["rf_fever"], "refer", "critical:urgent:hip+back", ""],
    [["rf_trauma"], "refer", "critical:urgent:hip+back", ""],
    [["rf_unexplained_weight_loss"], "refer", "critical:urgent:hip+back", ""],
    [["rf_calcaneal_fracture_suspected"], "refer", "critical:urgent:heel+hip+back", ""],
    [["rf_fascia_rupture_suspected"], "refer", "critical:urgent:heel+hip+back", ""],
    [["rf_cancer_history", "rf_night_pain"], "refer", "critical:urgent:hip+back", ""],
    [["rf_cancer_history", "rf_unexplained_weight_loss"], "refer", "critical:urgent:hip+back", ""],
    [["rf_fever", "rf_cauda_equina"], "refer", "critical:emergency:hip+back", ""],
    [["rf_night_pain", "rf_fever"], "refer", "critical:urgent:hip+back", ""], // no separate review flag
    [["rf_night_pain"], "high", "", "high:hip+back"],
    [["rf_cancer_history"], "high", "", "high:hip+back"],
    [["rf_inflammatory_signs"], "high", "", "high:hip+back"],
    [["rf_heel_neuro_symptoms"], "high", "", "high:heel+hip+back"],
    [["rf_night_pain", "rf_inflammatory_signs", "rf_heel_neuro_symptoms"], "high", "", "high:heel+hip+back"],
  ];
  it.each(table)("%j → %s", (ticked, status, red, review) => {
    expect(summary(screen(ticked))).toEqual({ status, red, review });
  });

  it("every red-flag code has a tier that fires one of the two rules", () => {
    for (const code of RED_FLAG_CODES) {
      const e = screen([code]);
      expect(flagsOf(e, "RED_FLAG").length + flagsOf(e, "RED_FLAG_REVIEW").length).toBe(1);
    }
  });
});

describe("RED_FLAG carries refer, tier and all ticked items; RED_FLAG_REVIEW lists its items and never refers", () => {
  it("RED_FLAG", () => {
    const [f] = flagsOf(screen(["rf_night_pain", "rf_trauma"]), "RED_FLAG");
    expect(f).toMatchObject({
      severity: "critical", refer: true, tier: "urgent", items: ["rf_night_pain", "rf_trauma"], link: null, grade: null, side: "none",
    });
    expect(f?.explanation).toMatch(/^Medical assessment within days\./);
    expect(flagsOf(screen(["rf_cauda_equina"]), "RED_FLAG")[0]?.explanation).toMatch(
      /^Same-day emergency assessment; stop routine care\./,
    );
  });

  it("RED_FLAG says refer plainly: no weighing for emergency and urgent items, and the guidance each item comes from", () => {
    const emergency = flagsOf(screen(["rf_cauda_equina"]), "RED_FLAG")[0]?.explanation ?? "";
    expect(emergency).toMatch(/Finucane 2020/);
    expect(emergency).not.toMatch(/no single item decides|reason it through/i);
    const heel = flagsOf(screen(["rf_calcaneal_fracture_suspected"]), "RED_FLAG")[0]?.explanation ?? "";
    expect(heel).toMatch(/^Medical assessment within days\./);
    expect(heel).toMatch(/ACFAS 2010/);
    expect(heel).not.toMatch(/spinal screening/);
    const both = flagsOf(screen(["rf_fever", "rf_fascia_rupture_suspected"]), "RED_FLAG")[0]?.explanation ?? "";
    expect(both).toMatch(/Finucane 2020.*ACFAS 2010/);
  });

  it("RED_FLAG_REVIEW: status high, no refer, names rheumatology and a neurological examination", () => {
    const e = screen(["rf_inflammatory_signs", "rf_heel_neuro_symptoms"]);
    const [f] = flagsOf(e, "RED_FLAG_REVIEW");
    expect(e.status).toBe("high");
    expect(f?.refer).toBeUndefined();
    expect(f?.tier).toBeUndefined();
    expect(f).toMatchObject({
      severity: "high",
      items: ["rf_inflammatory_signs", "rf_heel_neuro_symptoms"],
      suggestions: ["rheumatology", "a neurological examination"],
    });
    expect(f?.explanation).toMatch(/suggest rheumatology/);
    expect(f?.explanation).toMatch(/suggest a neurological examination/);
    expect(f?.explanation).toMatch(/^Reason it through; refer if it persists or other findings join it\./);
  });

  it("review tier raises a lower status to high and counts in the regions it names", () => {
    const e = screen(["rf_night_pain"], [["ankle_df_nwb_ext_deg", "left", 5]]);
    expect(e.status).toBe("high");
    expect(e.regions.hip.level).toBe("high");
    expect(e.regions.back.level).toBe("high");
    expect(e.regions.heel.level).toBe("low"); // night pain is not a heel item
  });

  it("RED_FLAG does not set region levels; it sets refer and comes first", () => {
    const e = screen(["rf_fever"], [["ankle_df_nwb_ext_deg", "left", 5]]);
    expect(e.status).toBe("refer");
    expect(e.regions).toMatchObject({ heel: { level: "low" }, hip: { level: "none" }, back: { level: "none" } });
    expect(e.flags[0]?.id).toBe("RED_FLAG");
  });

  it("only the latest assessment's boxes count", () => {
    const e = evaluate(history([visit(day(0), [], ["rf_cauda_equina"]), visit(day(10), [], [])]));
    expect(e.status).toBe("none");
    const later = evaluate(history([visit(day(10), [], ["rf_night_pain"]), visit(day(0), [], ["rf_fever"])]));
    expect(summary(later)).toEqual({ status: "high", red: "", review: "high:hip+back" });
  });

  it("two assessments for the same moment are one screen: a second, empty entry does not clear the first", () => {
    const e = evaluate(history([visit(day(0), [], ["rf_fever"]), visit(day(10), [], ["rf_cauda_equina"]), visit(day(10), [], [])]));
    expect(summary(e)).toEqual({ status: "refer", red: "critical:emergency:hip+back", review: "" });
    const both = evaluate(history([visit(day(10), [], ["rf_night_pain"]), visit(day(10), [], ["rf_cancer_history"])]));
    expect(flagsOf(both, "RED_FLAG")[0]).toMatchObject({ tier: "urgent", items: ["rf_night_pain", "rf_cancer_history"] });
  });

  it("a visit that recorded no screen clears nothing; a screen 180 days older than the latest visit is stale", () => {
    const unscreened = (takenAt: string) => ({ takenAt, measures: [], redFlags: undefined });
    const kept = evaluate(history([visit(day(0), [], ["rf_night_pain"]), unscreened(day(20))]));
    expect(summary(kept)).toEqual({ status: "high", red: "", review: "high:hip+back" });
    expect(flagsOf(kept, "RED_FLAG_REVIEW")[0]?.inputs[0]?.takenAt).toBe(day(0));
    const stale = evaluate(history([visit(day(0), [], ["rf_fever"]), unscreened(day(181))]));
    expect(stale.status).toBe("none");
    expect(stale.notEvaluated.find((n) => n.id === "RED_FLAG")?.skippedStale).toEqual(["redFlags"]);
    const never = evaluate(history([unscreened(day(0))]));
    expect(never.notEvaluated.find((n) => n.id === "RED_FLAG")).toMatchObject({ missing: ["redFlags"] });
  });

  it("no assessment at all: the red-flag screen is not evaluated", () => {
    expect(evaluate(history([])).notEvaluated.map((n) => n.id)).toContain("RED_FLAG");
    expect(evalOne([]).status).toBe("none");
  });
});

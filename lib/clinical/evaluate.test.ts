// evaluate(): region levels, chain escalation, red flags, status, staleness, notEvaluated and
// visit ordering. Expected levels are worked out by hand from the rule table.

import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { RULES } from "./rules";
import { day, evalOne, fired, flagsOf, history, notEvaluatedOf, visit, type V } from "./test-helpers";
import type { Evaluation } from "./types";

const regionSummary = (e: Evaluation) => ({
  status: e.status,
  hip: [e.regions.hip.level, e.regions.hip.escalated, e.regions.hip.links.join("+")],
  back: [e.regions.back.level, e.regions.back.escalated, e.regions.back.links.join("+")],
});

describe("region levels and chain escalation", () => {
  const table: [string, V[], ReturnType<typeof regionSummary>][] = [
    [
      "no flag",
      [["ankle_df_nwb_ext_deg", "left", 20]],
      { status: "none", hip: ["none", false, ""], back: ["none", false, ""] },
    ],
    [
      "one foot flag (moderate, hip and back)",
      [["ankle_df_nwb_ext_deg", "left", 4]],
      { status: "moderate", hip: ["moderate", false, "foot"], back: ["moderate", false, "foot"] },
    ],
    [
      "two foot flags: one link, no escalation",
      [["ankle_df_wblt_cm", "left", 8], ["navicular_drop_mm", "left", 12]],
      { status: "low", hip: ["low", false, "foot"], back: ["low", false, "foot"] },
    ],
    [
      "foot low + pelvis low on back only: back low → moderate, hip stays low",
      [["ankle_df_wblt_cm", "left", 8], ["thomas_hip_deg", "left", 5]],
      { status: "moderate", hip: ["low", false, "foot"], back: ["moderate", true, "foot+pelvis"] },
    ],
    [
      "foot low + symptom moderate on hip: hip moderate → high",
      [["navicular_drop_mm", "right", 12], ["pain_hip_nprs", "right", 3]],
      { status: "high", hip: ["high", true, "foot+symptom"], back: ["low", false, "foot"] },
    ],
    [
      "foot high + pelvis moderate: high stays high, escalation still noted",
      [["ankle_df_nwb_ext_deg", "left", -2], ["trendelenburg_hold_s", "left", 10]],
      { status: "high", hip: ["high", true, "foot+pelvis"], back: ["high", true, "foot+pelvis"] },
    ],
    [
      "pelvis low + symptom moderate on back: back moderate → high",
      [["thomas_hip_deg", "right", 3], ["pain_back_nprs", "none", 2]],
      { status: "high", hip: ["none", false, ""], back: ["high", true, "pelvis+symptom"] },
    ],
    [
      "three links on back: still one step only (moderate → high)",
      [["ankle_df_wblt_cm", "left", 8], ["thomas_hip_deg", "left", 5], ["pain_back_nprs", "none", 2]],
      { status: "high", hip: ["low", false, "foot"], back: ["high", true, "foot+pelvis+symptom"] },
    ],
  ];
  it.each(table)("%s", (_name, values, expected) => {
    expect(regionSummary(evalOne(values))).toEqual(expected);
  });

  it("says why a region was escalated", () => {
    const e = evalOne([["navicular_drop_mm", "right", 12], ["pain_hip_nprs", "right", 3]]);
    expect(e.regions.hip.baseLevel).toBe("moderate");
    expect(e.regions.hip.reason).toMatch(/foot and ankle, symptoms already showing/);
    expect(e.regions.hip.reason).toMatch(/from moderate to high/);
    expect(e.regions.hip.reason).toMatch(/grade H/);
    expect(e.regions.back.reason).toBeUndefined();
  });
});

describe("RED_FLAG", () => {
  it("any box on the latest assessment: critical flag, status refer, regions untouched", () => {
    const e = evaluate(history([visit(day(0), [["ankle_df_nwb_ext_deg", "left", 20]], ["rf_night_pain", "rf_fever"])]));
    expect(e.status).toBe("refer");
    const f = flagsOf(e, "RED_FLAG")[0];
    expect(f).toMatchObject({ id: "RED_FLAG", side: "none", severity: "critical", refer: true, link: null });
    expect(f?.inputs.map((i) => i.code)).toEqual(["rf_night_pain", "rf_fever"]);
    expect(f?.explanation).toMatch(/^Refer\./);
    expect(f?.explanation).toContain("Night pain");
    expect(f?.explanation).toContain("Fever");
    expect(e.regions.hip.level).toBe("none");
    expect(e.regions.back.level).toBe("none");
    expect(notEvaluatedOf(e, "RED_FLAG")).toBeUndefined();
  });

  it("overrides high chain levels and comes first", () => {
    const e = evaluate(history([visit(day(0), [["ankle_df_nwb_ext_deg", "left", -5]], ["rf_cauda_equina"])]));
    expect(e.status).toBe("refer");
    expect(e.regions.hip.level).toBe("high");
    expect(e.flags[0]?.id).toBe("RED_FLAG");
  });

  it("only the latest assessment's boxes count", () => {
    const e = evaluate(
      history([visit(day(0), [], ["rf_trauma"]), visit(day(10), [["pain_back_nprs", "none", 3]], [])]),
    );
    expect(fired(e, "RED_FLAG")).toBe("");
    expect(e.status).toBe("moderate");
  });

  it("the latest by date, even when it arrives first", () => {
    const e = evaluate(history([visit(day(10), [], ["rf_fever"]), visit(day(0), [], [])]));
    expect(e.status).toBe("refer");
  });

  it("no assessment at all: not evaluated", () => {
    const e = evaluate(history([]));
    expect(notEvaluatedOf(e, "RED_FLAG")?.missing).toEqual(["redFlags"]);
  });
});

describe("staleness: values older than 180 days before the latest assessment", () => {
  // [day of the value, day of the latest assessment, stale]
  const table: [string, string, boolean][] = [
    [day(20), day(200), false], // exactly 180 days: still usable
    [day(19), day(200), true], // 181 days: stale
    ["2026-01-21T09:30:00Z", "2026-07-20T09:30:00Z", false], // 180 days to the minute
    ["2026-01-21T09:30:00Z", "2026-07-20T10:30:00Z", true], // 180 days and 1 hour
    [day(0), day(0), false],
  ];
  it.each(table)("value %s, latest %s → stale %s", (valueAt, latestAt, stale) => {
    const e = evaluate(
      history([visit(valueAt, [["ankle_df_nwb_ext_deg", "left", 0]]), visit(latestAt, [["pain_back_nprs", "none", 0]])]),
    );
    expect(fired(e, "DF_NWB_SEVERE")).toBe(stale ? "" : "left:high");
    const ne = notEvaluatedOf(e, "DF_NWB_SEVERE");
    if (stale) {
      expect(ne?.skippedStale).toEqual(["ankle_df_nwb_ext_deg:left"]);
      expect(ne?.missing).toContain("ankle_df_nwb_ext_deg:left");
      expect(ne?.reason).toMatch(/skipped as stale/);
    } else {
      expect(ne?.skippedStale).toEqual([]);
    }
  });

  it("a stale same-visit pair is skipped even when one side was measured recently", () => {
    const e = evaluate(
      history([
        visit(day(0), [["hip_abd_hhd_n", "left", 100], ["hip_abd_hhd_n", "right", 200]]),
        visit(day(200), [["hip_abd_hhd_n", "left", 120]]),
      ]),
    );
    expect(fired(e, "HIP_ABD_ASYM_HIGH")).toBe("");
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM_HIGH")?.skippedStale).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
  });

  it("the two-visit rule needs both assessments within 180 days", () => {
    const e = evaluate(
      history([
        visit(day(0), [["hip_abd_hhd_n", "left", 100], ["hip_abd_hhd_n", "right", 80]]),
        visit(day(190), [["hip_abd_hhd_n", "left", 100], ["hip_abd_hhd_n", "right", 80]]),
      ]),
    );
    expect(fired(e, "HIP_ABD_ASYM")).toBe("");
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM")?.skippedStale).toHaveLength(2);
  });

  it("a lone stale pair is named as stale for the two-visit rule too", () => {
    const e = evaluate(
      history([
        visit(day(0), [["hip_abd_hhd_n", "left", 100], ["hip_abd_hhd_n", "right", 80]]),
        visit(day(181), [["pain_back_nprs", "none", 0]]),
      ]),
    );
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM")?.skippedStale).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM_HIGH")?.skippedStale).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
  });

  it("a rising rule does not fire on a stale latest value; its old baseline is fine", () => {
    const stale = evaluate(
      history([
        visit(day(0), [["pain_hip_nprs", "left", 0]]),
        visit(day(10), [["pain_hip_nprs", "left", 6]]),
        visit(day(200), [["pain_back_nprs", "none", 0]]),
      ]),
    );
    expect(fired(stale, "HIP_PAIN_RISING")).toBe("");
    expect(fired(stale, "HIP_PAIN")).toBe("");
    expect(notEvaluatedOf(stale, "HIP_PAIN_RISING")?.skippedStale).toEqual(["pain_hip_nprs:left"]);

    const fresh = evaluate(
      history([visit(day(0), [["pain_hip_nprs", "left", 0]]), visit(day(400), [["pain_hip_nprs", "left", 6]])]),
    );
    expect(fired(fresh, "HIP_PAIN_RISING")).toBe("left:high");
  });

  it("stale body mass leaves BMI unevaluated", () => {
    const e = evaluate(
      history([visit(day(0), [["body_mass_kg", "none", 120]]), visit(day(181), [["pain_back_nprs", "none", 0]])], 170),
    );
    expect(fired(e, "BMI_HIGH")).toBe("");
    expect(notEvaluatedOf(e, "BMI_HIGH")?.skippedStale).toEqual(["body_mass_kg:none"]);
  });
});

describe("visit order and values chosen", () => {
  const visits = [
    visit(day(0), [["ankle_df_nwb_ext_deg", "left", 0], ["pain_back_nprs", "none", 1]]),
    visit(day(30), [["ankle_df_nwb_ext_deg", "left", 5], ["pain_back_nprs", "none", 3]]),
    visit(day(60), [["ankle_df_nwb_ext_deg", "left", 12], ["pain_back_nprs", "none", 4]]),
  ];

  it("uses the most recent value by date, whatever order the visits arrive in", () => {
    const ordered = evaluate(history(visits));
    const shuffled = evaluate(history([visits[2]!, visits[0]!, visits[1]!]));
    expect(shuffled).toEqual(ordered);
    expect(fired(ordered, "DF_NWB_SEVERE")).toBe("");
    expect(fired(ordered, "DF_NWB_LIMITED")).toBe("");
    expect(fired(ordered, "BACK_PAIN_RISING")).toBe("none:high");
    expect(ordered.trends.find((t) => t.code === "pain_back_nprs")).toMatchObject({ baseline: 1, previous: 3, latest: 4 });
  });

  it("compares instants across time-zone offsets", () => {
    const e = evaluate(
      history([
        // 23:30 at UTC−5 on 1 Mar is 04:30 UTC on 2 Mar: later than 01:00 UTC on 2 Mar.
        visit("2026-03-01T23:30:00-05:00", [["pain_back_nprs", "none", 5]]),
        visit("2026-03-02T01:00:00Z", [["pain_back_nprs", "none", 0]]),
      ]),
    );
    expect(fired(e, "BACK_PAIN")).toBe("none:moderate");
    // Dates in explanations are calendar dates in the clinic's time zone (lib/format/dates).
    const saved = process.env.STRIDE_TIME_ZONE;
    process.env.STRIDE_TIME_ZONE = "America/New_York";
    try {
      expect(flagsOf(evaluate(history([visit("2026-03-01T23:30:00-05:00", [["pain_back_nprs", "none", 5]]), visit("2026-03-02T01:00:00Z", [["pain_back_nprs", "none", 0]])])), "BACK_PAIN")[0]?.explanation).toContain("(1 Mar 2026)");
    } finally {
      if (saved === undefined) delete process.env.STRIDE_TIME_ZONE;
      else process.env.STRIDE_TIME_ZONE = saved;
    }
  });

  it("takes the flag's inputs from the assessment they came from", () => {
    const e = evaluate(
      history([visit(day(0), [["fpi6_total", "left", 8]]), visit(day(5), [["pain_back_nprs", "none", 0]])]),
    );
    expect(flagsOf(e, "FPI_PRONATED")[0]?.inputs).toEqual([
      { code: "fpi6_total", side: "left", value: 8, takenAt: "2026-01-01T09:30:00Z" },
    ]);
  });
});

describe("notEvaluated", () => {
  it("lists every rule when nothing was recorded", () => {
    const e = evaluate(history([]));
    expect(e.status).toBe("none");
    expect(e.flags).toEqual([]);
    expect(e.notEvaluated.map((n) => n.id)).toEqual(RULES.map((r) => r.id));
    expect(e.latestTakenAt).toBeNull();
  });

  it("is empty for a fully measured patient with normal values, and no flag fires", () => {
    const normal: V[] = [
      ["ankle_df_wblt_cm", "left", 12], ["ankle_df_wblt_cm", "right", 12.5],
      ["ankle_df_wblt_deg", "left", 35], ["ankle_df_wblt_deg", "right", 34],
      ["ankle_df_nwb_ext_deg", "left", 20], ["ankle_df_nwb_ext_deg", "right", 21],
      ["ankle_df_nwb_flex_deg", "left", 30], ["ankle_df_nwb_flex_deg", "right", 31],
      ["fpi6_total", "left", 3], ["fpi6_total", "right", 4],
      ["navicular_drop_mm", "left", 6], ["navicular_drop_mm", "right", 7],
      ["hip_abd_hhd_n", "left", 200], ["hip_abd_hhd_n", "right", 190],
      ["trendelenburg_hold_s", "left", 40], ["trendelenburg_hold_s", "right", 45],
      ["pelvic_drop_deg", "left", 2], ["pelvic_drop_deg", "right", 2.5],
      ["thomas_hip_deg", "left", -5], ["thomas_hip_deg", "right", -4],
      ["thomas_knee_deg", "left", 70], ["thomas_knee_deg", "right", 72],
      ["leg_length_diff_mm", "left", 5],
      ["pain_heel_nprs", "left", 1], ["pain_heel_nprs", "right", 0],
      ["pain_hip_nprs", "left", 0], ["pain_hip_nprs", "right", 0],
      ["pain_back_nprs", "none", 0],
      ["odi_percent", "none", 4],
      ["lefs_score", "none", 75],
      ["faam_adl_percent", "none", 95],
      ["gait_speed_mps", "none", 1.3],
      ["cadence_spm", "none", 110],
      ["body_mass_kg", "none", 65],
    ];
    const e = evaluate(history([visit(day(0), normal), visit(day(42), normal)], 170));
    expect(e.flags).toEqual([]);
    expect(e.notEvaluated).toEqual([]);
    expect(e.status).toBe("none");
    expect(e.trends).toHaveLength(normal.length);
  });
});

describe("contract section 2 example", () => {
  it("matches the contract's output fields", () => {
    const e = evaluate({
      patient: { heightCm: 168, sex: "female", birthDate: "1979-03-02" },
      assessments: [
        {
          takenAt: "2026-03-01T09:30:00Z",
          measures: [
            { code: "ankle_df_nwb_ext_deg", side: "left", value: 4 },
            { code: "pain_back_nprs", side: "none", value: 1 },
          ],
          redFlags: [],
        },
      ],
    });
    expect(e.status).toBe("moderate");
    expect(e.regions.hip).toMatchObject({ level: "moderate", escalated: false, links: ["foot"] });
    expect(e.regions.back).toMatchObject({ level: "moderate", escalated: false, links: ["foot"] });
    expect(e.flags).toHaveLength(1);
    expect(e.flags[0]).toMatchObject({
      id: "DF_NWB_LIMITED",
      side: "left",
      severity: "moderate",
      regions: ["hip", "back"],
      link: "foot",
      grade: "A",
      inputs: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 4, takenAt: "2026-03-01T09:30:00Z" }],
    });
    expect(e.flags[0]?.explanation).toMatch(/^Left ankle dorsiflexion \(knee extended\) is 4°/);
    expect(e.flags[0]?.source).toMatch(/^Riddle et al\. 2003, J Bone Joint Surg Am 85:872/);
    expect(notEvaluatedOf(e, "HIP_ABD_ASYM_HIGH")?.missing).toEqual(["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"]);
    expect(e.trends).toEqual([]); // one value per code and side
  });
});

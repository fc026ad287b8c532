// The flags CLI against contract section 2: JSON in, JSON out; bad input exits 2 with one line
// on stderr naming the field and nothing on stdout.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

// Each case spawns Node + tsx (about 0.5 s); leave room on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "stride-flags-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/flags.ts", ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const EXAMPLE = {
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
};

function withMeasure(measure: Record<string, unknown>, takenAt = "2026-03-01T09:30:00Z") {
  return {
    assessments: [
      { takenAt, measures: [{ code: "pain_back_nprs", side: "none", value: 1 }, measure], redFlags: [] },
    ],
  };
}

describe("flags CLI: good input", () => {
  it("evaluates the contract's example from a file", () => {
    const r = runCli([file("example.json", EXAMPLE)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    // rules.md v2: limited dorsiflexion is a low heel flag (grade B); hip and back stay none.
    expect(out.rulesVersion).toBe(2);
    expect(out.status).toBe("low");
    expect(out.regions.heel).toEqual({ level: "low", escalated: false, links: ["foot"], baseLevel: "low" });
    expect(out.regions.hip).toMatchObject({ level: "none", escalated: false, links: [] });
    expect(out.regions.back).toMatchObject({ level: "none", escalated: false, links: [] });
    expect(out.flags).toHaveLength(1);
    expect(out.flags[0]).toMatchObject({
      id: "DF_NWB_LIMITED",
      side: "left",
      severity: "low",
      regions: ["heel"],
      link: "foot",
      grade: "B",
      inputs: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: 4, takenAt: "2026-03-01T09:30:00Z" }],
    });
    expect(typeof out.flags[0].explanation).toBe("string");
    expect(typeof out.flags[0].source).toBe("string");
    expect(out.notEvaluated).toContainEqual(
      expect.objectContaining({ id: "HIP_ABD_ASYM_HIGH", missing: ["hip_abd_hhd_n:left", "hip_abd_hhd_n:right"] }),
    );
    expect(out.trends).toEqual([]);
  });

  it("reads standard input with -", () => {
    const input = {
      assessments: [
        { takenAt: "2026-01-01T09:30:00Z", measures: [{ code: "pain_back_nprs", side: "none", value: 1 }], redFlags: [] },
        { takenAt: "2026-02-01T09:30:00Z", measures: [{ code: "pain_back_nprs", side: "none", value: 1 }], redFlags: ["rf_night_pain"] },
      ],
    };
    const r = runCli(["-"], JSON.stringify(input));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // night pain alone is a review-tier red flag: status high, never refer
    expect(out.status).toBe("high");
    expect(out.flags[0]).toMatchObject({ id: "RED_FLAG_REVIEW", side: "none", severity: "high", items: ["rf_night_pain"] });
    expect(out.flags.some((f: { id: string }) => f.id === "RED_FLAG")).toBe(false);
    expect(out.trends).toEqual([
      expect.objectContaining({
        code: "pain_back_nprs", side: "none", baseline: 1, previous: 1, latest: 1,
        delta: 0, deltaFromPrevious: 0, label: "within_error", plateau: false, direction: "same",
      }),
    ]);
  });

  it("prints pretty JSON", () => {
    const r = runCli([file("pretty.json", EXAMPLE)]);
    expect(r.stdout.startsWith('{\n  "status"')).toBe(true);
  });
});

describe("flags CLI: bad input exits 2, one stderr line naming the field, empty stdout", () => {
  const cases: [string, () => string[], RegExp | string, string?][] = [
    [
      "value out of range (contract example)",
      () => [file("range.json", withMeasure({ code: "ankle_df_nwb_ext_deg", side: "left", value: 57 }))],
      /^assessments\[0\]\.measures\[1\]\.value: 57 is outside -30\.\.45 for ankle_df_nwb_ext_deg/,
    ],
    [
      "unknown code",
      () => [file("code.json", withMeasure({ code: "knee_valgus_deg", side: "left", value: 5 }))],
      'assessments[0].measures[1].code: unknown measure code "knee_valgus_deg"',
    ],
    [
      "wrong side for the code",
      () => [file("side.json", withMeasure({ code: "odi_percent", side: "left", value: 20 }))],
      'assessments[0].measures[1].side: side "left" is not allowed for odi_percent (use none)',
    ],
    [
      "bad date",
      () => [file("date.json", withMeasure({ code: "odi_percent", side: "none", value: 20 }, "01/03/2026"))],
      /^assessments\[0\]\.takenAt: /,
    ],
    [
      "impossible date",
      () => [file("date2.json", withMeasure({ code: "odi_percent", side: "none", value: 20 }, "2026-02-29T10:00:00Z"))],
      /^assessments\[0\]\.takenAt: /,
    ],
    ["not JSON", () => [file("broken.json", '{ "assessments": [')], /^input: not valid JSON/],
    ["not JSON on stdin", () => ["-"], /^input: not valid JSON/, "nope"],
    ["missing file", () => [join(dir, "does-not-exist.json")], /^FILE: cannot read .*does-not-exist\.json.*ENOENT/],
    ["no argument", () => [], /^FILE: missing argument/],
    ["assessments missing", () => [file("empty.json", {})], /^assessments: /],
    ["unknown red flag", () => [file("rf.json", { assessments: [{ takenAt: "2026-03-01T09:30:00Z", redFlags: ["rf_x"] }] })], /^assessments\[0\]\.redFlags\[0\]: /],
    [
      "a misspelt field of an assessment (it would drop the values silently)",
      () => [file("typo.json", { assessments: [{ takenAt: "2026-03-01T09:30:00Z", mesures: [{ code: "ankle_df_nwb_ext_deg", side: "left", value: -5 }] }] })],
      /^assessments\[0\]\.mesures: unknown field \(allowed: takenAt, measures, redFlags/,
    ],
    [
      "a questionnaire short of items",
      () => [file("lefs.json", { assessments: [{ takenAt: "2026-03-01T09:30:00Z", redFlags: [], questionnaires: [{ instrument: "lefs", answers: [4] }] }] })],
      /^assessments\[0\]\.questionnaires\[0\]\.answers: LEFS has 20 items/,
    ],
    ["height out of range", () => [file("h.json", { patient: { heightCm: 300 }, assessments: [] })], /^patient\.heightCm: 300 is outside 50\.\.250/],
    [
      "pelvis dropped is 0 or 1",
      () => [file("drop.json", withMeasure({ code: "trendelenburg_pelvis_dropped", side: "left", value: 2 }))],
      /^assessments\[0\]\.measures\[1\]\.value: 2 is outside 0\.\.1 for trendelenburg_pelvis_dropped/,
    ],
    [
      "pelvis dropped is a whole answer",
      () => [file("drop2.json", withMeasure({ code: "trendelenburg_pelvis_dropped", side: "right", value: 0.5 }))],
      /^assessments\[0\]\.measures\[1\]\.value: 0\.5 is not a multiple of the step 1 for trendelenburg_pelvis_dropped/,
    ],
    [
      "a v2 bilateral code given side none",
      () => [file("fppa.json", withMeasure({ code: "knee_fppa_deg", side: "none", value: 5 }))],
      'assessments[0].measures[1].side: side "none" is not allowed for knee_fppa_deg (use left or right)',
    ],
    [
      "a v2 whole-body code out of range",
      () => [file("waist.json", withMeasure({ code: "waist_cm", side: "none", value: 30 }))],
      /^assessments\[0\]\.measures\[1\]\.value: 30 is outside 40\.\.250 for waist_cm/,
    ],
  ];
  it.each(cases)("%s", (_name, args, expected, stdin) => {
    const r = runCli(args(), stdin);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    expect(lines).toHaveLength(2); // one line plus its newline
    expect(lines[1]).toBe("");
    if (typeof expected === "string") expect(lines[0]).toBe(expected);
    else expect(lines[0]).toMatch(expected);
  });
});

// End-to-end vignettes from rules.md v2, through the real CLI (JSON in, JSON out).
type M = [code: string, side: string, value: number];
const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 9, 30) + n * 86_400_000).toISOString().replace(".000Z", "Z");
function vignette(perVisit: { measures: M[]; redFlags?: string[] }[], heightCm?: number) {
  const input = {
    ...(heightCm ? { patient: { heightCm } } : {}),
    assessments: perVisit.map((v, i) => ({
      takenAt: at(i * 14),
      measures: v.measures.map(([code, side, value]) => ({ code, side, value })),
      redFlags: v.redFlags ?? [],
    })),
  };
  const r = runCli(["-"], JSON.stringify(input));
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const levels = (out: { status: string; regions: Record<string, { level: string; escalated: boolean }> }) =>
  `${out.status} heel:${out.regions.heel!.level} hip:${out.regions.hip!.level}${out.regions.hip!.escalated ? "^" : ""} back:${out.regions.back!.level}${out.regions.back!.escalated ? "^" : ""}`;
const ids = (out: { flags: { id: string; side: string; severity: string }[] }) =>
  out.flags.map((f) => `${f.id}:${f.side}:${f.severity}`).sort();

describe("flags CLI: rules.md v2 vignettes end to end", () => {
  it("a single 0° dorsiflexion reading: moderate heel flag only, status moderate", () => {
    const out = vignette([{ measures: [["ankle_df_nwb_ext_deg", "left", 0]] }]);
    expect(ids(out)).toEqual(["DF_NWB_SEVERE:left:moderate"]);
    expect(levels(out)).toBe("moderate heel:moderate hip:none back:none");
  });

  it("±1 point of back pain from a low baseline: within error, no flag, never important", () => {
    const out = vignette([
      { measures: [["pain_back_nprs", "none", 1]] },
      { measures: [["pain_back_nprs", "none", 2]] },
      { measures: [["pain_back_nprs", "none", 1]] },
    ]);
    expect(out.flags).toEqual([]);
    expect(out.trends[0]).toMatchObject({ code: "pain_back_nprs", delta: 0, deltaFromPrevious: -1, label: "within_error", mdc: 2 });
    expect(out.status).toBe("none");
  });

  it("symptom + pelvis escalates the back one step; a foot flag is named as context", () => {
    const out = vignette([
      { measures: [["pain_back_nprs", "none", 3], ["thomas_hip_deg", "right", 4]] },
      { measures: [["pain_back_nprs", "none", 2], ["fpi6_total", "left", 7]] },
    ]);
    expect(ids(out)).toEqual(["BACK_PAIN:none:low", "FPI_PRONATED:left:low", "HIP_FLEXOR_TIGHT:right:low"]);
    expect(levels(out)).toBe("moderate heel:low hip:none back:moderate^");
    expect(out.regions.back.reason).toMatch(/with heel-pain drivers: pronated foot posture \(left\)/);
  });

  it("foot + symptom does not escalate", () => {
    const out = vignette([{ measures: [["ankle_df_nwb_ext_deg", "right", -2], ["pain_hip_nprs", "right", 5]] }]);
    expect(levels(out)).toBe("moderate heel:moderate hip:moderate back:none");
  });

  it("red-flag tiers: emergency and urgent refer with a tier; review raises to high without refer", () => {
    const emergency = vignette([{ measures: [], redFlags: ["rf_cauda_equina", "rf_night_pain"] }]);
    expect(emergency.status).toBe("refer");
    expect(emergency.flags[0]).toMatchObject({ id: "RED_FLAG", tier: "emergency", items: ["rf_cauda_equina", "rf_night_pain"] });
    const urgent = vignette([{ measures: [], redFlags: ["rf_cancer_history", "rf_night_pain"] }]);
    expect(urgent.flags[0]).toMatchObject({ id: "RED_FLAG", tier: "urgent", severity: "critical" });
    const heel = vignette([{ measures: [], redFlags: ["rf_calcaneal_fracture_suspected"] }]);
    expect(heel.flags[0]).toMatchObject({ tier: "urgent", regions: ["heel", "hip", "back"] });
    const review = vignette([{ measures: [["ankle_df_nwb_ext_deg", "left", 5]], redFlags: ["rf_heel_neuro_symptoms"] }]);
    expect(review.status).toBe("high");
    expect(review.flags[0]).toMatchObject({ id: "RED_FLAG_REVIEW", severity: "high", regions: ["heel", "hip", "back"], items: ["rf_heel_neuro_symptoms"] });
    expect(review.flags[0].refer).toBeUndefined();
    expect(review.flags[0].explanation).toMatch(/neurological examination/);
  });

  it("a later assessment without a red-flag screen does not clear the one before; no screen at all is not evaluated", () => {
    const run = (assessments: unknown[]) => {
      const r = runCli(["-"], JSON.stringify({ assessments }));
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout);
    };
    const kept = run([
      { takenAt: at(0), measures: [], redFlags: ["rf_cauda_equina"] },
      { takenAt: at(1), measures: [{ code: "pain_back_nprs", side: "none", value: 1 }] },
    ]);
    expect(kept.status).toBe("refer");
    expect(kept.flags[0]).toMatchObject({ id: "RED_FLAG", tier: "emergency" });
    expect(kept.flags[0].explanation).toMatch(/the latest red-flag screen; later assessments recorded none/);
    const cleared = run([
      { takenAt: at(0), measures: [], redFlags: ["rf_cauda_equina"] },
      { takenAt: at(1), measures: [], redFlags: [] },
    ]);
    expect(cleared.status).toBe("none");
    const never = run([{ takenAt: at(0), measures: [{ code: "pain_back_nprs", side: "none", value: 1 }] }]);
    expect(never.notEvaluated).toEqual(expect.arrayContaining([expect.objectContaining({ id: "RED_FLAG", missing: ["redFlags"] })]));
  });

  it("questionnaire item answers are scored into the measures, as the API does", () => {
    const lefs = (answer: number) => ({ instrument: "lefs", answers: Array.from({ length: 20 }, () => answer) });
    const r = runCli(["-"], JSON.stringify({
      assessments: [
        { takenAt: at(0), measures: [], redFlags: [], questionnaires: [lefs(4)] },
        { takenAt: at(14), measures: [], redFlags: [], questionnaires: [lefs(3)] },
      ],
    }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.flags.map((f: { id: string }) => f.id)).toContain("FUNCTION_DECLINE");
    expect(out.trends).toEqual(expect.arrayContaining([expect.objectContaining({ code: "lefs_score", baseline: 80, latest: 60 })]));
  });

  it("BMI 30.0 names heel and back on the systemic link", () => {
    const out = vignette([{ measures: [["body_mass_kg", "none", 86.7]] }], 170);
    expect(out.flags[0]).toMatchObject({ id: "BMI_HIGH", severity: "low", regions: ["heel", "back"], link: "systemic", grade: "B" });
    expect(levels(out)).toBe("low heel:low hip:none back:low");
  });

  it("Trendelenburg with pelvis dropped; new v2 codes are accepted and trended", () => {
    const out = vignette([
      { measures: [["trendelenburg_hold_s", "left", 20], ["trendelenburg_pelvis_dropped", "left", 1], ["knee_fppa_deg", "left", 5], ["pain_first_step_nprs", "right", 6]] },
      { measures: [["trendelenburg_hold_s", "left", 18], ["trendelenburg_pelvis_dropped", "left", 1], ["knee_fppa_deg", "left", 14], ["pain_first_step_nprs", "right", 0]] },
    ]);
    expect(ids(out)).toEqual(["TRENDELENBURG:left:moderate"]);
    expect(levels(out)).toBe("moderate heel:none hip:moderate back:moderate");
    const fppa = out.trends.find((t: { code: string }) => t.code === "knee_fppa_deg");
    expect(fppa).toMatchObject({ label: "real_change", direction: "none" });
    const firstStep = out.trends.find((t: { code: string }) => t.code === "pain_first_step_nprs");
    expect(firstStep).toMatchObject({ label: "important_change", direction: "better", painFree: true });
  });
});

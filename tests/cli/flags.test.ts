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
    expect(out.status).toBe("moderate");
    expect(out.regions.hip).toMatchObject({ level: "moderate", escalated: false, links: ["foot"] });
    expect(out.regions.back).toMatchObject({ level: "moderate", escalated: false, links: ["foot"] });
    expect(out.flags).toHaveLength(1);
    expect(out.flags[0]).toMatchObject({
      id: "DF_NWB_LIMITED",
      side: "left",
      severity: "moderate",
      regions: ["hip", "back"],
      link: "foot",
      grade: "A",
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
    expect(out.status).toBe("refer");
    expect(out.flags[0]).toMatchObject({ id: "RED_FLAG", side: "none", severity: "critical" });
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
    ["height out of range", () => [file("h.json", { patient: { heightCm: 300 }, assessments: [] })], /^patient\.heightCm: 300 is outside 50\.\.250/],
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

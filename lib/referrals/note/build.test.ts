import { describe, expect, it } from "vitest";
import { RED_FLAGS } from "@/lib/clinical/measures";
import type { PatientHistory } from "@/lib/clinical/types";
import { buildReferralNote, QUESTION_NOT_WRITTEN } from "./build";
import { CHART_MAX_VISITS, chartWindow } from "./charts";
import { backPainCase, fields, inputFor, longHistoryCase } from "./fixtures";
import { durationWords } from "./page-one";
import { blockText, sectionsOf } from "./text";
import type { NoteBlock, ReferralNote } from "./types";

const block = (note: ReferralNote, key: string): NoteBlock | undefined => note.blocks.find((b) => b.key === key);
const text = (note: ReferralNote, key: string) => {
  const b = block(note, key);
  return b ? blockText(b) : "";
};
const flagsOf = (note: ReferralNote) => {
  const b = block(note, "flags")!.body;
  if (b.kind !== "flags") throw new Error("not flags");
  return b.flags;
};

const patient = { givenName: "Priya", familyName: "Raman", birthDate: "1964-11-23", sex: "female", diagnosisSide: "both" as const, mrn: null, heightCm: 160 };

/** Limited dorsiflexion on both sides, low-back pain rising, hip pain appearing at the second visit. */
const bilateral: PatientHistory = {
  patient: { heightCm: 160, sex: "female", birthDate: "1964-11-23" },
  assessments: [
    {
      takenAt: "2026-01-10T09:00:00Z",
      redFlags: [],
      measures: [
        { code: "ankle_df_nwb_ext_deg", side: "left", value: 9 },
        { code: "ankle_df_nwb_ext_deg", side: "right", value: 8 },
        { code: "pain_back_nprs", side: "none", value: 0 },
        { code: "pain_hip_nprs", side: "left", value: 0 },
      ],
    },
    {
      takenAt: "2026-04-02T09:00:00Z",
      redFlags: [],
      measures: [
        { code: "ankle_df_nwb_ext_deg", side: "left", value: 8 },
        { code: "ankle_df_nwb_ext_deg", side: "right", value: 7.5 },
        { code: "pain_back_nprs", side: "none", value: 5 },
        { code: "pain_hip_nprs", side: "left", value: 5 },
      ],
    },
  ],
};

describe("page one of the demo's back-pain case", () => {
  const note = buildReferralNote(backPainCase("spine"));

  it("opens with the question, the urgency, the patient, the chronology, the diagnosis and the key findings", () => {
    expect(note.blocks.slice(0, 6).map((b) => b.key)).toEqual(["question", "urgency", "patient", "chronology", "diagnosis", "key_findings"]);
    expect(text(note, "question")).toBe("Is the low-back pain mechanical or radicular, and does it need imaging before we progress loading?");
  });

  it("says when the question is not yet written (an API draft)", () => {
    expect(text(buildReferralNote(backPainCase("spine", { question: null })), "question")).toBe(QUESTION_NOT_WRITTEN);
  });

  it("gives the chronology: heel pain, back pain relative to it, and the time under care", () => {
    const c = text(note, "chronology");
    expect(c).toContain("Heel-pain onset not recorded; heel pain present at the first assessment on");
    expect(c).toContain("Low-back pain present from the first assessment");
    expect(c).toContain("whether it came before or after the heel pain is not recorded");
    expect(c).toContain("No hip pain recorded.");
    expect(c).toMatch(/Under our care since .* \(5 months\); 7 visits/);
  });

  it("takes the chronology from the recorded history when there is one", () => {
    const input = backPainCase("spine");
    const note = buildReferralNote({
      ...input,
      clinical: {
        heelPainOnset: { left: "2026-03-01", right: null },
        hipPain: { beforeHeel: "unknown", onset: "2026-05-10" },
        backPain: { beforeHeel: "yes", onset: "2025-09-15" },
        comorbidities: ["Diabetes: yes", "inflammatory arthritis: no", "neuropathy: not recorded"],
        medications: "metformin 500 mg twice daily",
        imaging: [{ date: "2026-06-20", kind: "Ultrasound", finding: "plantar fascia 5.8 mm, left" }],
      },
    });
    const c = text(note, "chronology");
    expect(c).toContain("Left heel pain since 1 Mar 2026 (9 months).");
    expect(c).toContain("Low-back pain began before the heel pain (onset 15 Sep 2025).");
    expect(c).toContain("Hip pain began after the heel pain (onset 10 May 2026), by the recorded onset dates.");
    expect(text(note, "imaging")).toBe("Date | Imaging or investigation | Finding\n20 Jun 2026 | Ultrasound | plantar fascia 5.8 mm, left");
    expect(text(note, "comorbidities")).toBe("Comorbidities: Diabetes: yes; inflammatory arthritis: no; neuropathy: not recorded.\nMedications: metformin 500 mg twice daily.");
  });

  it("tabulates the key findings latest against baseline, with the trend label and the questionnaires' MCID", () => {
    const b = block(note, "key_findings")!.body;
    expect(b.kind).toBe("table");
    if (b.kind !== "table") return;
    expect(b.table.columns).toEqual(["Finding", "Baseline", "Latest", "Change", "Trend", "MCID"]);
    const row = (label: string) => b.table.rows.find((r) => r[0] === label);
    expect(row("Oswestry (ODI)")).toEqual(["Oswestry (ODI)", expect.stringContaining("12 %"), expect.stringContaining("28 %"), "+16 points", "important change, worse", "10 points"]);
    expect(row("LEFS")?.[5]).toBe("9 points");
    expect(row("Low-back pain")?.[4]).toBe("important change, worse");
    // A pain never present is a line of the chronology, not a row of zeros.
    expect(row("Hip pain, left")).toBeUndefined();
  });

  it("lists treatments with dose, dates and response", () => {
    const t = text(note, "treatment");
    expect(t).toContain("Stretching | calf stretches 3 × 30 s, twice daily | from ");
    expect(t).toMatch(/Orthoses \| prefabricated, medial arch support \| \d+ \w{3} 2026 – \d+ \w{3} 2026 \| better/);
  });

  it("shows the differentials excluded and those not recorded as excluded", () => {
    const d = text(buildReferralNote(backPainCase("spine", { differentialsExcluded: ["calcaneal_stress_fracture", "other"], differentialOther: "gout" })), "diagnosis");
    expect(d).toContain("Differentials excluded: Calcaneal stress fracture; other: gout.");
    expect(d).toContain("Not recorded as excluded: Nerve entrapment / S1 radiculopathy; Fat-pad syndrome; Spondyloarthropathy.");
  });

  it("suggests an urgency whose reason matches the status shown", () => {
    const u = text(note, "urgency");
    expect(u).toContain("Status: high.");
    expect(u).toContain("Reason: Overall status high.");
    expect(u).not.toMatch(/no red flag and no (high|region)/i);
  });

  it("names the referring clinician as the PDF's author and titles it with patient, specialty and date", () => {
    expect(note.documentAuthor).toBe("Dr Ada Referrer");
    expect(note.documentTitle).toBe("Referral: Robert Nakamura, Spine service, 30 Nov 2026");
  });
});

describe("flags filtered by specialty", () => {
  it("a spine referral leads with back flags and lists the red-flag screen item by item", () => {
    const f = flagsOf(buildReferralNote(backPainCase("spine")));
    expect(f.lead.length).toBeGreaterThan(0);
    for (const l of f.lead) expect(l.regions).toContain("low back");
    expect(f.lead[0]!.title).toMatch(/back|Oswestry/i);
    expect(f.screen?.items).toHaveLength(RED_FLAGS.length);
    expect(f.screen?.items.every((i) => !i.ticked)).toBe(true);
    expect(f.screenSummary).toBeNull();
  });

  it("a hip referral leads with hip flags; the red-flag screen is one sentence", () => {
    const note = buildReferralNote(inputFor(patient, bilateral, fields("hip_colleague")));
    const f = flagsOf(note);
    expect(f.lead.length).toBeGreaterThan(0);
    for (const l of f.lead) expect(l.regions).toContain("hip");
    expect(f.screen).toBeNull();
    expect(f.screenSummary).toBe("Red-flag screen of 2 Apr 2026: nothing ticked.");
  });

  it("red flags come first for every specialty, and the spine screen shows the ticked item", () => {
    const red: PatientHistory = { ...bilateral, assessments: [bilateral.assessments[0]!, { ...bilateral.assessments[1]!, redFlags: ["rf_cauda_equina"] }] };
    for (const specialty of ["podiatry", "spine", "hip_colleague"] as const) {
      const input = inputFor(patient, red, fields(specialty));
      const f = flagsOf(buildReferralNote(input));
      expect(f.lead[0]!.id).toBe("RED_FLAG");
      // The tier as the engine gives it (emergency for cauda equina under rules v2).
      expect(f.lead[0]!.severity).toBe(`refer (${input.evaluation.flags.find((x) => x.id === "RED_FLAG")!.tier ?? "urgent"} tier)`);
      expect(f.lead[0]!.values).toBe("Possible cauda equina syndrome (2 Apr 2026)");
    }
    const screen = flagsOf(buildReferralNote(inputFor(patient, red, fields("spine")))).screen!;
    expect(screen.items.filter((i) => i.ticked).map((i) => i.label)).toEqual(["Possible cauda equina syndrome"]);

    // A second, empty entry for the same moment is the same screen, as the engine reads it.
    const twice: PatientHistory = { ...red, assessments: [...red.assessments, { ...red.assessments[1]!, measures: [], redFlags: [] }] };
    const input = inputFor(patient, twice, fields("spine"));
    expect(input.evaluation.status).toBe("refer");
    const both = flagsOf(buildReferralNote(input)).screen!;
    expect(both.items.filter((i) => i.ticked).map((i) => i.label)).toEqual(["Possible cauda equina syndrome"]);
  });

  it("gives one entry per rule with the sides together, in the flags and in the appendix", () => {
    const note = buildReferralNote(inputFor(patient, bilateral, fields("spine")));
    const all = [...flagsOf(note).lead, ...flagsOf(note).others];
    const df = all.filter((l) => l.id === "DF_NWB_LIMITED");
    expect(df).toHaveLength(1);
    expect(df[0]!.values).toBe("Dorsiflexion, knee straight: left 8°, right 7.5° (2 Apr 2026)");
    const appendix = block(note, "appendix")!;
    expect(appendix.newPage).toBe(true);
    if (appendix.body.kind !== "appendix") throw new Error("not the appendix");
    const ids = appendix.body.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const entry = appendix.body.entries.find((e) => e.id === "DF_NWB_LIMITED")!;
    expect(entry.values).toBe("Dorsiflexion, knee straight: left 8°, right 7.5° (2 Apr 2026)");
    // The side-specific sentence is not repeated per side.
    expect(entry.explanation).not.toMatch(/\b(left|right)\b/i);
    // The key findings hold one row per finding, its sides together.
    const kf = block(note, "key_findings")!.body;
    if (kf.kind !== "table") throw new Error("not a table");
    expect(kf.table.rows.filter((r) => r[0]!.startsWith("Dorsiflexion"))).toEqual([
      ["Dorsiflexion, knee straight", "left 9°, right 8° (10 Jan 2026)", "left 8°, right 7.5° (2 Apr 2026)", "left −1.0°, right −0.5°", "both: within measurement error", "–"],
    ]);
  });

  it("never shows a rule id in text a person reads", () => {
    const sections = sectionsOf(buildReferralNote(backPainCase("spine")));
    for (const s of sections) expect(s.text, s.key).not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)+\b/);
  });
});

describe("the referrer's choices", () => {
  it("shows a rewritten section as written and leaves out an excluded one", () => {
    const base = buildReferralNote(backPainCase("spine"));
    const sections = sectionsOf(base).map((s) =>
      s.key === "key_findings" ? { ...s, text: "See the attached letter.", edited: true } : s.key === "imaging" ? { ...s, included: false } : s,
    );
    const note = buildReferralNote(backPainCase("spine", { sections }));
    expect(block(note, "key_findings")!.body).toEqual({ kind: "text", text: "See the attached letter." });
    expect(block(note, "imaging")).toBeUndefined();
    expect(block(note, "chronology")!.body.kind).toBe("text");
  });

  it("renders a note written before this structure: its sections as text, the question in front, charts and appendix after", () => {
    const legacy = [
      { key: "reason" as const, title: "Reason for referral", text: "Back pain rising.", included: true },
      { key: "referrer" as const, title: "Referring clinician", text: "Dr Old", included: true },
    ];
    const note = buildReferralNote(backPainCase("spine", { sections: legacy, question: null }));
    expect(note.blocks.map((b) => b.key)).toEqual(["question", "reason", "referrer", "charts", "appendix"]);
    expect(text(note, "reason")).toBe("Back pain rising.");
  });
});

describe("charts a reader can read", () => {
  it("a 300-visit history shows at most 12 months and at most 20 visits, the rest in words", () => {
    // Synthetic patient 6 fires 17 rules: a full note.
    const input = longHistoryCase(300, 6);
    const [start, end] = chartWindow(input.history)!;
    expect(end - start).toBeLessThanOrEqual(365 * 86_400_000);
    const note = buildReferralNote(input);
    const charts = block(note, "charts");
    if (!charts || charts.body.kind !== "charts") throw new Error("no charts");
    expect(charts.body.charts.charts.length).toBeGreaterThan(0);
    for (const c of charts.body.charts.charts) {
      for (const s of c.series) {
        expect(s.points.length).toBeLessThanOrEqual(CHART_MAX_VISITS);
        for (const p of s.points) expect(p.x).toBeGreaterThanOrEqual(0);
      }
    }
    expect(text(note, "history")).toMatch(/^Before \d+ \w{3} \d{4}: 280 earlier visits from /);
  });

  it("the back-pain case charts its flagged measures over its 7 visits with normal and MDC bands", () => {
    const body = block(buildReferralNote(backPainCase("spine")), "charts")!.body;
    if (body.kind !== "charts") throw new Error("no charts");
    const charts = body.charts;
    expect(charts.charts[0]!.code).toMatch(/pain_back_nprs|odi_percent/);
    const odi = charts.charts.find((c) => c.code === "odi_percent")!;
    expect(odi.normalBand).not.toBeNull();
    expect(odi.mdcBands).toHaveLength(1);
    // A history shorter than 12 months fills the chart from its first visit.
    expect(charts.window).toMatch(/^12 Jun 2026 – 29 Nov 2026: 7 visits \(every visit\)$/);
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

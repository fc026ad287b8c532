// The demo data without a database: the generated visits obey measures.md, and the flag engine
// finds on them exactly what the design table of demo.ts promises (every rule at least once).

import { describe, expect, it } from "vitest";
import { isOnStep } from "../clinical/decimal";
import { evaluate } from "../clinical/evaluate";
import { allowedSides, MEASURES, RED_FLAG_CODES } from "../clinical/measures";
import { historyInputSchema } from "../clinical/validation";
import type { Evaluation, RuleId } from "../clinical/types";
import { DEMO_EXPECTATIONS, DEMO_USERS, NORTHSIDE_EXPECTATIONS } from "./demo";
import { generateDemoPatients, toHistory, type GeneratedPatient } from "./generate";

const DAY_MS = 86_400_000;
// Two reference dates (one mid-month, one just after midnight UTC on 1 Jan) so that nothing in
// the data depends on when the test runs.
const NOWS = [new Date("2026-06-15T12:00:00Z"), new Date("2027-01-01T00:05:00Z"), new Date()];

const nameOf = (p: GeneratedPatient) => `${p.givenName} ${p.familyName}`;

// Every rule of rules.md version 2. A Record keyed by RuleId: a rule added to the engine's types
// without a demo patient fails the type check here.
const EVERY_RULE: Record<RuleId, true> = {
  DF_NWB_SEVERE: true, DF_NWB_LIMITED: true, DF_WBLT_LOW: true, DF_WBLT_ASYM: true, CALF_GASTROC: true,
  FPI_PRONATED: true, NAVICULAR_DROP: true, HIP_ABD_ASYM_HIGH: true, HIP_ABD_ASYM: true, TRENDELENBURG: true,
  PELVIC_DROP_RISING: true, HIP_FLEXOR_TIGHT: true, LEG_LENGTH: true, HIP_PAIN: true, HIP_PAIN_RISING: true,
  BACK_PAIN: true, BACK_PAIN_RISING: true, ODI_MODERATE: true, ODI_RISING: true, FUNCTION_DECLINE: true,
  HEEL_FUNCTION_DECLINE: true, HEEL_PAIN_RISING: true, BMI_HIGH: true, RED_FLAG: true, RED_FLAG_REVIEW: true,
};

describe.each(NOWS.map((now) => ({ now, label: now.toISOString() })))("demo data generated at $label", ({ now }) => {
  const patients = generateDemoPatients(now);
  const demo = patients.filter((p) => p.clinic === "demo");
  const evaluations = new Map<string, Evaluation>(patients.map((p) => [nameOf(p), evaluate(toHistory(p))]));

  it("has at least 12 demo-clinic patients and 3-4 at Northside, each with 3 to 10 assessments", () => {
    expect(demo.length).toBeGreaterThanOrEqual(12);
    expect(patients.filter((p) => p.clinic === "northside").length).toBeGreaterThanOrEqual(3);
    for (const p of patients) {
      expect(p.visits.length, nameOf(p)).toBeGreaterThanOrEqual(3);
      expect(p.visits.length, nameOf(p)).toBeLessThanOrEqual(10);
    }
  });

  it("keeps every value inside its valid range, on its step, with a side allowed for its code", () => {
    for (const p of patients) {
      for (const v of p.visits) {
        const seen = new Set<string>();
        for (const m of v.measures) {
          const d = MEASURES[m.code];
          const where = `${nameOf(p)} ${v.takenAt.toISOString()} ${m.code}:${m.side}=${m.value}`;
          expect(m.value, where).toBeGreaterThanOrEqual(d.min);
          expect(m.value, where).toBeLessThanOrEqual(d.max);
          expect(isOnStep(m.value, d.step), where).toBe(true);
          expect(allowedSides(m.code), where).toContain(m.side);
          expect(seen.has(`${m.code}:${m.side}`), `${where} twice`).toBe(false);
          seen.add(`${m.code}:${m.side}`);
        }
        for (const f of v.redFlags) expect(RED_FLAG_CODES).toContain(f);
      }
      // The engine's own input validation agrees (ranges, steps, sides, dates, duplicates).
      expect(historyInputSchema.safeParse(toHistory(p)).success, nameOf(p)).toBe(true);
    }
  });

  it("dates visits within the last 12 months, before now, oldest first, at least a week apart", () => {
    for (const p of patients) {
      const times = p.visits.map((v) => v.takenAt.getTime());
      for (const [i, t] of times.entries()) {
        expect(t, nameOf(p)).toBeLessThan(now.getTime());
        expect(t, nameOf(p)).toBeGreaterThan(now.getTime() - 365 * DAY_MS);
        if (i > 0) expect(t - times[i - 1]!, nameOf(p)).toBeGreaterThanOrEqual(7 * DAY_MS);
      }
    }
  });

  it("gives realistic patients: heights, BMI 18-35, unique MRNs per clinic, both sides for bilateral measures", () => {
    for (const clinic of ["demo", "northside"] as const) {
      const mrns = patients.filter((p) => p.clinic === clinic && p.mrn).map((p) => p.mrn);
      expect(new Set(mrns).size).toBe(mrns.length);
    }
    for (const p of patients) {
      expect(p.heightCm).toBeGreaterThanOrEqual(150);
      expect(p.heightCm).toBeLessThanOrEqual(200);
      for (const v of p.visits) {
        const mass = v.measures.find((m) => m.code === "body_mass_kg");
        if (mass) {
          const bmi = mass.value / (p.heightCm / 100) ** 2;
          expect(bmi, nameOf(p)).toBeGreaterThan(18);
          expect(bmi, nameOf(p)).toBeLessThan(35);
        }
        for (const m of v.measures) {
          // Leg length is recorded on the shorter side; the pelvis question only where the hold ended early.
          if (MEASURES[m.code].sides !== "bilateral" || m.code === "leg_length_diff_mm" || m.code === "trendelenburg_pelvis_dropped") continue;
          const other = m.side === "left" ? "right" : "left";
          expect(v.measures.some((o) => o.code === m.code && o.side === other), `${nameOf(p)} ${m.code}`).toBe(true);
        }
      }
    }
  });

  it("records heel pain worse on the affected side at the first visit", () => {
    for (const p of patients.filter((q) => q.diagnosisSide !== "both")) {
      const first = p.visits[0]!.measures.filter((m) => m.code === "pain_heel_nprs");
      const affected = first.find((m) => m.side === p.diagnosisSide)!.value;
      const other = first.find((m) => m.side !== p.diagnosisSide)!.value;
      expect(affected, nameOf(p)).toBeGreaterThan(other);
    }
  });

  it("has exactly one method change, and notes and admin-rated visits on some assessments", () => {
    const changed = [...evaluations.values()].flatMap((e) => e.trends.filter((t) => t.methodChanged));
    expect(changed.map((t) => t.code)).toEqual(["ankle_df_nwb_ext_deg", "ankle_df_nwb_ext_deg"]);
    expect(patients.flatMap((p) => p.visits).filter((v) => v.notes).length).toBeGreaterThan(10);
    expect(demo.flatMap((p) => p.visits).some((v) => v.rater === "admin")).toBe(true);
  });

  it.each([...DEMO_EXPECTATIONS, ...NORTHSIDE_EXPECTATIONS])("$patient: fires $fires", (x) => {
    const e = evaluations.get(x.patient);
    expect(e, x.patient).toBeDefined();
    if (!e) return;
    expect([...new Set(e.flags.map((f) => f.id))].sort()).toEqual([...x.fires].sort());
    if (x.noFlags) {
      expect(e.flags).toEqual([]);
      expect(e.status).toBe("none");
    }
    expect(e.status === "refer").toBe(Boolean(x.redFlag));
    const escalated = (["hip", "back"] as const).filter((r) => e.regions[r].escalated && e.regions[r].level !== e.regions[r].baseLevel);
    for (const r of x.escalates ?? []) expect(e.regions[r].escalated, `${x.patient} ${r}`).toBe(true);
    expect(escalated.every((r) => (x.escalates ?? []).includes(r)), `${x.patient} escalated ${escalated}`).toBe(true);
    const stale = e.notEvaluated.filter((n) => n.skippedStale.length > 0).map((n) => n.id);
    expect(stale).toEqual(x.stale ?? []);
  });

  it("has a no-flag demo patient with every rule evaluated", () => {
    const quiet = DEMO_EXPECTATIONS.filter((x) => x.noFlags);
    expect(quiet.length).toBeGreaterThanOrEqual(1);
    for (const x of quiet) expect(evaluations.get(x.patient)!.notEvaluated).toEqual([]);
  });

  it("fires every rule of rules.md v2 for at least one demo-clinic patient, both tiers where graded", () => {
    const flags = demo.flatMap((p) => evaluations.get(nameOf(p))!.flags);
    const fired = new Set(flags.map((f) => f.id));
    for (const id of Object.keys(EVERY_RULE) as RuleId[]) expect(fired.has(id), id).toBe(true);
    for (const id of ["FPI_PRONATED", "TRENDELENBURG"] as const) {
      const severities = new Set(flags.filter((f) => f.id === id).map((f) => f.severity));
      expect([...severities].sort(), id).toEqual(["low", "moderate"]);
    }
    expect(DEMO_EXPECTATIONS.some((x) => x.redFlag)).toBe(true);
    // Each red-flag tier once: an emergency and an urgent RED_FLAG (refer), and a review-only patient
    // whose RED_FLAG_REVIEW raises the status to high without "refer".
    const tiers = new Set(flags.filter((f) => f.id === "RED_FLAG").map((f) => f.tier));
    expect([...tiers].sort()).toEqual(["emergency", "urgent"]);
    const reviewOnly = demo.filter((p) => {
      const e = evaluations.get(nameOf(p))!;
      return e.flags.some((f) => f.id === "RED_FLAG_REVIEW") && !e.flags.some((f) => f.id === "RED_FLAG");
    });
    expect(reviewOnly.length).toBeGreaterThanOrEqual(1);
    for (const p of reviewOnly) expect(evaluations.get(nameOf(p))!.status, nameOf(p)).toBe("high");
    // A pain rating that moved by one point is shown as within measurement error (rules.md v2).
    const painOnePoint = demo.flatMap((p) => evaluations.get(nameOf(p))!.trends).filter((t) => t.code.startsWith("pain_") && Math.abs(t.delta) === 1);
    expect(painOnePoint.length).toBeGreaterThanOrEqual(1);
    for (const t of painOnePoint) expect(t.label, `${t.code}:${t.side}`).toBe("within_error");
    // Chain escalation that visibly raises a level (not only "high stays high").
    expect(demo.some((p) => (["hip", "back"] as const).some((r) => {
      const region = evaluations.get(nameOf(p))!.regions[r];
      return region.escalated && region.level !== region.baseLevel;
    }))).toBe(true);
  });

  it("is deterministic for a given now", () => {
    expect(generateDemoPatients(now)).toEqual(patients);
  });
});

describe("demo users", () => {
  it("are the contract's sign-ins", () => {
    expect(DEMO_USERS.map((u) => [u.email, u.password, u.role])).toEqual([
      ["demo@clinic.test", "demo-clinician", "clinician"],
      ["admin@clinic.test", "demo-admin-pass", "admin"],
      ["north@clinic.test", "demo-north-pass", "clinician"],
    ]);
  });
});

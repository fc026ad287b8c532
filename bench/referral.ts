// Benchmark of the referral note (issue 19): from a patient's history to PDF bytes, i.e. evaluate
// the flags, assemble the note's model and render it with react-pdf, for the demo's back-pain case
// and for a 300-visit patient. Goal: under 1 s per referral at 300 visits (it was 2.1 s when every
// visit was charted). The database read is left out: it is the same query as the patient page's.
import { evaluate } from "../lib/clinical/evaluate";
import { buildReferralNote } from "../lib/referrals/note/build";
import { backPainCase, longHistoryCase } from "../lib/referrals/note/fixtures";
import type { ReferralNoteInput } from "../lib/referrals/note/types";
import { renderNotePdf } from "../lib/referrals/pdf/render";

export const REFERRAL_GOAL_MS = 1000;
const RUNS = 7;

export interface ReferralBenchRow {
  name: string;
  visits: number;
  runs: number;
  medianMs: number;
  maxMs: number;
  kb: number;
}

async function once(input: ReferralNoteInput): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const evaluation = evaluate(input.history);
  const note = buildReferralNote({ ...input, evaluation });
  const pdf = await renderNotePdf(note);
  return { ms: performance.now() - started, bytes: pdf.byteLength };
}

export async function runReferralBench(): Promise<{ rows: ReferralBenchRow[]; goalMs: number; ok: boolean }> {
  const cases: [string, ReferralNoteInput][] = [
    ["demo back-pain case", backPainCase("spine")],
    // Synthetic patient 6 fires 17 rules (24 flags): the most of the first 40, so the note is as full as it gets.
    ["synthetic, 17 rules firing", longHistoryCase(300, 6)],
    ["synthetic, 17 rules firing", longHistoryCase(1000, 6)],
  ];
  // The first render loads the fonts and warms react-pdf's layout engine.
  await once(cases[0]![1]);
  const rows: ReferralBenchRow[] = [];
  for (const [name, input] of cases) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await once(input);
      times.push(r.ms);
      bytes = r.bytes;
    }
    times.sort((a, b) => a - b);
    rows.push({ name, visits: input.history.assessments.length, runs: RUNS, medianMs: times[Math.floor(RUNS / 2)]!, maxMs: times.at(-1)!, kb: bytes / 1024 });
  }
  const at300 = rows.find((r) => r.visits === 300);
  return { rows, goalMs: REFERRAL_GOAL_MS, ok: at300 !== undefined && at300.medianMs < REFERRAL_GOAL_MS };
}

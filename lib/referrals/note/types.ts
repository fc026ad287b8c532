// The referral note as one assembled model (issue 19): built once by build.ts from the input
// below, then rendered twice, by the PDF (lib/referrals/pdf) and by the HTML views
// (components/referrals/ReferralNoteView). Neither renderer decides content; they only lay out.
import type { Side } from "@/lib/clinical/measures";
import type { Evaluation, PatientHistory } from "@/lib/clinical/types";
import type { Differential } from "../differentials";
import type { ReferralSection, SectionKey, Specialty, Urgency } from "../schemas";

export interface ReferralAuthor {
  name: string;
  clinicName: string;
  registrationNumber: string | null;
}

/** Hip or back pain relative to the heel pain (issue 18's history model). */
export interface RelatedPain {
  /** Present before the heel pain began. */
  beforeHeel: "yes" | "no" | "unknown";
  /** ISO date (YYYY-MM-DD), when known. */
  onset: string | null;
}

/** The patient's clinical history as the note needs it; every part may be unrecorded. */
export interface ClinicalHistory {
  /** Heel-pain onset (YYYY-MM-DD) per side, when recorded. */
  heelPainOnset: Partial<Record<"left" | "right", string | null>>;
  hipPain: RelatedPain | null;
  backPain: RelatedPain | null;
  /** Comorbidities as words ("Diabetes", "Other: gout"). */
  comorbidities: string[];
  medications: string | null;
  imaging: { date: string; kind: string; finding: string }[];
}

export const EMPTY_CLINICAL_HISTORY: ClinicalHistory = {
  heelPainOnset: {},
  hipPain: null,
  backPain: null,
  comorbidities: [],
  medications: null,
  imaging: [],
};

/** One treatment course: what, how much, when, and what it did. */
export interface TreatmentCourse {
  /** Words, e.g. "Orthoses" or "Injection: corticosteroid × 1". */
  name: string;
  dose: string | null;
  /** ISO instants. */
  startedAt: string;
  endedAt: string | null;
  response: "better" | "same" | "worse" | null;
}

/** The stored referral's own fields (what the referrer chose and wrote). */
export interface ReferralFields {
  specialty: Specialty;
  specialtyLabel: string;
  urgency: Urgency;
  question: string | null;
  diagnosisBasis: string | null;
  differentialsExcluded: Differential[];
  differentialOther: string | null;
  comment: string | null;
  version: number;
  status: "draft" | "final" | "superseded";
  createdAt: string;
  finalizedAt: string | null;
  finalizedByName: string | null;
  /** Stored sections: which are included, and the ones the referrer rewrote. Empty = all generated. */
  sections: ReferralSection[];
}

export interface NotePatient {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
  diagnosisSide: "left" | "right" | "both";
  mrn: string | null;
  heightCm: number | null;
}

export interface ReferralNoteInput {
  referral: ReferralFields;
  patient: NotePatient;
  author: ReferralAuthor;
  /** Visits up to the note's reference time, oldest first. */
  history: PatientHistory;
  evaluation: Evaluation;
  clinical: ClinicalHistory;
  treatments: readonly TreatmentCourse[];
  /** The note's reference time (ISO): finalisation, or now for a draft. */
  asOf: string;
}

// ---- the assembled model ----

export interface NoteTable {
  columns: string[];
  rows: string[][];
}

/** One flag rule, its sides together ("left 8°, right 7.5°"). */
export interface FlagLine {
  id: string;
  title: string;
  regions: string;
  /** The values used, sides together, with their date. */
  values: string;
  /** "moderate", or "left moderate, right low". */
  severity: string;
  grade: string | null;
  threshold: string;
}

export interface ScreenItem {
  label: string;
  tier: string;
  ticked: boolean;
}

export interface NoteFlags {
  leadTitle: string;
  lead: FlagLine[];
  /** The red-flag screen of the latest visit item by item (spine referrals), else null. */
  screen: { date: string; items: ScreenItem[] } | null;
  /** One sentence on the red-flag screen when it is not listed item by item. */
  screenSummary: string | null;
  othersTitle: string;
  others: FlagLine[];
}

export interface ChartSeriesModel {
  side: Side;
  /** x in 0..1 across the chart window. */
  points: { x: number; value: number }[];
}

export interface NoteChart {
  code: string;
  title: string;
  yMin: number;
  yMax: number;
  yMinLabel: string;
  yMaxLabel: string;
  normalBand: { low: number; high: number } | null;
  mdcBands: { side: Side; low: number; high: number }[];
  series: ChartSeriesModel[];
  /** The chart in words (also what makes it searchable in the PDF). */
  caption: string;
}

export interface NoteCharts {
  /** "12 Dec 2025 – 29 Nov 2026 (the last 12 months)" */
  window: string;
  firstDate: string;
  lastDate: string;
  charts: NoteChart[];
  /** What the markers and bands mean, once for all charts. */
  legend: string;
  /** Charts left out for space, in words; null when none. */
  omitted: string | null;
}

export interface AppendixEntry {
  id: string;
  title: string;
  severity: string;
  regions: string;
  grade: string | null;
  threshold: string;
  values: string;
  explanation: string;
  source: string;
}

export type NoteBody =
  | { kind: "text"; text: string }
  | { kind: "table"; table: NoteTable; empty: string }
  | { kind: "flags"; flags: NoteFlags }
  | { kind: "charts"; charts: NoteCharts }
  | { kind: "appendix"; entries: AppendixEntry[] };

export interface NoteBlock {
  key: SectionKey;
  title: string;
  body: NoteBody;
  /** Starts a new page in print (the appendix). */
  newPage: boolean;
}

export interface ReferralNote {
  /** PDF metadata: Title "Referral: patient, specialty, date"; Author the referring clinician. */
  documentTitle: string;
  documentAuthor: string;
  heading: string;
  patientLine: string;
  metaLine: string;
  statusLine: string;
  footer: string;
  blocks: NoteBlock[];
}

// The referral note assembled once (issue 19), pure: page one (question, urgency with its reason,
// patient, chronology, diagnosis and differentials, key findings, treatments, imaging,
// comorbidities), the flags for the specialty, the charts, earlier history in words, and the
// appendix with the evidence of every flag. The PDF and the HTML views render this model and
// nothing else, so they show the same content. A section the referrer rewrote shows their text
// instead of the generated content; a section they left out is not shown anywhere.
import { formatDate } from "@/lib/clinical/format";
import { latestScreenOf } from "@/lib/clinical/rules-red-flags";
import type { Evaluation, Level, Status } from "@/lib/clinical/types";
import { suggestUrgency } from "../assemble";
import { LEGACY_SECTION_KEYS, NOTE_SECTION_KEYS, URGENCY_LABELS, type ReferralSection, type SectionKey } from "../schemas";
import { appendixEntries, leadRegion, noteFlags } from "./flags";
import { earlierHistoryText, noteCharts } from "./charts";
import { chronologyText, comorbiditiesText, diagnosisText, imagingTable, keyFindingsTable, patientText, treatmentTable } from "./page-one";
import type { NoteBlock, NoteBody, NoteFlags, ReferralAuthor, ReferralNote, ReferralNoteInput } from "./types";

export const SECTION_TITLES: Record<SectionKey, string> = {
  question: "Question for the recipient",
  urgency: "Urgency",
  patient: "Patient",
  chronology: "Chronology",
  diagnosis: "Diagnosis and differentials excluded",
  key_findings: "Key findings: latest against baseline",
  treatment: "Treatments and response",
  imaging: "Imaging and investigations",
  comorbidities: "Comorbidities and medications",
  flags: "Flags for this referral",
  charts: "Flagged measures over time",
  history: "Earlier history",
  comment: "Clinician's comment",
  referrer: "Referring clinician",
  appendix: "Appendix: evidence for each flag",
  reason: "Reason for referral",
  presenting_problem: "Presenting problem",
  changes: "Findings that changed beyond measurement error",
  current_values: "Current values (left, right)",
};

export const QUESTION_NOT_WRITTEN = "Question not yet written.";

const LEVEL_WORDS: Record<Level, string> = { high: "high", moderate: "moderate", low: "low", none: "no flag" };
const statusWords = (s: Status) => (s === "refer" ? "refer (red flag)" : LEVEL_WORDS[s]);

/** From the user profile, never typed into the note. */
export function referrerText(author: ReferralAuthor): string {
  return [author.name, author.clinicName, `Registration number: ${author.registrationNumber ?? "not recorded in the profile"}`].join("\n");
}

function urgencyText(input: ReferralNoteInput): string {
  const e: Evaluation = input.evaluation;
  const chosen = input.referral.urgency;
  const suggestion = suggestUrgency(e, leadRegion(input.referral.specialty, e));
  const region = (name: string, key: "heel" | "hip" | "back") =>
    `${name} ${LEVEL_WORDS[e.regions[key].level]}${e.regions[key].escalated && e.regions[key].level !== e.regions[key].baseLevel ? " (raised by chain escalation)" : ""}`;
  return [
    `${URGENCY_LABELS[chosen]}${chosen === suggestion.urgency ? ", as suggested from the data" : `; suggested from the data: ${URGENCY_LABELS[suggestion.urgency].toLowerCase()}`}.`,
    `Reason: ${suggestion.reason}`,
    `Status: ${statusWords(e.status)}. ${[region("Heel", "heel"), region("hip", "hip"), region("low back", "back")].join("; ")}. The flags are monitoring prompts backed by cited evidence, not diagnoses.`,
  ].join("\n");
}

function generatedBody(key: SectionKey, input: ReferralNoteInput, flags: NoteFlags): NoteBody | null {
  const r = input.referral;
  switch (key) {
    case "question":
      return { kind: "text", text: r.question?.trim() || QUESTION_NOT_WRITTEN };
    case "urgency":
      return { kind: "text", text: urgencyText(input) };
    case "patient":
      return { kind: "text", text: patientText(input) };
    case "chronology":
      return { kind: "text", text: chronologyText(input) };
    case "diagnosis":
      return { kind: "text", text: diagnosisText(input) };
    case "key_findings":
      return { kind: "table", table: keyFindingsTable(input), empty: "No values recorded." };
    case "treatment":
      return { kind: "table", table: treatmentTable(input.treatments), empty: "No treatment recorded." };
    case "imaging":
      return { kind: "table", table: imagingTable(input.clinical), empty: "No imaging or investigation recorded." };
    case "comorbidities":
      return { kind: "text", text: comorbiditiesText(input.clinical) };
    case "flags":
      return { kind: "flags", flags };
    case "charts": {
      const charts = noteCharts(input.history, input.evaluation, flags.lead.map((l) => l.id));
      return charts && charts.charts.length > 0 ? { kind: "charts", charts } : null;
    }
    case "history":
      return { kind: "text", text: earlierHistoryText(input.history, input.evaluation, flags.lead.map((l) => l.id)) };
    case "comment":
      return r.comment?.trim() ? { kind: "text", text: r.comment.trim() } : null;
    case "referrer":
      return { kind: "text", text: referrerText(input.author) };
    case "appendix": {
      const entries = appendixEntries(input.evaluation);
      return entries.length > 0 ? { kind: "appendix", entries } : null;
    }
    default:
      return null;
  }
}

const LEGACY: ReadonlySet<string> = new Set(LEGACY_SECTION_KEYS);

/** Which sections, in which order, with the referrer's choices; a new note has every section. */
function layout(stored: readonly ReferralSection[]): { key: SectionKey; stored?: ReferralSection }[] {
  if (stored.length === 0) return NOTE_SECTION_KEYS.map((key) => ({ key }));
  const out: { key: SectionKey; stored?: ReferralSection }[] = stored.map((s) => ({ key: s.key, stored: s }));
  // Notes written before issue 19 had their charts drawn after the sections, and no appendix.
  // They get the question (once written) in front.
  if (!stored.some((s) => s.key === "question")) return [{ key: "question" }, ...out, { key: "charts" }, { key: "appendix" }];
  return out;
}

export function buildReferralNote(input: ReferralNoteInput): ReferralNote {
  const r = input.referral;
  const p = input.patient;
  // The latest screen as the engine reads it (visits recorded at the same moment are one screen).
  const found = latestScreenOf(input.history.assessments.map((a) => ({ takenAt: a.takenAt, time: Date.parse(a.takenAt), redFlags: a.redFlags ?? null })));
  const flags = noteFlags(input.evaluation, r.specialty, found ? { takenAt: found.visit.takenAt, redFlags: found.ticked } : undefined);
  const blocks: NoteBlock[] = [];
  for (const { key, stored } of layout(r.sections)) {
    if (stored && !stored.included) continue;
    let body: NoteBody | null;
    // The question lives in its own column, kept equal to the section's text.
    if (key === "question") body = generatedBody(key, input, flags);
    else if (stored && (stored.edited || LEGACY.has(key) || key === "referrer")) body = stored.text.trim() ? { kind: "text", text: stored.text } : null;
    else body = generatedBody(key, input, flags);
    if (body) blocks.push({ key, title: stored?.title ?? SECTION_TITLES[key], body, newPage: key === "appendix" });
  }
  const date = formatDate(r.finalizedAt ?? r.createdAt);
  const name = `${p.givenName} ${p.familyName}`;
  return {
    documentTitle: `Referral: ${name}, ${r.specialtyLabel}, ${date}`,
    documentAuthor: input.author.name,
    heading: `Referral to ${r.specialtyLabel.toLowerCase()}`,
    patientLine: `${name}, born ${formatDate(p.birthDate)}${p.mrn ? `, MRN ${p.mrn}` : ""}`,
    metaLine: [`Urgency: ${URGENCY_LABELS[r.urgency]}`, `Version ${r.version}`, `Written ${formatDate(r.createdAt)}`, `${input.author.name}, ${input.author.clinicName}`].join("  ·  "),
    statusLine:
      r.status === "draft"
        ? "DRAFT: not finalised"
        : `Finalised by ${r.finalizedByName ?? "unknown"} on ${formatDate(r.finalizedAt ?? "")}${r.status === "superseded" ? " (superseded by a newer version)" : ""}`,
    footer: `${name} · referral v${r.version} · ${input.author.clinicName}`,
    blocks,
  };
}

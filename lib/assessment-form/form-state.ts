// What the assessment form holds (text as typed), and the conversions to and from the schema's
// assessment input. Pure: the browser form, the draft store, the server action and the unit tests
// use the same functions, so a value means the same thing on both sides of the wire.
import { MEASURES, RED_FLAG_CODES, type MeasureCode, type RedFlagCode, type Side } from "@/lib/clinical/measures";
import {
  FIELD_ORDER,
  fieldKey,
  methodError,
  methodInputId,
  parseDecimalText,
  valueError,
  valueInputId,
  type FieldKey,
} from "./fields";
import { localToIso, normaliseLocalDateTime } from "./datetime";
import type { QuestionnaireFormState, QuestionnairePayloadItem } from "@/lib/questionnaires/form";
import { questionnaireIssueField } from "@/lib/questionnaires/form-issues";

export interface AssessmentFormState {
  /** The date-time field's text ("2026-03-12 09:30"), the browser's wall-clock time. */
  takenAtLocal: string;
  /** Raw text per code+side, exactly as typed (never reformatted, so nothing is rounded away). */
  values: Partial<Record<FieldKey, string>>;
  /** One optional method note per measure, applied to both sides. */
  methods: Partial<Record<MeasureCode, string>>;
  redFlags: RedFlagCode[];
  notes: string;
  /** Amend mode only: why the visit is corrected. */
  reason: string;
  /** Item answers and PSFS activities as typed (lib/questionnaires/form.ts). */
  questionnaires?: QuestionnaireFormState;
  /** "" = not recorded. */
  footwear?: string;
}

export function emptyFormState(takenAtLocal = ""): AssessmentFormState {
  return { takenAtLocal, values: {}, methods: {}, redFlags: [], notes: "", reason: "" };
}

/** Errors keyed by DOM id of the field they belong to (so the summary can link to the field). */
export type FieldErrors = Record<string, string>;

export interface AssessmentPayload {
  takenAt: string;
  measures: { code: MeasureCode; side: Side; value: number; method?: string }[];
  redFlags: RedFlagCode[];
  notes?: string;
  questionnaires?: QuestionnairePayloadItem[];
  footwear?: string | null;
}

export const TAKEN_AT_ID = "takenAt";
export const NOTES_ID = "notes";
export const REASON_ID = "amend-reason";
export const RED_FLAGS_ID = "red-flags";

/** Every field's client-side error; empty when the form may be sent. */
export function validateForm(state: AssessmentFormState, options: { requireReason?: boolean } = {}): FieldErrors {
  const errors: FieldErrors = {};
  if (!state.takenAtLocal.trim()) errors[TAKEN_AT_ID] = "Date and time taken is required (YYYY-MM-DD HH:MM)";
  else if (!normaliseLocalDateTime(state.takenAtLocal)) {
    errors[TAKEN_AT_ID] = `Date and time taken must be a real date and time written YYYY-MM-DD HH:MM, e.g. 2026-03-12 09:30`;
  }
  for (const { code, side, key } of FIELD_ORDER) {
    const message = valueError(code, side, state.values[key] ?? "");
    if (message) errors[valueInputId(code, side)] = message;
  }
  for (const [code, text] of Object.entries(state.methods)) {
    const message = methodError(text ?? "");
    if (message) errors[methodInputId(code as MeasureCode)] = message;
  }
  if (state.notes.length > 5000) errors[NOTES_ID] = "Notes are longer than 5000 characters";
  if (options.requireReason) {
    const reason = state.reason.trim();
    if (reason.length < 3 || reason.length > 500) errors[REASON_ID] = "Say why the visit is corrected (3 to 500 characters)";
  }
  return errors;
}

/** The schema's input from the form: blank fields are left out, method notes attached per side. */
export function toAssessmentPayload(state: AssessmentFormState, offsetMinutes: number): AssessmentPayload {
  const measures: AssessmentPayload["measures"] = [];
  for (const { code, side, key } of FIELD_ORDER) {
    const value = parseDecimalText(state.values[key] ?? "");
    if (value === undefined) continue;
    const method = state.methods[code]?.trim();
    measures.push({ code, side, value, ...(method ? { method } : {}) });
  }
  const notes = state.notes.trim() ? state.notes : undefined;
  return {
    takenAt: localToIso(normaliseLocalDateTime(state.takenAtLocal) ?? "", offsetMinutes) ?? state.takenAtLocal,
    measures,
    redFlags: RED_FLAG_CODES.filter((f) => state.redFlags.includes(f)),
    ...(notes ? { notes } : {}),
  };
}

/** A stored visit back into form text, for the amend page. */
export function formStateFromVisit(
  visit: { measures: { code: string; side: Side; value: number; method: string | null }[]; redFlags: string[]; notes: string | null },
  takenAtLocal: string,
): AssessmentFormState {
  const state = emptyFormState(takenAtLocal);
  for (const m of visit.measures) {
    if (!(m.code in MEASURES)) continue;
    const code = m.code as MeasureCode;
    state.values[fieldKey(code, m.side)] = String(m.value);
    if (m.method && !state.methods[code]) state.methods[code] = m.method;
  }
  state.redFlags = RED_FLAG_CODES.filter((f) => visit.redFlags.includes(f));
  state.notes = visit.notes ?? "";
  return state;
}

export interface ServerIssue {
  path: string;
  message: string;
}

/**
 * The server's issues ("measures[3].value: 57 is outside…") mapped onto the form's fields, using
 * the payload that was sent to know which code and side measures[3] was. Issues that belong to no
 * field (the whole body) are returned as general messages.
 */
export function errorsFromServerIssues(issues: ServerIssue[], payload: AssessmentPayload): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const measure = /^measures\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
    let id: string | undefined;
    let message = issue.message;
    if (measure) {
      const sent = payload.measures[Number(measure[1])];
      if (sent) {
        if (measure[2] === "method") id = methodInputId(sent.code);
        else {
          id = valueInputId(sent.code, sent.side);
          message = valueError(sent.code, sent.side, String(sent.value)) ?? issue.message;
        }
      }
    } else if (issue.path.startsWith("questionnaires") || issue.path.startsWith("footwear")) id = questionnaireIssueField(issue.path, payload.questionnaires ?? []);
    else if (issue.path.startsWith("takenAt")) {
      id = TAKEN_AT_ID;
      // The API names the field and echoes the ISO value ("takenAt 2027-06-01T09:00:00Z is in the
      // future"); beside the form's own field that reads as internal text.
      message = message.replace(/^takenAt \S+ /, "This date and time ");
    }
    else if (issue.path.startsWith("notes")) id = NOTES_ID;
    else if (issue.path.startsWith("reason")) id = REASON_ID;
    else if (issue.path.startsWith("redFlags")) id = RED_FLAGS_ID;
    if (id && !fields[id]) fields[id] = message;
    else if (!id) general.push(issue.path && issue.path !== "body" ? `${issue.path}: ${message}` : message);
  }
  return { fields, general };
}

/** How many values the form holds (for the save button and the draft notice). */
export function countValues(state: AssessmentFormState): number {
  return FIELD_ORDER.filter(({ key }) => (state.values[key] ?? "").trim() !== "").length;
}

/** What a save (new visit or correction) answers; the form keeps every entry unless "saved". */
export type SaveResult =
  | { status: "idle" }
  | { status: "saved"; redirectTo: string }
  | { status: "rejected"; message: string; issues: ServerIssue[] }
  | { status: "failed"; message: string };

/** A correction's body: the visit plus why it is corrected. */
export type AmendPayload = AssessmentPayload & { reason: string };

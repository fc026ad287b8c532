// A half-filled assessment kept in the browser (localStorage) until it is saved, so a reload, a
// crashed tab or a lost connection loses nothing. Storage is untrusted (old versions, other tabs,
// hand edits): a draft is checked with zod on the way in and dropped when it does not fit.
import { z } from "zod";
import { RED_FLAG_CODES } from "@/lib/clinical/measures";
import type { AssessmentFormState } from "./form-state";
import { ITEM_INSTRUMENTS } from "@/lib/questionnaires/instruments";

const DRAFT_VERSION = 1;

/** Per patient for a new visit, per visit for a correction: two drafts never overwrite each other. */
export function draftKey(scope: { patientId: string } | { assessmentId: string }): string {
  return "patientId" in scope ? `stride:assessment-draft:new:${scope.patientId}` : `stride:assessment-draft:amend:${scope.assessmentId}`;
}

const draftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  savedAt: z.string(),
  state: z.object({
    takenAtLocal: z.string().max(40),
    values: z.record(z.string(), z.string().max(50)),
    methods: z.record(z.string(), z.string().max(500)),
    redFlags: z.array(z.enum(RED_FLAG_CODES)),
    notes: z.string().max(10_000),
    reason: z.string().max(1000).default(""),
    questionnaires: z
      .object({
        items: z.partialRecord(z.enum(ITEM_INSTRUMENTS), z.array(z.string().max(4)).max(30)),
        psfs: z.array(z.object({ name: z.string().max(200), score: z.string().max(4) })).max(10),
      })
      .optional(),
    footwear: z.string().max(20).optional(),
  }),
});

export interface StoredDraft {
  savedAt: string;
  state: AssessmentFormState;
}

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function serializeDraft(state: AssessmentFormState, savedAt: Date): string {
  return JSON.stringify({ version: DRAFT_VERSION, savedAt: savedAt.toISOString(), state });
}

export function parseDraft(text: string | null): StoredDraft | undefined {
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = draftSchema.safeParse(json);
  if (!result.success) return undefined;
  return { savedAt: result.data.savedAt, state: result.data.state as AssessmentFormState };
}

/** Storage may be missing or full (private mode, quota): a draft is a safety net, never an error. */
export function loadDraft(storage: KeyValueStorage | undefined, key: string): StoredDraft | undefined {
  try {
    return parseDraft(storage?.getItem(key) ?? null);
  } catch {
    return undefined;
  }
}

export function saveDraft(storage: KeyValueStorage | undefined, key: string, state: AssessmentFormState, now = new Date()): boolean {
  try {
    storage?.setItem(key, serializeDraft(state, now));
    return !!storage;
  } catch {
    return false;
  }
}

export function clearDraft(storage: KeyValueStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a draft that cannot be removed is replaced by the next one.
  }
}

/** Whether the form holds anything worth keeping (a default date alone is not a draft). */
export function hasContent(state: AssessmentFormState): boolean {
  return (
    Object.values(state.values).some((v) => (v ?? "").trim() !== "") ||
    Object.values(state.methods).some((v) => (v ?? "").trim() !== "") ||
    state.redFlags.length > 0 ||
    state.notes.trim() !== "" ||
    state.reason.trim() !== "" ||
    Object.values(state.questionnaires?.items ?? {}).some((answers) => answers?.some((a) => a !== "")) ||
    (state.questionnaires?.psfs ?? []).some((r) => r.name.trim() !== "" || r.score !== "") ||
    !!state.footwear
  );
}

// The flag CLI's input (contract section 2) checked the way the API checks a visit: an unknown
// field of an assessment is refused with its path (a misspelt "mesures" would otherwise drop the
// values silently), and questionnaires' item answers are scored into the measures as the API does.
// Pure: no I/O.
import { mergeScores, parseQuestionnaires, type PathIssue } from "@/lib/questionnaires/input";
import { unknownKeyIssues } from "@/lib/validation/unknown-keys";
import type { PatientHistory } from "@/lib/clinical/types";
import { firstIssueLine, formatIssue, historyInputSchema } from "@/lib/clinical/validation";
// The fields of an assessment, as in the API's body; `footwear` is accepted and does not change the flags.
import { ASSESSMENT_KEYS } from "./input";

/** The history to evaluate, or the one line that names the first bad field. */
export function parseHistoryInput(json: unknown): { history: PatientHistory } | { error: string } {
  const parsed = historyInputSchema.safeParse(json);
  if (!parsed.success) return { error: firstIssueLine(parsed.error) };
  const raw = (json as { assessments: unknown[] }).assessments;
  const assessments = [];
  for (const [i, assessment] of parsed.data.assessments.entries()) {
    const at = (issue: PathIssue) => formatIssue({ path: ["assessments", i, ...issue.path], message: issue.message });
    const unknown = unknownKeyIssues(raw[i], ASSESSMENT_KEYS);
    if (unknown.length) return { error: at(unknown[0]!) };
    const questionnaires = parseQuestionnaires((raw[i] as { questionnaires?: unknown }).questionnaires);
    if (questionnaires.issues.length) return { error: at(questionnaires.issues[0]!) };
    const merged = mergeScores(assessment.measures, questionnaires.questionnaires);
    if (merged.issues.length) return { error: at(merged.issues[0]!) };
    assessments.push({ ...assessment, measures: merged.measures });
  }
  return { history: { ...parsed.data, assessments } };
}

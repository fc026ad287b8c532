// Under a visit's values in the patient's history: the footwear and the item answers behind each
// questionnaire score (item numbers only; the items' wording is the authors' and is not shown).
import { formatValue } from "@/lib/clinical/format";
import { FOOTWEAR_LABELS } from "@/lib/patients/history/labels";
import { ITEM_INSTRUMENT_DEFS, type QuestionnaireView } from "@/lib/questionnaires/instruments";
import type { AssessmentView } from "@/lib/assessments/queries";

function answersText(q: QuestionnaireView): string {
  if (q.instrument === "psfs") return `${q.activities.map((a) => `${a.name} ${a.score}`).join(", ")} → ${formatValue("psfs_mean", q.value)}`;
  return `${q.answers.map((a, i) => `${i + 1}: ${a === null ? "N/A" : a}`).join(", ")} → ${formatValue(q.code, q.value)}`;
}

export function VisitAnswers({ visit }: { visit: Pick<AssessmentView, "footwear" | "questionnaires"> }) {
  if (!visit.footwear && visit.questionnaires.length === 0) return null;
  return (
    <dl className="details">
      {visit.footwear ? (
        <div>
          <dt>Footwear</dt>
          <dd>{FOOTWEAR_LABELS[visit.footwear]}</dd>
        </div>
      ) : null}
      {visit.questionnaires.map((q) => (
        <div key={q.instrument}>
          <dt>{q.instrument === "psfs" ? "PSFS activities" : `${ITEM_INSTRUMENT_DEFS[q.instrument].label} item answers`}</dt>
          <dd>{answersText(q)}</dd>
        </div>
      ))}
    </dl>
  );
}

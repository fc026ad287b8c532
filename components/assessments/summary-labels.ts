// Field ids → the words the error summary uses for them (the same as the fields' labels).
import { MEASURES, type MeasureCode, type Side } from "@/lib/clinical/measures";
import { FIELD_ORDER, fieldLabel, methodInputId, valueInputId } from "@/lib/assessment-form/fields";
import { questionnaireFieldLabel } from "@/lib/questionnaires/form";
import { NOTES_ID, REASON_ID, RED_FLAGS_ID, TAKEN_AT_ID } from "@/lib/assessment-form/form-state";

const LABELS = new Map<string, string>([
  [TAKEN_AT_ID, "Date and time taken"],
  [NOTES_ID, "Notes"],
  [REASON_ID, "Reason for the correction"],
  [RED_FLAGS_ID, "Red-flag screen"],
  ...FIELD_ORDER.map(({ code, side }): [string, string] => [valueInputId(code, side as Side), fieldLabel(code, side)]),
  ...(Object.keys(MEASURES) as MeasureCode[]).map((code): [string, string] => [methodInputId(code), `Method, ${MEASURES[code].shortLabel.toLowerCase()}`]),
]);

export function summaryLabel(id: string): string {
  return LABELS.get(id) ?? questionnaireFieldLabel(id) ?? id;
}

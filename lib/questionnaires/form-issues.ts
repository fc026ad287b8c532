// The server's questionnaire issues ("questionnaires[0].answers[5]") mapped onto the form's fields,
// using the payload that was sent to know which instrument questionnaires[0] was.
import type { QuestionnairePayloadItem } from "./form";
import { FOOTWEAR_ID, PSFS_GROUP_ID, instrumentGroupId, itemSelectId, psfsNameId, psfsScoreId } from "./form";

export function questionnaireIssueField(path: string, sent: readonly QuestionnairePayloadItem[]): string | undefined {
  if (path.startsWith("footwear")) return FOOTWEAR_ID;
  const match = /^questionnaires\[(\d+)\](?:\.(answers|activities)(?:\[(\d+)\](?:\.(name|score))?)?)?/.exec(path);
  const q = match ? sent[Number(match[1])] : undefined;
  if (!match || !q) return undefined;
  const index = match[3] === undefined ? undefined : Number(match[3]);
  if (q.instrument === "psfs") {
    if (index === undefined) return PSFS_GROUP_ID;
    return match[4] === "name" ? psfsNameId(index) : psfsScoreId(index);
  }
  return index === undefined ? instrumentGroupId(q.instrument) : itemSelectId(q.instrument, index);
}

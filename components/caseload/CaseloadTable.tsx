// A list of caseload patients: name (to the patient), status as text + colour + shape, last visit,
// what changed at it, and a link to the trends. The table is server-built markup
// (caseload-table-markup), sent once.
import type { CaseloadPatient } from "@/lib/caseload/queries";
import { ServerMarkup } from "@/components/markup/ServerMarkup";
import { caseloadTableMarkup } from "./caseload-table-markup";

export function CaseloadTable({ caption, patients, now }: { caption: string; patients: CaseloadPatient[]; now: number }) {
  return <ServerMarkup className="table-wrap" html={caseloadTableMarkup(caption, patients, now)} />;
}

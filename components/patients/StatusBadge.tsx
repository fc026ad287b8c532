// Patient status as text + colour + shape; the definitions are in lib/patients/status-badge.
import type { PatientStatus } from "@/lib/patients/queries";
import { STATUS_LABELS, STATUS_SHAPES } from "@/lib/patients/status-badge";
import { innerHtml } from "@/lib/markup/html";

export function StatusBadge({ status }: { status: PatientStatus }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" dangerouslySetInnerHTML={innerHtml(STATUS_SHAPES[status])} />
      {STATUS_LABELS[status]}
    </span>
  );
}

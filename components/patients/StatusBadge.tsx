// Patient status as text + colour + shape (docs: ui.md): refer red octagon, high orange triangle,
// moderate amber diamond, low blue circle, none grey dash. The shape is decorative; the text says it.
import type { PatientStatus } from "@/lib/patients/queries";

export const STATUS_LABELS: Record<PatientStatus, string> = {
  refer: "Refer",
  high: "High",
  moderate: "Moderate",
  low: "Low",
  none: "No flags",
};

function Shape({ status }: { status: PatientStatus }) {
  switch (status) {
    case "refer":
      // An octagon with a white bar, like a stop sign, so it never reads as the "low" circle.
      return (
        <>
          <polygon points="4.7,0.5 11.3,0.5 15.5,4.7 15.5,11.3 11.3,15.5 4.7,15.5 0.5,11.3 0.5,4.7" fill="currentColor" />
          <rect x="3.5" y="6.75" width="9" height="2.5" fill="#fff" />
        </>
      );
    case "high":
      return <polygon points="8,1 15,15 1,15" fill="currentColor" />;
    case "moderate":
      return <polygon points="8,0.5 15.5,8 8,15.5 0.5,8" fill="currentColor" />;
    case "low":
      return <circle cx="8" cy="8" r="6.5" fill="currentColor" />;
    case "none":
      return <rect x="2" y="6.5" width="12" height="3" rx="1" fill="currentColor" />;
  }
}

export function StatusBadge({ status }: { status: PatientStatus }) {
  return (
    <span className={`status status-${status}`} data-status={status}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <Shape status={status} />
      </svg>
      {STATUS_LABELS[status]}
    </span>
  );
}

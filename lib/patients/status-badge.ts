// Patient status as text + colour + shape (docs: ui.md): refer red octagon, high orange triangle,
// moderate amber diamond, low blue circle, none grey dash. The shape is decorative; the text says
// it. One definition, used by the React badge (components/patients/StatusBadge).
import { svg, type Markup } from "@/lib/markup/html";
import type { PatientStatus } from "./queries";

export const STATUS_LABELS: Record<PatientStatus, string> = {
  refer: "Refer",
  high: "High",
  moderate: "Moderate",
  low: "Low",
  none: "No flags",
};

/** The inside of each status's 16×16 icon. */
export const STATUS_SHAPES: Record<PatientStatus, Markup> = {
  // An octagon with a white bar, like a stop sign, so it never reads as the "low" circle.
  refer: svg`<polygon points="4.7,0.5 11.3,0.5 15.5,4.7 15.5,11.3 11.3,15.5 4.7,15.5 0.5,11.3 0.5,4.7" fill="currentColor"></polygon><rect x="3.5" y="6.75" width="9" height="2.5" fill="#fff"></rect>`,
  high: svg`<polygon points="8,1 15,15 1,15" fill="currentColor"></polygon>`,
  moderate: svg`<polygon points="8,0.5 15.5,8 8,15.5 0.5,8" fill="currentColor"></polygon>`,
  low: svg`<circle cx="8" cy="8" r="6.5" fill="currentColor"></circle>`,
  none: svg`<rect x="2" y="6.5" width="12" height="3" rx="1" fill="currentColor"></rect>`,
};

// The urgency the "Create referral" form preselects, and its reason, from the flag engine's
// evaluation (pure). The note itself is assembled by lib/referrals/note/build.ts.
import { RED_FLAG_LABELS, type RedFlagCode } from "@/lib/clinical/measures";
import { formatDate } from "@/lib/clinical/format";
import type { Evaluation } from "@/lib/clinical/types";
import type { Urgency } from "./schemas";

export interface UrgencySuggestion {
  urgency: Urgency;
  /** Why, in words the form shows beside the preselected choice. */
  reason: string;
}

/** A red flag → urgent (and says why); any high-level flag → soon; otherwise routine. */
export function suggestUrgency(evaluation: Evaluation): UrgencySuggestion {
  const red = evaluation.flags.find((f) => f.id === "RED_FLAG");
  if (red) {
    const labels = red.inputs.map((i) => RED_FLAG_LABELS[i.code as RedFlagCode] ?? i.code);
    const when = red.inputs[0] ? ` on ${formatDate(red.inputs[0].takenAt)}` : "";
    return { urgency: "urgent", reason: `Red flag recorded${when}: ${labels.join("; ")}. A red flag means refer now.` };
  }
  const high = evaluation.flags.filter((f) => f.severity === "high");
  if (high.length > 0) {
    return { urgency: "soon", reason: `High-level flag: ${high.map((f) => f.title).join("; ")}.` };
  }
  return { urgency: "routine", reason: "No red flag and no high-level flag." };
}

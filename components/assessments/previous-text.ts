// "Previous: 8.5 cm on 12 Mar 2026 (goniometer)": formatted on the server so the client form
// renders the same text as the server did (no time-zone mismatch while hydrating).
import { isMeasureCode } from "@/lib/clinical/measures";
import { formatValue } from "@/lib/clinical/format";
import { formatDate } from "@/lib/format/dates";
import type { PreviousValue } from "@/lib/assessments/previous-values";

export function previousTexts(values: Record<string, PreviousValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, p] of Object.entries(values)) {
    const code = key.split(":")[0] ?? "";
    if (!isMeasureCode(code)) continue;
    out[key] = `Previous: ${formatValue(code, p.value)} on ${formatDate(p.takenAt)}${p.method ? ` (${p.method})` : ""}`;
  }
  return out;
}

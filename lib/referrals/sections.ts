// Reading the stored sections JSON back into typed sections. The column is written only by our
// mutations, but it is JSON: anything unexpected is dropped rather than trusted.
import { SECTION_KEYS, type ReferralSection, type SectionKey } from "./schemas";

const KEYS = new Set<string>(SECTION_KEYS);

export function parseSections(value: unknown): ReferralSection[] {
  if (!Array.isArray(value)) return [];
  const out: ReferralSection[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const s = item as Record<string, unknown>;
    if (typeof s.key !== "string" || !KEYS.has(s.key)) continue;
    out.push({
      key: s.key as SectionKey,
      title: typeof s.title === "string" ? s.title : s.key,
      text: typeof s.text === "string" ? s.text : "",
      included: s.included !== false,
      ...(s.edited === true ? { edited: true } : {}),
    });
  }
  return out;
}

// Stable UUIDs for resources that have no row of their own (a flag's RiskAssessment, the
// Condition): the same patient and rule give the same id in every export, so a receiving system
// can update instead of duplicating. Name-based, in the style of RFC 9562 version 5.
import { createHash } from "node:crypto";

export function stableUuid(...parts: string[]): string {
  const hex = createHash("sha1").update(parts.join("\u0000")).digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function urn(id: string): string {
  return `urn:uuid:${id}`;
}

// The note's blocks as plain text: what is stored as the note's sections (the API's JSON, the FHIR
// ServiceRequest's note, the editor's text areas). Same model as the PDF and the print view.
// Text a person reads names each rule by its title, never by its id (ids stay in the JSON and FHIR).
import { capitalise } from "@/lib/clinical/format";
import type { ReferralSection } from "../schemas";
import type { FlagLine, NoteBlock, NoteTable, ReferralNote } from "./types";

export function tableText(table: NoteTable, empty: string): string {
  if (table.rows.length === 0) return empty;
  return [table.columns.join(" | "), ...table.rows.map((r) => r.join(" | "))].join("\n");
}

export function flagLineText(l: FlagLine, detail: boolean): string {
  const grade = l.grade ? `, evidence grade ${l.grade}` : "";
  return detail
    ? `• ${l.title}: ${l.values}. ${capitalise(l.severity)}${grade}${l.threshold ? `; fires when ${l.threshold}` : ""}.`
    : `• ${l.title}: ${l.values}. ${capitalise(l.severity)}${grade}.`;
}

export function blockText(block: NoteBlock): string {
  const b = block.body;
  switch (b.kind) {
    case "text":
      return b.text;
    case "table":
      return tableText(b.table, b.empty);
    case "flags": {
      const f = b.flags;
      const lines: string[] = [`${f.leadTitle}:`, ...(f.lead.length ? f.lead.map((l) => flagLineText(l, true)) : ["• none"])];
      if (f.screen) {
        lines.push(`Red-flag screen of ${f.screen.date}, item by item:`);
        for (const i of f.screen.items) lines.push(`${i.ticked ? "☒ ticked" : "☐ not ticked"}: ${i.label} (${i.tier})`);
      }
      if (f.screenSummary) lines.push(f.screenSummary);
      if (f.others.length) lines.push(`${f.othersTitle}:`, ...f.others.map((l) => flagLineText(l, false)));
      return lines.join("\n");
    }
    case "charts":
      return [b.charts.window, b.charts.legend, ...b.charts.charts.map((c) => `${c.title}: ${c.caption}`), ...(b.charts.omitted ? [b.charts.omitted] : [])].join("\n");
    case "appendix":
      return b.entries
        .map((e) =>
          [
            `${e.title}: ${e.severity}; regions: ${e.regions}; evidence grade ${e.grade ?? "–"}.`,
            `${e.threshold ? `Fires when ${e.threshold}. ` : ""}Values: ${e.values}.`,
            e.explanation,
            `Source: ${e.source}.`,
          ].join("\n"),
        )
        .join("\n\n");
  }
}

/** The stored sections of a new note: every block's text, all included. */
export function sectionsOf(note: ReferralNote): ReferralSection[] {
  return note.blocks.map((b) => ({ key: b.key, title: b.title, text: blockText(b), included: true }));
}

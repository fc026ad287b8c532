// The values of one visit (left | right with units, and methods) as an HTML string, rendered when
// the visit is opened (app/(app)/assessments/[id]/values-action.tsx). Every text is escaped.
import { escapeXml } from "@/lib/markup/escape";
import type { ValueLine } from "./history-rows";
import styles from "./history.module.css";

const NONE = '<span class="muted">—</span>';

export function valuesTableMarkup(row: { values: ValueLine[]; dateText: string }): string {
  if (row.values.length === 0) return "<p>No measure values recorded at this visit.</p>";
  const body = row.values
    .map((v) => {
      const sides = v.whole !== undefined ? `<td colspan="2">${escapeXml(v.whole)}</td>` : `<td>${v.left !== undefined ? escapeXml(v.left) : NONE}</td><td>${v.right !== undefined ? escapeXml(v.right) : NONE}</td>`;
      return `<tr><th scope="row">${escapeXml(v.label)}</th>${sides}<td>${v.methods ? escapeXml(v.methods) : NONE}</td></tr>`;
    })
    .join("");
  return (
    `<table class="${styles.valuesTable}"><caption class="visually-hidden">Values of the visit on ${escapeXml(row.dateText)}</caption>` +
    '<thead><tr><th scope="col">Measure</th><th scope="col">Left</th><th scope="col">Right</th><th scope="col">Method</th></tr></thead>' +
    `<tbody>${body}</tbody></table>`
  );
}

// A caseload list as one HTML string (inserted once by CaseloadTable through ServerMarkup): the
// dashboard's rows were ~25 React elements and two client links each, rendered on the server,
// serialised into the RSC payload and rendered again, for rows with no interactivity of their own.
// Plain links: opening a patient is a full page load. Every text that comes from data is escaped.
import type { CaseloadPatient } from "@/lib/caseload/queries";
import type { VisitChanges } from "@/lib/caseload/changes";
import { formatDate } from "@/lib/format/dates";
import { escapeXml } from "@/lib/markup/escape";
import { statusBadgeMarkup } from "@/lib/patients/status-badge";
import { listName } from "@/components/patients/labels";
import styles from "./caseload.module.css";

const DAY_MS = 86_400_000;

/** What changed at the latest visit: new flags, resolved flags, changes beyond measurement error. Words, not only colour. */
export function changesMarkup({ newFlags, resolvedFlags, changes }: VisitChanges): string {
  if (newFlags.length + resolvedFlags.length + changes.length === 0) return '<span class="muted">No change beyond measurement error</span>';
  const item = (tagClass: string | undefined, tag: string, text: string) => `<li><span class="${tagClass ?? ""}">${tag}</span> ${escapeXml(text)}</li>`;
  return (
    `<ul class="${styles.changes}">` +
    newFlags.map((f) => item(styles.tagNew, "New flag", f.title)).join("") +
    resolvedFlags.map((f) => item(styles.tagResolved, "Resolved", f.title)).join("") +
    changes.map((c) => item(c.direction === "worse" ? styles.tagWorse : styles.tagChange, c.label === "important_change" ? "Important" : "Change", c.text)).join("") +
    "</ul>"
  );
}

function rowMarkup(p: CaseloadPatient, now: number): string {
  const name = escapeXml(listName(p));
  const href = `/patients/${encodeURIComponent(p.id)}`;
  const days = p.lastAssessedAt ? Math.floor((now - Date.parse(p.lastAssessedAt)) / DAY_MS) : null;
  const lastVisit = p.lastAssessedAt ? escapeXml(formatDate(p.lastAssessedAt, "UTC")) : "Never";
  const ago = days !== null ? `<span class="muted"> (${days} day${days === 1 ? "" : "s"} ago)</span>` : "";
  return (
    `<tr data-status="${p.status}">` +
    `<td><a class="patient-link" href="${href}">${name}</a></td>` +
    `<td>${statusBadgeMarkup(p.status)}</td>` +
    `<td>${lastVisit}${ago}</td>` +
    `<td class="${styles.changesCell}">${changesMarkup(p.changes)}</td>` +
    `<td class="no-print"><span class="${styles.rowLinks}"><a aria-label="Trends for ${name}" href="${href}/trends">Trends</a></span></td>` +
    "</tr>"
  );
}

/** Name (to the patient), status as text + colour + shape, last visit, what changed at it, and a link to the trends. */
export function caseloadTableMarkup(caption: string, patients: readonly CaseloadPatient[], now: number): string {
  return (
    `<table class="data-table"><caption class="visually-hidden">${escapeXml(caption)}</caption>` +
    '<thead><tr><th scope="col">Patient</th><th scope="col">Status</th><th scope="col">Last visit</th><th scope="col">Since the previous visit</th>' +
    '<th scope="col" class="no-print"><span class="visually-hidden">Links</span></th></tr></thead>' +
    `<tbody>${patients.map((p) => rowMarkup(p, now)).join("")}</tbody></table>`
  );
}

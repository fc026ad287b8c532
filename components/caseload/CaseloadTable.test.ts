// The dashboard's caseload list (JSX, escaped by React): one row per patient in the given order,
// status as text and shape, last visit and days since, what changed, links to the patient and the
// trends, and hostile names and change texts shown as text, never as markup.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CaseloadPatient } from "@/lib/caseload/queries";
import { formatDate } from "@/lib/format/dates";
import { CaseloadTable, VisitChangesList } from "./CaseloadTable";

const NOW = Date.parse("2026-11-29T12:00:00Z");

function patient(extra: Partial<CaseloadPatient> = {}): CaseloadPatient {
  return {
    id: "0b6c6f0e-1111-4e3e-86cb-bc024505f066",
    givenName: "Hana",
    familyName: "Moreau",
    status: "refer",
    lastAssessedAt: "2026-11-28T09:00:00.000Z",
    changes: { newFlags: [{ id: "RED_FLAG", side: "none", severity: "critical", title: "Red flag: refer" }], resolvedFlags: [], changes: [] },
    ...extra,
  };
}

const render = (caption: string, patients: CaseloadPatient[]) => renderToStaticMarkup(createElement(CaseloadTable, { caption, patients, now: NOW }));

describe("CaseloadTable", () => {
  it("lists the patients in the given order with status, last visit, changes and links", () => {
    const html = render("Patients that need attention", [patient(), patient({ id: "22222222-2222-4222-8222-222222222222", givenName: "Ana", familyName: "Patel", status: "low", lastAssessedAt: null, changes: { newFlags: [], resolvedFlags: [], changes: [] } })]);
    expect(html).toContain('<caption class="visually-hidden">Patients that need attention</caption>');
    expect(html.match(/<tr data-status="[a-z]+">/g)).toEqual(['<tr data-status="refer">', '<tr data-status="low">']);
    expect(html).toContain('<a class="patient-link" href="/patients/0b6c6f0e-1111-4e3e-86cb-bc024505f066">Moreau, Hana</a>');
    expect(html).toContain('<span class="status status-refer" data-status="refer"><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><polygon');
    expect(html).toContain("</svg>Refer</span>");
    expect(html).toContain(`<td>${formatDate("2026-11-28T09:00:00.000Z")}<span class="muted"> (1 day ago)</span></td>`);
    expect(html).toContain("New flag</span> Red flag: refer</li>");
    expect(html).toContain('<a aria-label="Trends for Moreau, Hana" href="/patients/0b6c6f0e-1111-4e3e-86cb-bc024505f066/trends">Trends</a>');
    expect(html).toContain("<td>Never</td>");
    expect(html).toContain('<span class="muted">No change beyond measurement error</span>');
  });

  it("shows hostile names, captions and change texts as text", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const html = render(`<i>"x"</i>`, [
      patient({ givenName: hostile, familyName: "O'Brien & Co", changes: { newFlags: [{ id: "X", side: "none", severity: "high", title: hostile }], resolvedFlags: [], changes: [] } }),
    ]);
    expect(html).toContain("O&#x27;Brien &amp; Co, &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain('aria-label="Trends for O&#x27;Brien &amp; Co, &lt;img src=x onerror=&quot;alert(1)&quot;&gt;"');
    expect(html).toContain("&lt;i&gt;&quot;x&quot;&lt;/i&gt;");
    expect(html).not.toContain("<img");
  });

  it("names each kind of change in words, worse changes apart", () => {
    const html = renderToStaticMarkup(
      createElement(VisitChangesList, {
        changes: {
          newFlags: [],
          resolvedFlags: [{ id: "DF_LOW", side: "left", severity: "moderate", title: "Low dorsiflexion <left>" }],
          changes: [
            { code: "pain_heel_nprs", side: "left", label: "important_change", direction: "worse", text: "Left heel pain +3 points" },
            { code: "ankle_df_wblt_cm", side: "right", label: "real_change", direction: "better", text: "Right lunge +2.0 cm" },
          ],
        },
      }),
    );
    expect(html).toContain("Resolved</span> Low dorsiflexion &lt;left&gt;</li>");
    expect(html).toContain("Important</span> Left heel pain +3 points</li>");
    expect(html).toContain("Change</span> Right lunge +2.0 cm</li>");
    expect(html.match(/<li>/g)).toHaveLength(3);
  });
});

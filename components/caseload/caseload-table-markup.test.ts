// The dashboard's caseload list as markup: one row per patient in the given order, status as text
// and shape, last visit and days since, what changed, links to the patient and the trends, and
// escaping of every text from data, since the string is inserted as it is.
import { describe, expect, it } from "vitest";
import type { CaseloadPatient } from "@/lib/caseload/queries";
import { caseloadTableMarkup, changesMarkup } from "./caseload-table-markup";

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

describe("caseloadTableMarkup", () => {
  it("lists the patients in the given order with status, last visit, changes and links", () => {
    const html = caseloadTableMarkup("Patients that need attention", [patient(), patient({ id: "22222222-2222-4222-8222-222222222222", givenName: "Ana", familyName: "Patel", status: "low", lastAssessedAt: null, changes: { newFlags: [], resolvedFlags: [], changes: [] } })], NOW);
    expect(html).toContain('<caption class="visually-hidden">Patients that need attention</caption>');
    const rows = html.match(/<tr data-status="[a-z]+">/g);
    expect(rows).toEqual(['<tr data-status="refer">', '<tr data-status="low">']);
    expect(html).toContain('<td><a class="patient-link" href="/patients/0b6c6f0e-1111-4e3e-86cb-bc024505f066">Moreau, Hana</a></td>');
    expect(html).toContain('<span class="status status-refer" data-status="refer"><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><polygon');
    expect(html).toContain("</svg>Refer</span>");
    expect(html).toContain('<td>28 Nov 2026<span class="muted"> (1 day ago)</span></td>');
    expect(html).toContain("New flag</span> Red flag: refer</li>");
    expect(html).toContain('<a aria-label="Trends for Moreau, Hana" href="/patients/0b6c6f0e-1111-4e3e-86cb-bc024505f066/trends">Trends</a>');
    // The second patient: never seen, nothing changed.
    expect(html).toContain("<td>Never</td>");
    expect(html).toContain('<span class="muted">No change beyond measurement error</span>');
  });

  it("escapes names and change texts", () => {
    const html = caseloadTableMarkup('<i>"x"</i>', [patient({ givenName: '<img src=x onerror="alert(1)">', familyName: "O'Brien & Co" })], NOW);
    expect(html).toContain("O&#39;Brien &amp; Co, &lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain('aria-label="Trends for O&#39;Brien &amp; Co, &lt;img src=x onerror=&quot;alert(1)&quot;&gt;"');
    expect(html).toContain("&lt;i&gt;&quot;x&quot;&lt;/i&gt;");
    expect(html).not.toContain("<img");
  });

  it("names each kind of change in words, worse changes apart", () => {
    const html = changesMarkup({
      newFlags: [],
      resolvedFlags: [{ id: "DF_LOW", side: "left", severity: "moderate", title: "Low dorsiflexion <left>" }],
      changes: [
        { code: "pain_heel_nprs", side: "left", label: "important_change", direction: "worse", text: "Left heel pain +3 points" },
        { code: "ankle_df_wblt_cm", side: "right", label: "real_change", direction: "better", text: "Right lunge +2.0 cm" },
      ],
    });
    expect(html).toContain("Resolved</span> Low dorsiflexion &lt;left&gt;</li>");
    expect(html).toContain("Important</span> Left heel pain +3 points</li>");
    expect(html).toContain("Change</span> Right lunge +2.0 cm</li>");
    expect(html.match(/<li>/g)).toHaveLength(3);
  });
});

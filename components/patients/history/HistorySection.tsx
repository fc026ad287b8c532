// The patient page's "Background and onsets" section (the clinical history; not named "history",
// which is the visit list's region): onsets in order, comorbidities, medications and
// investigations, with a link to edit them. Server component: it reads the history itself.
import Link from "next/link";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format/dates";
import { readPatientHistory } from "@/lib/patients/history/queries";
import { INVESTIGATION_LABELS, PAIN_BEFORE_HEEL_LABELS } from "@/lib/patients/history/labels";

const dateOr = (d: string | null, none = "not recorded") => (d ? formatDate(d) : none);
const yesNo = (v: boolean | null) => (v === null ? "not asked" : v ? "yes" : "no");

export async function HistorySection({ clinicId, patientId, archived }: { clinicId: string; patientId: string; archived: boolean }) {
  const h = await readPatientHistory(db, clinicId, patientId);
  return (
    <section className="card" aria-labelledby="clinical-history-heading" style={{ marginTop: "1rem" }}>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: "1rem", flexWrap: "wrap" }}>
        <h2 id="clinical-history-heading">Background and onsets</h2>
        {archived ? null : (
          <Link href={`/patients/${patientId}/history`} className="button button-secondary no-print">
            Edit clinical history
          </Link>
        )}
      </div>
      {h.updatedAt === null ? (
        <p className="muted">Not recorded yet: onsets, comorbidities, medications and investigations.</p>
      ) : (
        <dl className="details">
          <div>
            <dt>Heel pain began</dt>
            <dd>
              left {dateOr(h.heelPainOnset.left)}; right {dateOr(h.heelPainOnset.right)}
            </dd>
          </div>
          <div>
            <dt>Hip pain before the heel pain</dt>
            <dd>
              {PAIN_BEFORE_HEEL_LABELS[h.hipPain.beforeHeelPain]}
              {h.hipPain.onset ? ` · began ${formatDate(h.hipPain.onset)}` : ""}
              {h.hipPain.side ? ` · ${h.hipPain.side === "both" ? "both sides" : h.hipPain.side}` : ""}
            </dd>
          </div>
          <div>
            <dt>Back pain before the heel pain</dt>
            <dd>
              {PAIN_BEFORE_HEEL_LABELS[h.backPain.beforeHeelPain]}
              {h.backPain.onset ? ` · began ${formatDate(h.backPain.onset)}` : ""}
            </dd>
          </div>
          <div>
            <dt>Comorbidities</dt>
            <dd>
              diabetes {yesNo(h.comorbidities.diabetes)}; inflammatory arthritis {yesNo(h.comorbidities.inflammatoryArthritis)}; neuropathy{" "}
              {yesNo(h.comorbidities.neuropathy)}
              {h.comorbidities.other ? `; other: ${h.comorbidities.other}` : ""}
            </dd>
          </div>
          <div>
            <dt>Medications</dt>
            <dd>{h.medications ?? "none recorded"}</dd>
          </div>
          <div>
            <dt>Investigations</dt>
            <dd>
              {h.investigations.length === 0 ? (
                "none recorded"
              ) : (
                <ul>
                  {h.investigations.map((inv) => (
                    <li key={inv.id}>
                      {formatDate(inv.date)} · {INVESTIGATION_LABELS[inv.kind]}: {inv.finding}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

// The answer first: overall status, hip and back levels (with chain escalation and why), and the
// red flag in plain words. Everything comes from the engine's evaluation.
import type { Evaluation, Region } from "@/lib/clinical/types";
import { formatDate } from "@/lib/clinical/format";
import { StatusBadge } from "@/components/patients/StatusBadge";
import styles from "./trends.module.css";

const REGION_NAMES: Record<Region, string> = { heel: "Heel", hip: "Hip", back: "Low back" };

export function RegionSummary({ evaluation }: { evaluation: Evaluation }) {
  const redFlags = evaluation.flags.filter((f) => f.refer);
  return (
    <section className={`card ${styles.summary}`} aria-labelledby="region-summary-heading">
      <h2 id="region-summary-heading">Summary</h2>
      {redFlags.length > 0 ? (
        <div className={styles.redFlag} role="note">
          <strong>Red flag: refer.</strong>{" "}
          {redFlags.map((f) => `${f.title} (${f.inputs.map((i) => formatDate(i.takenAt)).filter((d, k, all) => all.indexOf(d) === k).join(", ")})`).join("; ")}
        </div>
      ) : (
        <p className="muted">No red flag on the latest visit.</p>
      )}
      <dl className={styles.regions}>
        <div>
          <dt>Overall</dt>
          <dd>
            <StatusBadge status={evaluation.status} />
          </dd>
        </div>
        {(["hip", "back"] as const).map((region) => {
          const r = evaluation.regions[region];
          const count = evaluation.flags.filter((f) => !f.refer && f.regions.includes(region)).length;
          return (
            <div key={region} data-testid={`region-${region}`}>
              <dt>{REGION_NAMES[region]}</dt>
              <dd>
                <StatusBadge status={r.level} />
                <span className={styles.regionMeta}>
                  {count} flag{count === 1 ? "" : "s"}
                  {r.escalated ? (r.level !== r.baseLevel ? `; escalated from ${r.baseLevel}` : "; several links (already high)") : ""}
                </span>
                {r.escalated && r.reason ? <span className={styles.regionReason}>{r.reason}</span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className={styles.disclaimer}>Flags are prompts worth monitoring, backed by cited evidence, not diagnoses.</p>
    </section>
  );
}

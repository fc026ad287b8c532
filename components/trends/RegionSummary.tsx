// The answer first: overall status, heel, hip and back levels (with chain escalation and why), and
// the red flag in plain words with its tier (rules.md v2). Everything comes from the engine's evaluation.
import type { Evaluation, Flag, Region } from "@/lib/clinical/types";
import { formatDate } from "@/lib/clinical/format";
import { StatusBadge } from "@/components/patients/StatusBadge";
import { RED_FLAG_ADVICE } from "@/lib/clinical/rule-names";
import { RED_FLAG_LABELS, type RedFlagCode } from "@/lib/clinical/measures";
import styles from "./trends.module.css";

const REGION_NAMES: Record<Region, string> = { heel: "Heel", hip: "Hip", back: "Low back" };

export function RegionSummary({ evaluation }: { evaluation: Evaluation }) {
  const redFlags = evaluation.flags.filter((f) => f.id === "RED_FLAG");
  const review = evaluation.flags.find((f) => f.id === "RED_FLAG_REVIEW");
  const dates = (f: Flag) => f.inputs.map((i) => formatDate(i.takenAt)).filter((d, k, all) => all.indexOf(d) === k).join(", ");
  const items = (f: Flag) => (f.items ?? []).map((c: RedFlagCode) => RED_FLAG_LABELS[c]).join("; ");
  return (
    <section className={`card ${styles.summary}`} aria-labelledby="region-summary-heading">
      <h2 id="region-summary-heading">Summary</h2>
      {redFlags.length > 0 ? (
        <div className={styles.redFlag} role="note">
          <strong>Red flag: refer. {RED_FLAG_ADVICE[redFlags[0]!.tier ?? "urgent"]}</strong>{" "}
          {redFlags.map((f) => `${items(f) || f.title} (${dates(f)})`).join("; ")}
        </div>
      ) : review ? null : (
        <p className="muted">No red flag on the latest visit.</p>
      )}
      {review ? (
        <div className={styles.reviewFlag} role="note" data-testid="red-flag-review">
          <strong>Red flag for review (not a referral by itself).</strong> Reason it through; refer if it persists or other findings join it.{" "}
          {items(review) || review.title} ({dates(review)})
        </div>
      ) : null}
      <dl className={styles.regions}>
        <div>
          <dt>Overall</dt>
          <dd>
            <StatusBadge status={evaluation.status} />
          </dd>
        </div>
        {(["heel", "hip", "back"] as const).map((region) => {
          const r = evaluation.regions[region];
          if (!r) return null;
          // RED_FLAG decides the status, not the region levels (rules.md v2): not counted here.
          const count = evaluation.flags.filter((f) => f.id !== "RED_FLAG" && f.regions.includes(region)).length;
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

// The patient's current flags from the flag engine: each with its severity (text + colour +
// shape), side, title, explanation, threshold, evidence grade and source; the heel, hip and back
// region levels with the chain-escalation note; what could not be evaluated, collapsed. Flags are
// "worth monitoring" prompts; an emergency or urgent red flag says "Refer" plainly with its tier,
// a review-tier red flag says to reason it through (rules.md v2; ui.md).
import type { Evaluation, Flag, Grade, Level, Severity } from "@/lib/clinical/types";
import { formatValue } from "@/lib/clinical/format";
import { isMeasureCode, RED_FLAG_LABELS, type RedFlagCode } from "@/lib/clinical/measures";
import { formatDate } from "@/lib/format/dates";
import { StatusBadge } from "@/components/patients/StatusBadge";
import { RED_FLAG_ADVICE, RULE_NAMES } from "@/lib/clinical/rule-names";
import styles from "./flags.module.css";

const GRADE_TEXT: Record<Grade, string> = {
  A: "A (evidence in plantar heel pain)",
  B: "B (indirect evidence, other conditions)",
  H: "H (heuristic, no validating study)",
};

const SEVERITY_STATUS: Record<Severity, "refer" | Level> = { critical: "refer", high: "high", moderate: "moderate", low: "low" };

function inputText(input: Flag["inputs"][number]): string {
  const when = formatDate(input.takenAt);
  if (isMeasureCode(input.code)) return `${formatValue(input.code, input.value)}${input.side === "none" ? "" : ` ${input.side}`} on ${when}`;
  return `${RED_FLAG_LABELS[input.code as RedFlagCode] ?? input.code} ticked on ${when}`;
}

function redFlagAdvice(flag: Flag): string | null {
  if (flag.id === "RED_FLAG") return RED_FLAG_ADVICE[flag.tier ?? "urgent"];
  if (flag.id === "RED_FLAG_REVIEW") return RED_FLAG_ADVICE.review;
  return null;
}

function FlagItem({ flag }: { flag: Flag }) {
  const refer = flag.id === "RED_FLAG";
  const advice = redFlagAdvice(flag);
  return (
    <li className={refer ? `${styles.flag} ${styles.refer}` : styles.flag} data-flag={flag.id} {...(flag.tier ? { "data-tier": flag.tier } : {})}>
      <div className={styles.flagHead}>
        <StatusBadge status={refer ? "refer" : SEVERITY_STATUS[flag.severity]} />
        <h3 className={styles.flagTitle}>{flag.title}</h3>
      </div>
      {advice ? <p className={styles.explanation}><strong>{advice}</strong></p> : null}
      <p className={styles.explanation}>{flag.explanation}</p>
      <dl className={styles.facts}>
        {flag.side !== "none" ? (
          <div>
            <dt>Side</dt>
            <dd>{flag.side === "left" ? "Left" : "Right"}</dd>
          </div>
        ) : null}
        <div>
          <dt>Threshold</dt>
          <dd>{flag.threshold}</dd>
        </div>
        <div>
          <dt>Values used</dt>
          <dd>{flag.inputs.map(inputText).join("; ") || "—"}</dd>
        </div>
        <div>
          <dt>Evidence grade</dt>
          <dd>{flag.grade ? GRADE_TEXT[flag.grade] : "Referral rule (not graded)"}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>{flag.source}</dd>
        </div>
      </dl>
    </li>
  );
}

function RegionLine({ name, region }: { name: string; region: Evaluation["regions"]["hip"] | undefined }) {
  if (!region) return null;
  return (
    <div className={styles.region} data-testid={`flags-region-${name.toLowerCase().replace(/\s+/g, "-")}`}>
      <span className={styles.regionName}>{name}</span>
      <StatusBadge status={region.level} />
      {region.escalated ? (
        <span className="hint">
          Raised from {region.baseLevel} because flags from more than one link of the chain ({region.links.join(", ")}) name this region
          {region.reason ? `: ${region.reason}` : ""} (grade H)
        </span>
      ) : null}
    </div>
  );
}

export function CurrentFlags({ evaluation }: { evaluation: Evaluation }) {
  const { flags, notEvaluated, regions } = evaluation;
  const rank = (f: Flag) => (f.id === "RED_FLAG" ? 2 : f.id === "RED_FLAG_REVIEW" ? 1 : 0);
  const ordered = [...flags].sort((a, b) => rank(b) - rank(a));
  return (
    <section className={`card ${styles.panel}`} aria-labelledby="flags-heading">
      <div className={styles.panelHead}>
        <h2 id="flags-heading">Current flags</h2>
        <StatusBadge status={evaluation.status} />
      </div>
      <p className="hint">
        Prompts worth monitoring, each with its evidence grade, not diagnoses.
        {evaluation.latestTakenAt ? ` Based on the visits up to ${formatDate(evaluation.latestTakenAt)}.` : " No visits recorded yet."}
      </p>
      <div className={styles.regions} aria-label="Region levels">
        <RegionLine name="Heel" region={regions.heel} />
        <RegionLine name="Hip" region={regions.hip} />
        <RegionLine name="Low back" region={regions.back} />
      </div>
      {ordered.length ? (
        <ul className={styles.flagList}>
          {ordered.map((flag) => (
            <FlagItem key={`${flag.id}-${flag.side}`} flag={flag} />
          ))}
        </ul>
      ) : (
        <p>No flags from the recorded values.</p>
      )}
      {notEvaluated.length ? (
        <details className={styles.notEvaluated}>
          <summary>Not evaluated ({notEvaluated.length} rules): values missing or older than 180 days</summary>
          <ul>
            {notEvaluated.map((n) => (
              <li key={`${n.id}-${n.sides.join()}`}>
                {RULE_NAMES[n.id] ?? "A rule"}: {n.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

// "Latest values": the first thing on the patient page. One row per measure and side (left before
// right, body order as in the form): the latest value with its date, the change since the previous
// value with the engine's label, and a marker when the value is outside the normal range.
import { MEASURES } from "@/lib/clinical/measures";
import { formatValue } from "@/lib/clinical/format";
import type { LatestValue } from "@/lib/assessments/latest-values";
import { formatDate } from "@/lib/format/dates";
import { signedAmount } from "@/lib/trends/sentences";

const LABEL_TEXT = {
  within_error: "within measurement error",
  real_change: "real change",
  important_change: "important change",
  unrated: "unrated (no measurement error known)",
} as const;

function changeText(row: LatestValue): string {
  const change = row.change;
  if (!change || !row.previous) return "First value";
  // A direction means something only once the change is beyond measurement error.
  const rated = change.label === "real_change" || change.label === "important_change";
  const direction = rated && (change.direction === "better" || change.direction === "worse") ? `, ${change.direction}` : "";
  return `${signedAmount(row.code, change.delta)}: ${LABEL_TEXT[change.label]}${direction}`;
}

function SideLabel({ side }: { side: LatestValue["side"] }) {
  return side === "none" ? <span className="muted">—</span> : <>{side === "left" ? "Left" : "Right"}</>;
}

export function LatestValues({ rows }: { rows: LatestValue[] }) {
  return (
    <section className="card latest-values" aria-labelledby="latest-values-heading">
      <h2 id="latest-values-heading">Latest values</h2>
      {rows.length === 0 ? (
        <p className="muted">No values recorded yet.</p>
      ) : (
        // It can scroll sideways on a narrow screen, so it takes focus (the arrow keys scroll it).
        <div className="table-wrap" role="group" aria-label="Values by measure and side" tabIndex={0}>
          <table className="data-table latest-values-table">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Side</th>
                <th scope="col">Latest</th>
                <th scope="col">Taken</th>
                <th scope="col">Change since the previous visit</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const m = MEASURES[row.code];
                const change = row.change;
                const tone = change && (change.label === "real_change" || change.label === "important_change") ? change.direction : "none";
                return (
                  <tr key={`${row.code}:${row.side}`} data-code={row.code} data-side={row.side}>
                    <th scope="row">{m.shortLabel}</th>
                    <td>
                      <SideLabel side={row.side} />
                    </td>
                    <td className="latest-value">
                      <span className="number">{formatValue(row.code, row.latest.value)}</span>
                      {row.outsideNormal ? (
                        <span className="outside-normal" title={`Normal: ${m.normal?.text ?? ""}`}>
                          <span aria-hidden="true">{row.outsideNormal === "above" ? "▲" : "▼"} </span>
                          {row.outsideNormal === "above" ? "above" : "below"} normal
                          <span className="visually-hidden"> (normal: {m.normal?.text})</span>
                        </span>
                      ) : null}
                    </td>
                    <td className="nowrap">{formatDate(row.latest.takenAt)}</td>
                    <td className={`change change-${tone}`} data-label={change?.label ?? "first"}>
                      {changeText(row)}
                      {row.previous ? <span className="muted"> (from {formatValue(row.code, row.previous.value)} on {formatDate(row.previous.takenAt)})</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// Date range and sides as one GET form (one set of date controls: the range, or custom dates):
// it works without JavaScript, keeps the URL shareable, and every control is a native element the
// keyboard reaches in body order.
import { RANGE_LABELS, RANGE_PRESETS, type TrendsParams } from "@/lib/trends/range";
import styles from "./trends.module.css";

const SHOW_LABELS = { both: "Both sides", left: "Left only", right: "Right only" } as const;

export function TrendsControls({ basePath, params }: { basePath: string; params: TrendsParams }) {
  return (
    <section className={`${styles.controls} no-print`} aria-label="Chart controls">
      <form method="get" action={basePath} className={styles.controlForm}>
        <div className="field">
          <label htmlFor="range">Dates</label>
          <select id="range" name="range" defaultValue={params.preset} className="input">
            {RANGE_PRESETS.map((preset) => (
              <option key={preset} value={preset}>
                {RANGE_LABELS[preset]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From (custom)</label>
          <input id="from" name="from" type="date" defaultValue={params.from ?? ""} className="input" />
        </div>
        <div className="field">
          <label htmlFor="to">To (custom)</label>
          <input id="to" name="to" type="date" defaultValue={params.to ?? ""} className="input" />
        </div>
        <fieldset className={styles.sides}>
          <legend>Sides</legend>
          {(Object.keys(SHOW_LABELS) as (keyof typeof SHOW_LABELS)[]).map((show) => (
            <label key={show} className="checkbox">
              <input type="radio" name="show" value={show} defaultChecked={params.show === show} />
              {SHOW_LABELS[show]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">
          Apply
        </button>
      </form>
    </section>
  );
}

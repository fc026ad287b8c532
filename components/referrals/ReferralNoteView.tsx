// The referral note in HTML: the same assembled model the PDF renders (lib/referrals/note), laid
// out for the screen and for printing. Server component, no state: the print view and the final
// note's page show exactly what the PDF shows.
import type { Side } from "@/lib/clinical/measures";
import { SIDE_COLOURS } from "@/lib/trends/palette";
import { flagLineText } from "@/lib/referrals/note/text";
import type { NoteBlock, NoteChart, NoteTable, ReferralNote } from "@/lib/referrals/note/types";
import styles from "./referrals.module.css";

const W = 240;
const H = 90;
const PAD = 6;

function Marker({ side, x, y }: { side: Side; x: number; y: number }) {
  const c = SIDE_COLOURS[side];
  if (side === "left") return <circle cx={x} cy={y} r={3} fill={c} />;
  if (side === "right") return <path d={`M${x} ${y - 3.6}l3.3 6h-6.6z`} fill={c} />;
  return <path d={`M${x} ${y - 3.4}l3.4 3.4l-3.4 3.4l-3.4-3.4z`} fill={c} />;
}

function ChartView({ chart, range }: { chart: NoteChart; range: string }) {
  const span = chart.yMax - chart.yMin || 1;
  const x = (f: number) => PAD + f * (W - 2 * PAD);
  const y = (v: number) => H - PAD - ((v - chart.yMin) / span) * (H - 2 * PAD);
  const band = (low: number, high: number) => ({ y: y(high), height: Math.max(0.5, y(low) - y(high)) });
  return (
    <figure className={styles.noteChart}>
      <figcaption>
        <strong>{chart.title}</strong>
      </figcaption>
      <div className={styles.noteChartRow}>
        <div className={styles.noteChartAxis} aria-hidden="true">
          <span>{chart.yMaxLabel}</span>
          <span>{chart.yMinLabel}</span>
        </div>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${chart.title}: ${chart.caption}`}>
          {chart.normalBand ? <rect x={PAD} width={W - 2 * PAD} {...band(chart.normalBand.low, chart.normalBand.high)} fill="#c8e6c9" fillOpacity={0.6} /> : null}
          {chart.mdcBands.map((b) => (
            <rect
              key={b.side}
              x={PAD}
              width={W - 2 * PAD}
              {...band(b.low, b.high)}
              fill={SIDE_COLOURS[b.side]}
              fillOpacity={0.12}
              stroke={SIDE_COLOURS[b.side]}
              strokeOpacity={0.5}
              strokeDasharray="2 2"
            />
          ))}
          <path d={`M${PAD} ${PAD}V${H - PAD}H${W - PAD}`} stroke="#999999" fill="none" />
          {chart.series.map((s) =>
            s.points.length > 1 ? (
              <polyline key={s.side} points={s.points.map((p) => `${x(p.x)},${y(p.value)}`).join(" ")} stroke={SIDE_COLOURS[s.side]} strokeWidth={1.5} fill="none" />
            ) : null,
          )}
          {chart.series.flatMap((s) => s.points.map((p, i) => <Marker key={`${s.side}-${i}`} side={s.side} x={x(p.x)} y={y(p.value)} />))}
        </svg>
      </div>
      <p className={styles.noteSmall}>{range}</p>
      <p className={styles.noteCaption}>{chart.caption}</p>
    </figure>
  );
}

function TableView({ table, label }: { table: NoteTable; label: string }) {
  return (
    <table className={styles.noteTable} aria-label={label}>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Body({ block }: { block: NoteBlock }) {
  const b = block.body;
  switch (b.kind) {
    case "text":
      return <p className={block.key === "question" ? styles.noteQuestion : styles.text}>{b.text}</p>;
    case "table":
      return b.table.rows.length ? <TableView table={b.table} label={block.title} /> : <p className={styles.text}>{b.empty}</p>;
    case "flags": {
      const f = b.flags;
      return (
        <>
          <h3>{f.leadTitle}</h3>
          <ul className={styles.noteList}>{f.lead.length ? f.lead.map((l) => <li key={l.id}>{flagLineText(l, true).replace(/^• /, "")}</li>) : <li>None.</li>}</ul>
          {f.screen ? (
            <>
              <h3>Red-flag screen of {f.screen.date}, item by item</h3>
              <ul className={styles.noteScreen}>
                {f.screen.items.map((i) => (
                  <li key={i.label}>
                    {i.ticked ? "☒ ticked" : "☐ not ticked"}: {i.label} ({i.tier})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {f.screenSummary ? <p className={styles.text}>{f.screenSummary}</p> : null}
          {f.others.length ? (
            <>
              <h3>{f.othersTitle}</h3>
              <ul className={styles.noteList}>
                {f.others.map((l) => (
                  <li key={l.id}>{flagLineText(l, false).replace(/^• /, "")}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      );
    }
    case "charts":
      return (
        <>
          <p className={styles.noteSmall}>{b.charts.window}</p>
          <p className={styles.noteSmall}>{b.charts.legend}</p>
          <div className={styles.noteCharts}>
            {b.charts.charts.map((c) => (
              <ChartView key={c.code} chart={c} range={`${b.charts.firstDate} – ${b.charts.lastDate}`} />
            ))}
          </div>
          {b.charts.omitted ? <p className={styles.noteCaption}>{b.charts.omitted}</p> : null}
        </>
      );
    case "appendix":
      return (
        <>
          {b.entries.map((e) => (
            <div key={e.id} className={styles.noteAppendixEntry}>
              <h3>{e.title}</h3>
              <p className={styles.text}>
                {e.severity}; regions: {e.regions}; evidence grade {e.grade ?? "–"}.{e.threshold ? ` Fires when ${e.threshold}.` : ""}
                {"\n"}Values: {e.values}.{"\n"}
                {e.explanation}
                {"\n"}Source: {e.source}.
              </p>
            </div>
          ))}
        </>
      );
  }
}

/** The note's blocks; the header (heading, patient, status) is the page's own. */
export function ReferralNoteView({ note }: { note: ReferralNote }) {
  return (
    <>
      {note.blocks.map((block) => (
        <section key={block.key} aria-labelledby={`note-${block.key}`} className={block.newPage ? styles.noteNewPage : undefined} data-note-section={block.key}>
          <h2 id={`note-${block.key}`}>{block.title}</h2>
          <Body block={block} />
        </section>
      ))}
    </>
  );
}

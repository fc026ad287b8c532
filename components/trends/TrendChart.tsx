// One small chart as plain server-rendered SVG (no client JavaScript: recharts 3 draws only in the
// browser, recharts#5997). Positions come from lib/trends/svg-geometry; this file only emits
// elements. Fixed viewBox and aspect ratio, so the server HTML is the final layout. Hover text is a
// native <title> on each marker. Per-point elements carry only their coordinates (colour, stroke
// and size sit on the series group) because a 300-visit history has thousands of them.
import type { Side } from "@/lib/clinical/measures";
import type { MeasureChart, TreatmentMarker } from "@/lib/trends/chart-data";
import type { TimeTick } from "@/lib/trends/axis";
import { chartGeometry, pointTitle, r1, SVG_HEIGHT, SVG_WIDTH, type PlacedPoint } from "@/lib/trends/svg-geometry";
import { FlagRing, SIDE_COLOURS } from "./markers";
import styles from "./trends.module.css";

interface Props {
  chart: MeasureChart;
  xDomain: [number, number];
  xTicks: TimeTick[];
  treatments: TreatmentMarker[];
}

const AXIS_TEXT = { fontSize: 11, fill: "#4b5563" } as const;

/** The marker of one point: circle (left), triangle (right), diamond (whole-body), as in markers.tsx. */
function Marker({ side, x, y, hollow, title }: { side: Side; x: number; y: number; hollow: boolean; title: string }) {
  // Hollow (method changed): white fill, thicker outline; otherwise the group's colours apply.
  const own = hollow ? { fill: "#ffffff", strokeWidth: 2 } : {};
  const t = <title>{title}</title>;
  if (side === "left") return <circle cx={x} cy={y} r={4.5} {...own}>{t}</circle>;
  if (side === "right") return <path d={`M${x} ${r1(y - 5.6)}l5.6 10.1h-11.2z`} {...own}>{t}</path>;
  return <path d={`M${x} ${r1(y - 5.4)}l5.4 5.4l-5.4 5.4l-5.4-5.4z`} {...own}>{t}</path>;
}

/**
 * Above this many points a series' markers sit closer than their own width and cannot be told
 * apart (the plot is ~400 px wide), yet each costs an element and a hover text in every response:
 * a 300-visit history made the page megabytes. Dense series then draw the line through every
 * value and keep markers only where they carry meaning: flagged points, changes of method and the
 * latest value. Every value stays in the chart's table.
 */
export const DENSE_SERIES_POINTS = 60;

function SeriesMarks({ side, points }: { side: Side; points: PlacedPoint[] }) {
  const colour = SIDE_COLOURS[side];
  const shown =
    points.length > DENSE_SERIES_POINTS
      ? points.filter((p, i) => p.point.flags.length > 0 || p.point.methodChangedFromPrevious || i === points.length - 1)
      : points;
  return (
    <g fill={colour} stroke={colour} strokeWidth={1}>
      {shown.map((p, i) => (p.point.flags.length > 0 ? <FlagRing key={i} cx={p.x} cy={p.y} /> : null))}
      {shown.map((p, i) => (
        <Marker key={i} side={side} x={p.x} y={p.y} hollow={p.point.methodChangedFromPrevious} title={pointTitle(side, p.point)} />
      ))}
    </g>
  );
}

export function TrendChart({ chart, xDomain, xTicks, treatments }: Props) {
  const g = chartGeometry(chart, xDomain, xTicks, treatments);
  const { plot } = g;
  const bottom = plot.y + plot.height;
  const right = plot.x + plot.width;
  return (
    <svg
      className={styles.chartSvg}
      viewBox={`0 0 ${SVG_WIDTH} ${SVG_HEIGHT}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={chart.description}
      data-chart={chart.code}
    >
      <path d={g.yTicks.map((t) => `M${plot.x} ${t.y}H${right}`).join("")} stroke="#e5e7eb" />
      {g.normalBand ? <rect data-band="normal" {...g.normalBand} fill="#c8e6c9" fillOpacity={0.45} /> : null}
      {g.series.map((s) =>
        s.mdcBand ? (
          <rect
            key={s.side}
            data-band="mdc"
            data-side={s.side}
            {...s.mdcBand}
            fill={`url(#mdc-hatch-${s.side})`}
            stroke={SIDE_COLOURS[s.side]}
            strokeOpacity={0.3}
            strokeDasharray="3 3"
          />
        ) : null,
      )}
      {g.series.map((s) =>
        s.baselineY === null ? null : (
          <line key={s.side} x1={plot.x} x2={right} y1={s.baselineY} y2={s.baselineY} stroke={SIDE_COLOURS[s.side]} strokeOpacity={0.6} strokeDasharray="2 3" />
        ),
      )}
      {g.treatments.map((t, i) => (
        <g key={i} data-treatment="">
          <line x1={t.x} x2={t.x} y1={plot.y - 8} y2={bottom} stroke="#555555" strokeDasharray="5 3" />
          <text x={t.x + 3} y={plot.y - 2} fontSize={10} fill="#333333">
            {t.label}
          </text>
        </g>
      ))}
      {g.methodChanges.map((m, i) => (
        <g key={i} data-method-change={m.side}>
          <line x1={m.x} x2={m.x} y1={plot.y} y2={bottom} stroke={SIDE_COLOURS[m.side]} strokeDasharray="1 3" strokeWidth={2} />
          <text x={m.x - 3} y={bottom - 4} textAnchor="end" fontSize={10} fill="#333333">
            method changed
          </text>
        </g>
      ))}
      <path d={`M${plot.x} ${plot.y}V${bottom}H${right}`} stroke="#6b7280" fill="none" />
      <g {...AXIS_TEXT} textAnchor="end">
        {g.yTicks.map((t) => (
          <text key={t.value} x={plot.x - 5} y={t.y + 4}>
            {t.value}
          </text>
        ))}
      </g>
      <g {...AXIS_TEXT} textAnchor="middle">
        {g.xTicks.map((t) => (
          <text key={t.x} x={t.x} y={bottom + 16}>
            {t.label}
          </text>
        ))}
      </g>
      {g.series.map((s) => (
        <g key={s.side} data-series={s.side}>
          {s.segments.map((seg) => (
            <path key={seg.segment} data-segment={seg.segment} d={seg.d} fill="none" stroke={SIDE_COLOURS[s.side]} strokeWidth={2} />
          ))}
          <SeriesMarks side={s.side} points={s.points} />
        </g>
      ))}
    </svg>
  );
}

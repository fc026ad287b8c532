// One flagged measure over the note's window, drawn with react-pdf's SVG primitives: the app's
// markers and colours (lib/trends/palette: left blue circles, right vermillion triangles, whole-body
// dark diamonds), the normal band in green and baseline ± measurement error as a band in the
// side's colour. Labels are real text around the drawing so they stay selectable. Plain function
// of props: no hooks (see stack notes).
import { Line, Path, Polyline, Rect, Svg, Text, View } from "@react-pdf/renderer";
import type { Side } from "@/lib/clinical/measures";
import { markerPath, SIDE_COLOURS, SIDE_SHAPE_NAMES } from "@/lib/trends/palette";
import type { NoteChart } from "../note/types";
import { styles } from "./styles";

const W = 138;
const H = 56;
const PAD = 5;

/**
 * Every marker of one series as one path (a subpath per point, the app's shapes from
 * lib/trends/palette): one SVG node instead of one per point, most of react-pdf's layout cost.
 */
function markersPath(side: Side, points: { x: number; y: number }[]): string {
  return points.map(({ x, y }) => markerPath(side, x, y, 2.2)).join("");
}

export function FlagChartView({ chart, firstDate, lastDate }: { chart: NoteChart; firstDate: string; lastDate: string }) {
  const span = chart.yMax - chart.yMin || 1;
  const x = (fraction: number) => PAD + fraction * (W - 2 * PAD);
  const y = (value: number) => H - PAD - ((value - chart.yMin) / span) * (H - 2 * PAD);
  const band = (low: number, high: number) => ({ y: y(high), height: Math.max(0.5, y(low) - y(high)) });
  return (
    <View style={styles.chart} wrap={false}>
      <Text style={styles.chartTitle}>{chart.title}</Text>
      <View style={styles.chartRow}>
        <View style={styles.chartAxis}>
          <Text style={styles.small}>{chart.yMaxLabel}</Text>
          <Text style={styles.small}>{chart.yMinLabel}</Text>
        </View>
        <Svg width={W} height={H} viewBox={`0 0 ${W} ${H}`}>
          {chart.normalBand ? <Rect x={PAD} width={W - 2 * PAD} {...band(chart.normalBand.low, chart.normalBand.high)} fill="#c8e6c9" fillOpacity={0.6} /> : null}
          {chart.mdcBands.map((b) => (
            <Rect
              key={`mdc-${b.side}`}
              x={PAD}
              width={W - 2 * PAD}
              {...band(b.low, b.high)}
              fill={SIDE_COLOURS[b.side]}
              fillOpacity={0.12}
              stroke={SIDE_COLOURS[b.side]}
              strokeOpacity={0.5}
              strokeWidth={0.4}
              strokeDasharray="2 2"
            />
          ))}
          <Line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#999999" strokeWidth={0.5} />
          <Line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} stroke="#999999" strokeWidth={0.5} />
          {chart.series.map((s) =>
            s.points.length > 1 ? (
              <Polyline key={`line-${s.side}`} points={s.points.map((p) => `${x(p.x)},${y(p.value)}`).join(" ")} stroke={SIDE_COLOURS[s.side]} strokeWidth={1} fill="none" />
            ) : null,
          )}
          {chart.series.map((s) => (
            <Path key={`m-${s.side}`} d={markersPath(s.side, s.points.map((p) => ({ x: x(p.x), y: y(p.value) })))} fill={SIDE_COLOURS[s.side]} />
          ))}
        </Svg>
      </View>
      <Text style={styles.small}>
        {firstDate} – {lastDate}
        {chart.series.some((s) => s.side === "left") ? `   ● left (blue ${SIDE_SHAPE_NAMES.left})` : ""}
        {chart.series.some((s) => s.side === "right") ? `   ▲ right (vermillion ${SIDE_SHAPE_NAMES.right})` : ""}
      </Text>
      <Text style={styles.caption}>{chart.caption}</Text>
    </View>
  );
}

// A small line chart of one flagged measure, drawn with react-pdf's SVG primitives, with the
// trends page's colours and marker shapes (lib/trends/palette): left blue circles, right
// vermillion triangles, whole-body grey diamonds. Labels are real text around the drawing so they
// stay selectable. Plain function of props: no hooks (see stack notes).
import { Circle, Line, Path, Polyline, Svg, Text, View } from "@react-pdf/renderer";
import { markerPath, SIDE_COLOURS, SIDE_SHAPE_NAMES } from "@/lib/trends/palette";
import type { FlagChart } from "./data";
import { styles } from "./styles";

const W = 220;
const H = 80;
const PAD = 6;
const COLOURS = SIDE_COLOURS;
const MARKER_SIZE = 2.2;

export function FlagChartView({ chart }: { chart: FlagChart }) {
  const x = (fraction: number) => PAD + fraction * (W - 2 * PAD);
  const y = (value: number) => H - PAD - ((value - chart.min) / (chart.max - chart.min)) * (H - 2 * PAD);
  return (
    <View style={styles.chart} wrap={false}>
      <Text style={styles.chartTitle}>{chart.title}</Text>
      <View style={styles.chartRow}>
        <View style={styles.chartAxis}>
          <Text style={styles.small}>{chart.maxLabel}</Text>
          <Text style={styles.small}>{chart.minLabel}</Text>
        </View>
        <Svg width={W} height={H} viewBox={`0 0 ${W} ${H}`}>
          <Line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#999999" strokeWidth={0.5} />
          <Line x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} stroke="#999999" strokeWidth={0.5} />
          {chart.series.map((s) => (
            <Polyline
              key={`line-${s.side}`}
              points={s.points.map((p) => `${x(p.x)},${y(p.value)}`).join(" ")}
              stroke={COLOURS[s.side]}
              strokeWidth={1.2}
              fill="none"
            />
          ))}
          {chart.series.flatMap((s) =>
            s.points.map((p, i) =>
              s.side === "left" ? (
                <Circle key={`p-${s.side}-${i}`} cx={x(p.x)} cy={y(p.value)} r={MARKER_SIZE} fill={COLOURS.left} />
              ) : (
                <Path key={`p-${s.side}-${i}`} d={markerPath(s.side, x(p.x), y(p.value), MARKER_SIZE)} fill={COLOURS[s.side]} />
              ),
            ),
          )}
        </Svg>
      </View>
      <Text style={styles.small}>
        {chart.firstDate} – {chart.lastDate}
        {chart.series.some((s) => s.side === "left") ? `   ● left (blue ${SIDE_SHAPE_NAMES.left})` : ""}
        {chart.series.some((s) => s.side === "right") ? `   ▲ right (vermillion ${SIDE_SHAPE_NAMES.right})` : ""}
      </Text>
      <Text style={styles.caption}>{chart.caption}</Text>
    </View>
  );
}

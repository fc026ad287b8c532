"use client";
// One small chart (recharts). Fixed pixel size, no animation and no measuring: the server's SVG is
// the final layout (no shift on hydration), and every label arrives preformatted from the server
// (lib/trends), so client and server render the same markup.
import { useMemo, type ReactElement } from "react";
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Side } from "@/lib/clinical/measures";
import type { TreatmentMarker } from "@/lib/trends/chart-data";
import type { ClientChart, TipTuple } from "./client-chart";
import type { TimeTick } from "@/lib/trends/axis";
import { FlagRing, MarkerShape, SIDE_COLOURS, SIDE_NAMES } from "./markers";
import styles from "./trends.module.css";

export const CHART_WIDTH = 460;
export const CHART_HEIGHT = 220;

interface Props {
  chart: ClientChart;
  xDomain: [number, number];
  xTicks: TimeTick[];
  treatments: TreatmentMarker[];
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  dataKey?: unknown;
  payload?: { time: number };
}

function TooltipBody({ time, chart }: { time: number; chart: ClientChart }) {
  const rows = chart.bands.flatMap((b) => {
    const tip = chart.tips[`${b.side}|${time}`];
    return tip ? [{ side: b.side, tip }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <div className={styles.tooltip}>
      <strong>{rows[0]!.tip[1]}</strong>
      {rows.map(({ side, tip }) => (
        <div key={side}>
          <span style={{ color: SIDE_COLOURS[side] }}>{side === "none" ? "" : `${SIDE_NAMES[side]}: `}</span>
          <strong>{tip[0]}</strong>
          <span className={styles.tooltipMeta}>
            {" "}
            · {tip[2] ?? "method not recorded"} · rated by {tip[3]}
            {tip[5] ? " · method changed" : ""}
            {tip[4] ? ` · flag: ${tip[4]}` : ""}
          </span>
        </div>
      ))}
    </div>
  );
}

export function TrendChart({ chart, xDomain, xTicks, treatments }: Props) {
  const tickLabels = useMemo(() => new Map(xTicks.map((t) => [t.time, t.label])), [xTicks]);

  const renderDot = (side: Side) =>
    function Dot(props: DotProps): ReactElement {
      const { cx, cy, index, payload } = props;
      const key = `${String(props.dataKey)}-${index}`;
      const tip: TipTuple | undefined = payload ? chart.tips[`${side}|${payload.time}`] : undefined;
      if (cx === undefined || cy === undefined || !tip) return <g key={key} />;
      return (
        <g key={key}>
          {tip[4] ? <FlagRing cx={cx} cy={cy} /> : null}
          <MarkerShape side={side} cx={cx} cy={cy} hollow={tip[5] === 1} />
        </g>
      );
    };

  return (
    <div className={styles.chartBox} style={{ width: CHART_WIDTH, height: CHART_HEIGHT }} role="img" aria-label={chart.description}>
      <LineChart
        width={CHART_WIDTH}
        height={CHART_HEIGHT}
        data={chart.rows}
        margin={{ top: 18, right: 12, bottom: 4, left: 0 }}
        accessibilityLayer={false}
        id={`chart-${chart.code}`}
      >
        <CartesianGrid stroke="#e5e7eb" vertical={false} />
        {chart.normalBand ? (
          <ReferenceArea y1={chart.normalBand.low} y2={chart.normalBand.high} fill="#c8e6c9" fillOpacity={0.45} stroke="none" ifOverflow="hidden" />
        ) : null}
        {chart.bands.map((s) =>
          s.mdc ? (
            <ReferenceArea
              key={`mdc-${s.side}`}
              y1={s.mdc.low}
              y2={s.mdc.high}
              fill={`url(#mdc-hatch-${s.side})`}
              stroke={SIDE_COLOURS[s.side]}
              strokeOpacity={0.3}
              strokeDasharray="3 3"
              ifOverflow="hidden"
            />
          ) : null,
        )}
        {chart.bands.map((s) => (
          <ReferenceLine key={`base-${s.side}`} y={s.baseline} stroke={SIDE_COLOURS[s.side]} strokeOpacity={0.6} strokeDasharray="2 3" ifOverflow="hidden" />
        ))}
        {treatments.map((t) => (
          <ReferenceLine
            key={`tx-${t.time}-${t.label}`}
            x={t.time}
            stroke="#555555"
            strokeDasharray="5 3"
            label={{ value: t.label, position: "insideTopLeft", fontSize: 10, fill: "#333333" }}
          />
        ))}
        {chart.methodChanges.map((m) => (
          <ReferenceLine
            key={`method-${m.side}-${m.time}`}
            x={m.time}
            stroke={SIDE_COLOURS[m.side]}
            strokeDasharray="1 3"
            strokeWidth={2}
            label={{ value: "method changed", position: "insideBottomRight", fontSize: 10, fill: "#333333" }}
          />
        ))}
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={xDomain}
          ticks={xTicks.map((t) => t.time)}
          tickFormatter={(t: number) => tickLabels.get(t) ?? ""}
          tick={{ fontSize: 11 }}
          allowDataOverflow
        />
        <YAxis domain={chart.yDomain} allowDataOverflow tick={{ fontSize: 11 }} width={48} />
        <Tooltip
          isAnimationActive={false}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as { time?: number } | undefined;
            return active && row?.time !== undefined ? <TooltipBody time={row.time} chart={chart} /> : null;
          }}
        />
        {chart.seriesKeys.map((k) => (
          <Line
            key={k.key}
            dataKey={k.key}
            name={SIDE_NAMES[k.side]}
            type="linear"
            stroke={SIDE_COLOURS[k.side]}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
            dot={renderDot(k.side)}
            activeDot={renderDot(k.side)}
          />
        ))}
      </LineChart>
    </div>
  );
}

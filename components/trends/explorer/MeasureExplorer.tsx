"use client";
// The measure explorer: one measure over the patient's whole history, drawn by recharts 3 in the
// browser (loaded only on this page, through ExplorerLoader's next/dynamic). Brush to zoom over the
// dates; a tooltip with date, rater and per side the value, method and notes; keyboard: focus the
// chart and use the arrow keys (recharts' accessibility layer moves the tooltip from visit to
// visit), Enter opens the visit shown; a click on a point does the same. The normal band and each
// side's MDC band are reference areas, treatments reference lines; colours and marker shapes are
// the trends page's (lib/trends/palette).
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import {
  Brush,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  useActiveTooltipDataPoints,
  type TooltipContentProps,
} from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import type { Side } from "@/lib/clinical/measures";
import type { ExplorerData, ExplorerRow } from "@/lib/trends/explorer-data";
import { markerPath, SIDE_COLOURS, SIDE_NAMES } from "@/lib/trends/palette";
import styles from "../trends.module.css";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * Axis ticks as day, month and year ("12 Jul 2026", UTC, as the trends page's axis). The axis puts a
 * tick where its scale wants, several a month when zoomed in: month and year alone repeated
 * ("Jul 2026, Jul 2026").
 */
function dayLabel(time: number): string {
  const d = new Date(time);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function ExplorerTooltip({ active, payload }: TooltipContentProps<ValueType, NameType>) {
  const row = active ? (payload?.[0]?.payload as ExplorerRow | undefined) : undefined;
  if (!row) return null;
  return (
    <div className={styles.explorerTooltip} data-testid="explorer-tooltip">
      <p className={styles.explorerTooltipDate}>{row.date}</p>
      <ul>
        {(Object.keys(row.values) as Side[]).map((side) => {
          const v = row.values[side]!;
          const notes = [v.methodChanged ? "method changed" : "", v.flags.length ? `flag: ${v.flags.join(", ")}` : ""].filter(Boolean).join("; ");
          return (
            <li key={side}>
              {side === "none" ? "" : `${SIDE_NAMES[side]}: `}
              <strong>{v.display}</strong> · {v.method ?? "method not recorded"}
              {notes ? ` · ${notes}` : ""}
            </li>
          );
        })}
      </ul>
      <p>Rated by {row.rater}</p>
    </div>
  );
}

/** Reports the visit under the tooltip (pointer or keyboard) to the explorer, for Enter. */
function ActiveRowReporter({ onChange }: { onChange: (row: ExplorerRow | null) => void }) {
  const active = useActiveTooltipDataPoints<ExplorerRow>();
  const row = active?.[0] ?? null;
  useEffect(() => onChange(row), [row, onChange]);
  return null;
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: ExplorerRow;
  index?: number;
}

function dotRenderer(side: Side, size: number) {
  function Dot({ cx, cy, payload, index }: DotProps) {
    if (cx === undefined || cy === undefined || !payload?.values[side]) return <g key={`${side}-${index}`} />;
    const v = payload.values[side]!;
    const colour = SIDE_COLOURS[side];
    return (
      <g key={`${side}-${index}`}>
        {v.flags.length ? <circle cx={cx} cy={cy} r={size + 4} fill="none" stroke="#000000" strokeWidth={2} /> : null}
        <path d={markerPath(side, cx, cy, size)} fill={v.methodChanged ? "#ffffff" : colour} stroke={colour} strokeWidth={v.methodChanged ? 2 : 1} />
      </g>
    );
  }
  return Dot;
}

export default function MeasureExplorer({ data }: { data: ExplorerData }) {
  const router = useRouter();
  const active = useRef<ExplorerRow | null>(null);
  const [announced, setAnnounced] = useState("");
  const [zoom, setZoom] = useState({ start: 0, end: Math.max(0, data.rows.length - 1) });
  const onActive = useCallback((row: ExplorerRow | null) => {
    active.current = row;
    if (row) setAnnounced(`${row.date}: ${Object.values(row.values).map((v) => v!.display).join(", ")}`);
  }, []);

  const open = (row: ExplorerRow | null | undefined) => {
    if (row?.visitId) router.push(`/patients/${data.patientId}#visit-${row.visitId}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter" && active.current) {
      event.preventDefault();
      open(active.current);
    }
  };

  const first = data.rows[0]?.time ?? 0;
  const last = data.rows.at(-1)?.time ?? 0;
  return (
    <div className={styles.explorer} onKeyDown={onKeyDown}>
      <p className="hint" id="explorer-help">
        Focus the chart and use the left and right arrow keys to move from visit to visit; Enter (or a click on a point) opens that visit. Drag the
        handles under the chart to zoom into a period.
      </p>
      <div className={styles.explorerChart} data-testid="measure-explorer">
        <ResponsiveContainer width="100%" height={380}>
          <ComposedChart
            data={data.rows}
            margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
            accessibilityLayer
            title={`${data.title} (${data.unit}), every visit`}
            aria-label={`${data.title} (${data.unit}), every visit`}
            desc="Arrow keys move between visits; Enter opens the visit."
            onClick={(state) => {
              const index = Number(state?.activeIndex ?? state?.activeTooltipIndex);
              open(Number.isInteger(index) ? data.rows[index] : active.current);
            }}
          >
            <CartesianGrid stroke="#e5e7eb" vertical={false} />
            {data.normal ? <ReferenceArea y1={data.normal.low} y2={data.normal.high} fill="#c8e6c9" fillOpacity={0.45} ifOverflow="hidden" /> : null}
            {data.mdc.map((m) => (
              <ReferenceArea
                key={`mdc-${m.side}`}
                y1={m.low}
                y2={m.high}
                fill={SIDE_COLOURS[m.side]}
                fillOpacity={0.08}
                stroke={SIDE_COLOURS[m.side]}
                strokeOpacity={0.35}
                strokeDasharray="3 3"
                ifOverflow="hidden"
              />
            ))}
            {data.treatments
              .filter((t) => t.time >= first && t.time <= last)
              .map((t) => (
                <ReferenceLine key={`tx-${t.time}-${t.label}`} x={t.time} stroke="#555555" strokeDasharray="5 3" label={{ value: t.label, position: "insideTopLeft", fontSize: 11, fill: "#333333" }} />
              ))}
            <XAxis dataKey="time" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={dayLabel} minTickGap={32} padding={{ left: 12, right: 12 }} />
            {/* The domain holds every value already (a rating scale its full range); allowDataOverflow
                would clip the markers of values on its edges (a pain of 0 showed only a tip). */}
            <YAxis domain={data.yDomain} width={48} />
            <Tooltip content={ExplorerTooltip} isAnimationActive={false} />
            {data.sides.map((side) => (
              <Line
                key={side}
                name={SIDE_NAMES[side]}
                dataKey={(row: ExplorerRow) => row.values[side]?.value ?? null}
                stroke={SIDE_COLOURS[side]}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
                dot={dotRenderer(side, 4.5)}
                activeDot={dotRenderer(side, 7)}
              />
            ))}
            <Brush
              dataKey="time"
              height={28}
              travellerWidth={12}
              tickFormatter={dayLabel}
              stroke="#4b5563"
              ariaLabel={`Zoom handles: from ${data.rows[zoom.start]?.date ?? ""} to ${data.rows[zoom.end]?.date ?? ""}`}
              onChange={({ startIndex, endIndex }) => setZoom({ start: startIndex ?? 0, end: endIndex ?? data.rows.length - 1 })}
            />
            <ActiveRowReporter onChange={onActive} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
    </div>
  );
}

"use client";
// Hover text for a chart whose long series draw no marker per value (lib/trends/svg-markup,
// DENSE_SERIES_POINTS): on the pointer's first entry it fetches every value's hover text and
// position once (GET …/trends/hover, the same view as the page), then shows the value nearest the
// pointer: value with unit, date, method, rater, flags. The chart itself is the server's markup;
// without JavaScript the markers that remain keep their native hover text, and the table has
// every value.
import { useRef, useState, type CSSProperties, type PointerEvent } from "react";
import type { HoverPoint } from "@/lib/trends/svg-markup";
import { SVG_HEIGHT, SVG_WIDTH } from "@/lib/trends/svg-geometry";
import styles from "./trends.module.css";

/** How near (in viewBox units, ~px) the pointer must be to a value to show it. */
const REACH = 14;

/** Above the value, kept inside the chart: left-aligned near the left edge, right-aligned near the right, below near the top. */
function placeText(p: HoverPoint): CSSProperties {
  const horizontal = p.x < SVG_WIDTH * 0.3 ? "0%" : p.x > SVG_WIDTH * 0.7 ? "-100%" : "-50%";
  const vertical = p.y < SVG_HEIGHT * 0.3 ? "12px" : "calc(-100% - 12px)";
  return { left: `${(p.x / SVG_WIDTH) * 100}%`, top: `${(p.y / SVG_HEIGHT) * 100}%`, transform: `translate(${horizontal}, ${vertical})` };
}

export function ChartHover({ src, svg }: { src: string; svg: string }) {
  const box = useRef<HTMLDivElement>(null);
  const points = useRef<HoverPoint[] | null>(null);
  const loading = useRef<Promise<void> | null>(null);
  const failed = useRef(false);
  // Where the pointer is (null when outside), so the value under it shows as soon as the data arrives.
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const [shown, setShown] = useState<HoverPoint | null>(null);

  const nearest = (clientX: number, clientY: number): HoverPoint | null => {
    const rect = box.current?.querySelector("svg")?.getBoundingClientRect();
    if (!rect || !points.current || rect.width === 0) return null;
    const x = ((clientX - rect.left) / rect.width) * SVG_WIDTH;
    const y = ((clientY - rect.top) / rect.height) * SVG_HEIGHT;
    let best: HoverPoint | null = null;
    let bestDistance = REACH * REACH;
    for (const p of points.current) {
      const d = (p.x - x) ** 2 + (p.y - y) ** 2;
      if (d <= bestDistance) [best, bestDistance] = [p, d];
    }
    return best;
  };

  const load = () => {
    loading.current ??= fetch(src, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<{ points: HoverPoint[] }>) : Promise.reject(new Error(`hover data: ${response.status}`))))
      .then((body) => {
        points.current = body.points;
        if (pointer.current) setShown(nearest(pointer.current.x, pointer.current.y));
      })
      .catch((error: unknown) => {
        // Tried again when the pointer next enters the chart (not on every move); the chart and
        // its table stay usable meanwhile.
        console.warn("Hover data for this chart could not be loaded.", error);
        failed.current = true;
      });
    return loading.current;
  };

  const onMove = (event: PointerEvent<HTMLDivElement>) => {
    pointer.current = { x: event.clientX, y: event.clientY };
    if (points.current) setShown(nearest(event.clientX, event.clientY));
    else if (!failed.current) void load();
  };

  const onEnter = (event: PointerEvent<HTMLDivElement>) => {
    if (failed.current) {
      failed.current = false;
      loading.current = null;
    }
    onMove(event);
  };

  const onLeave = () => {
    pointer.current = null;
    setShown(null);
  };

  return (
    <div ref={box} className={styles.chartBox} onPointerEnter={onEnter} onPointerMove={onMove} onPointerLeave={onLeave}>
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      {shown ? (
        <>
          <span className={styles.hoverDot} style={{ left: `${(shown.x / SVG_WIDTH) * 100}%`, top: `${(shown.y / SVG_HEIGHT) * 100}%` }} />
          <div role="tooltip" className={styles.hoverText} style={placeText(shown)}>
            {shown.text}
          </div>
        </>
      ) : null}
    </div>
  );
}

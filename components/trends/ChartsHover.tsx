"use client";
// Hover text for the trends charts (the markers carry none: a <title> per value was most of a
// long page). The chart section is server markup (lib/trends/section-markup), so this component
// wraps it and listens once for the whole section: when the pointer first enters a chart box
// (data-hover-src), it fetches every value's hover text and position once (GET …/trends/hover,
// the same view as the page), then shows the value nearest the pointer (value with unit, date,
// method, rater, flags) inside that chart's box. Without JavaScript every value is in the chart's
// table; with the keyboard, in the table and in the measure explorer.
import { useRef, useState, type CSSProperties, type PointerEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import type { HoverPoint } from "@/lib/trends/hover";
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

function nearest(box: HTMLElement, points: readonly HoverPoint[], clientX: number, clientY: number): HoverPoint | null {
  const rect = box.querySelector("svg")?.getBoundingClientRect();
  if (!rect || rect.width === 0) return null;
  const x = ((clientX - rect.left) / rect.width) * SVG_WIDTH;
  const y = ((clientY - rect.top) / rect.height) * SVG_HEIGHT;
  let best: HoverPoint | null = null;
  let bestDistance = REACH * REACH;
  for (const p of points) {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestDistance) [best, bestDistance] = [p, d];
  }
  return best;
}

/** One chart's hover data: loaded once; after a failure, tried again on the pointer's next entry. */
interface HoverData {
  points: HoverPoint[] | null;
  loading: Promise<void> | null;
  failed: boolean;
}

export function ChartsHover({ children }: { children: ReactNode }) {
  const data = useRef(new Map<string, HoverData>());
  // The chart box under the pointer and where the pointer is, so the value under it shows as soon
  // as the data arrives.
  const pointer = useRef<{ box: HTMLElement; x: number; y: number } | null>(null);
  const [shown, setShown] = useState<{ box: HTMLElement; point: HoverPoint } | null>(null);

  const show = () => {
    const at = pointer.current;
    const points = at ? data.current.get(at.box.dataset.hoverSrc!)?.points : null;
    const point = at && points ? nearest(at.box, points, at.x, at.y) : null;
    setShown(at && point ? { box: at.box, point } : null);
  };

  const load = (src: string, entry: HoverData) => {
    entry.loading ??= fetch(src, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? (response.json() as Promise<{ points: HoverPoint[] }>) : Promise.reject(new Error(`hover data: ${response.status}`))))
      .then((body) => {
        entry.points = body.points;
        show();
      })
      .catch((error: unknown) => {
        // The chart and its table stay usable meanwhile.
        console.warn("Hover data for this chart could not be loaded.", error);
        entry.failed = true;
      });
  };

  const onMove = (event: PointerEvent<HTMLDivElement>) => {
    const box = (event.target as Element).closest<HTMLElement>("[data-hover-src]");
    if (!box) {
      if (pointer.current) {
        pointer.current = null;
        setShown(null);
      }
      return;
    }
    const entered = pointer.current?.box !== box;
    pointer.current = { box, x: event.clientX, y: event.clientY };
    const src = box.dataset.hoverSrc!;
    let entry = data.current.get(src);
    if (!entry) data.current.set(src, (entry = { points: null, loading: null, failed: false }));
    if (entered && entry.failed) [entry.failed, entry.loading] = [false, null];
    if (entry.points) show();
    else if (!entry.failed) load(src, entry);
  };

  const onLeave = () => {
    pointer.current = null;
    setShown(null);
  };

  return (
    <div onPointerMove={onMove} onPointerLeave={onLeave}>
      {children}
      {shown
        ? createPortal(
            <>
              <span className={styles.hoverDot} style={{ left: `${(shown.point.x / SVG_WIDTH) * 100}%`, top: `${(shown.point.y / SVG_HEIGHT) * 100}%` }} />
              <div role="tooltip" className={styles.hoverText} style={placeText(shown.point)}>
                {shown.point.text}
              </div>
            </>,
            shown.box,
          )
        : null}
    </div>
  );
}

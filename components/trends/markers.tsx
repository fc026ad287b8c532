// The legend's marker shapes and the page's chart definitions (MDC hatches, markers), as React SVG
// elements. The charts themselves are markup (lib/trends/svg-markup) with the same palette and shapes.
import type { Side } from "@/lib/clinical/measures";
import { markerPath, SIDE_COLOURS } from "@/lib/trends/palette";
import { markerId } from "@/lib/trends/svg-markup";

/** One marker centred on (cx, cy), the charts' own shape: filled, or hollow (white) where the method changed. */
export function MarkerShape({ side, cx, cy, hollow = false, size = 4.5 }: { side: Side; cx: number; cy: number; hollow?: boolean; size?: number }) {
  const colour = SIDE_COLOURS[side];
  return <path d={markerPath(side, cx, cy, size)} fill={hollow ? "#ffffff" : colour} stroke={colour} strokeWidth={hollow ? 2 : 1} />;
}

/** The black ring around a point that triggered a flag ("flagged points outlined"). */
export function FlagRing({ cx, cy }: { cx: number; cy: number }) {
  return <circle cx={cx} cy={cy} r={8.5} fill="none" stroke="#000000" strokeWidth={2} />;
}

/**
 * Defined once per page, used by every chart through url(#…): the hatch patterns of the MDC bands
 * and the markers of each side (lib/trends/svg-markup puts them on the vertices of a path).
 */
export function ChartDefs() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: "absolute" }}>
      <defs>
        {(Object.keys(SIDE_COLOURS) as Side[]).map((side) => (
          <pattern key={side} id={`mdc-hatch-${side}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={SIDE_COLOURS[side]} fillOpacity="0.06" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={SIDE_COLOURS[side]} strokeWidth="1.5" strokeOpacity="0.35" />
          </pattern>
        ))}
        {(Object.keys(SIDE_COLOURS) as Side[]).map((side) => (
          <marker key={side} id={markerId(side)} viewBox="-8 -8 16 16" refX="0" refY="0" markerWidth="16" markerHeight="16" markerUnits="userSpaceOnUse" overflow="visible">
            <path d={markerPath(side, 0, 0)} fill={SIDE_COLOURS[side]} stroke={SIDE_COLOURS[side]} strokeWidth="1" />
          </marker>
        ))}
      </defs>
    </svg>
  );
}

// One legend for every chart on the page (they share colours, markers and bands).
import { SIDE_COLOURS } from "@/lib/trends/palette";
import { FlagRing, MarkerShape } from "./markers";
import styles from "./trends.module.css";

function Swatch({ children }: { children: React.ReactNode }) {
  return (
    <svg width="22" height="16" viewBox="0 0 22 16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export function TrendsLegend({ treatments }: { treatments: boolean }) {
  return (
    <ul className={styles.legend} aria-label="Legend">
      <li>
        <Swatch>
          <line x1="0" y1="8" x2="22" y2="8" stroke={SIDE_COLOURS.left} strokeWidth="2" />
          <MarkerShape side="left" cx={11} cy={8} />
        </Swatch>
        Left (circle)
      </li>
      <li>
        <Swatch>
          <line x1="0" y1="8" x2="22" y2="8" stroke={SIDE_COLOURS.right} strokeWidth="2" />
          <MarkerShape side="right" cx={11} cy={8} />
        </Swatch>
        Right (triangle)
      </li>
      <li>
        <Swatch>
          <rect x="1" y="2" width="20" height="12" fill="#c8e6c9" fillOpacity="0.8" />
        </Swatch>
        Normal range
      </li>
      <li>
        <Swatch>
          <rect x="1" y="2" width="20" height="12" fill="url(#mdc-hatch-left)" stroke={SIDE_COLOURS.left} strokeOpacity="0.4" strokeDasharray="3 3" />
        </Swatch>
        Baseline ± MDC (change inside is measurement error)
      </li>
      <li>
        <Swatch>
          <FlagRing cx={11} cy={8} />
          <MarkerShape side="left" cx={11} cy={8} />
        </Swatch>
        Value that triggered a flag
      </li>
      <li>
        <Swatch>
          <MarkerShape side="left" cx={11} cy={8} hollow />
        </Swatch>
        Method changed (line broken)
      </li>
      {treatments ? (
        <li>
          <Swatch>
            <line x1="11" y1="0" x2="11" y2="16" stroke="#555" strokeDasharray="4 2" strokeWidth="1.5" />
          </Swatch>
          Treatment
        </li>
      ) : null}
    </ul>
  );
}

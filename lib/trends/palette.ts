// Colours and marker shapes of the series (ui.md: Okabe-Ito, left blue with one marker, right
// orange with another), shared by the chart markup, the legend and the tables so they never disagree.
import type { Side } from "@/lib/clinical/measures";

export const SIDE_COLOURS: Record<Side, string> = { left: "#0072B2", right: "#E69F00", none: "#333333" };
export const SIDE_NAMES: Record<Side, string> = { left: "Left", right: "Right", none: "Value" };

// The trends CSS module's class names for the server-built chart section (lib/trends/section-markup).
import type { SectionClasses } from "@/lib/trends/section-markup";
import styles from "./trends.module.css";

const name = (key: keyof SectionClasses): string => {
  const value = styles[key];
  if (!value) throw new Error(`trends.module.css has no .${key}`);
  return value;
};

export const SECTION_CLASSES: SectionClasses = {
  group: name("group"),
  grid: name("grid"),
  figure: name("figure"),
  figureTitle: name("figureTitle"),
  normalText: name("normalText"),
  chartBox: name("chartBox"),
  caption: name("caption"),
  tableToggle: name("tableToggle"),
  tableBox: name("tableBox"),
  figureLinks: name("figureLinks"),
};

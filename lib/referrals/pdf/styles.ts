// PDF styles. DejaVu Sans is registered by absolute path (fonts.ts) because Helvetica drops ≤, ≥
// and ✓. lineHeight is only ever set together with fontSize on text styles: on a Page or a parent
// view it blanks the `render` footer (react-pdf bug, see stack notes). Sizes are chosen so that a
// typical note is two pages before its appendix.
import { StyleSheet } from "@react-pdf/renderer";

export const styles = StyleSheet.create({
  page: { fontFamily: "DejaVu Sans", paddingTop: 30, paddingBottom: 40, paddingHorizontal: 36 },
  title: { fontSize: 14, lineHeight: 1.25, fontWeight: "bold" },
  patient: { fontSize: 10.5, lineHeight: 1.35, marginTop: 2 },
  meta: { fontSize: 8, lineHeight: 1.35, color: "#444444" },
  stamp: { fontSize: 8, lineHeight: 1.35, marginTop: 3, padding: 3, borderWidth: 0.5, borderColor: "#888888" },
  section: { marginTop: 7 },
  sectionTitle: { fontSize: 9.5, lineHeight: 1.25, fontWeight: "bold", marginBottom: 2 },
  body: { fontSize: 8.5, lineHeight: 1.35 },
  question: { fontSize: 9.5, lineHeight: 1.35, padding: 4, borderWidth: 0.75, borderColor: "#333333" },
  table: { borderTopWidth: 0.5, borderColor: "#999999" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#cccccc" },
  headRow: { flexDirection: "row", borderBottomWidth: 0.75, borderColor: "#666666" },
  cell: { fontSize: 7.5, lineHeight: 1.3, paddingVertical: 1.5, paddingRight: 4 },
  headCell: { fontSize: 7.5, lineHeight: 1.3, paddingVertical: 1.5, paddingRight: 4, fontWeight: "bold" },
  flagLine: { fontSize: 8.5, lineHeight: 1.35, marginBottom: 1 },
  subTitle: { fontSize: 8.5, lineHeight: 1.3, fontWeight: "bold", marginTop: 3, marginBottom: 1 },
  screen: { flexDirection: "row", flexWrap: "wrap" },
  screenItem: { width: "50%", fontSize: 7, lineHeight: 1.25, paddingRight: 6 },
  charts: { flexDirection: "row", flexWrap: "wrap" },
  chart: { width: "33.3%", paddingRight: 6, marginBottom: 5 },
  chartTitle: { fontSize: 8, lineHeight: 1.25, fontWeight: "bold", marginBottom: 1 },
  chartRow: { flexDirection: "row" },
  chartAxis: { width: 28, justifyContent: "space-between", paddingVertical: 1 },
  small: { fontSize: 6.5, lineHeight: 1.25, color: "#444444" },
  caption: { fontSize: 6.5, lineHeight: 1.25, marginTop: 1 },
  appendixEntry: { marginBottom: 6 },
  bold: { fontWeight: "bold" },
  footer: { position: "absolute", bottom: 16, left: 36, right: 36, fontSize: 7, lineHeight: 1.2, color: "#666666", textAlign: "center" },
});

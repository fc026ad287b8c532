// PDF styles. DejaVu Sans is registered by absolute path (fonts.ts) because Helvetica drops ≤, ≥
// and ✓. lineHeight is only ever set together with fontSize on text styles: on a Page or a parent
// view it blanks the `render` footer (react-pdf bug, see stack notes).
import { StyleSheet } from "@react-pdf/renderer";

export const styles = StyleSheet.create({
  page: { fontFamily: "DejaVu Sans", paddingTop: 36, paddingBottom: 48, paddingHorizontal: 42 },
  title: { fontSize: 16, lineHeight: 1.3, fontWeight: "bold" },
  patient: { fontSize: 11, lineHeight: 1.4, marginTop: 4 },
  meta: { fontSize: 9, lineHeight: 1.4, color: "#444444" },
  stamp: { fontSize: 9, lineHeight: 1.4, marginTop: 4, padding: 4, borderWidth: 0.5, borderColor: "#888888" },
  section: { marginTop: 12 },
  sectionTitle: { fontSize: 11, lineHeight: 1.3, fontWeight: "bold", marginBottom: 3 },
  body: { fontSize: 9.5, lineHeight: 1.45 },
  chartsTitle: { fontSize: 11, lineHeight: 1.3, fontWeight: "bold", marginTop: 14, marginBottom: 4 },
  charts: { flexDirection: "row", flexWrap: "wrap" },
  chart: { width: "50%", paddingRight: 10, marginBottom: 10 },
  chartTitle: { fontSize: 9, lineHeight: 1.3, fontWeight: "bold", marginBottom: 2 },
  chartRow: { flexDirection: "row" },
  chartAxis: { width: 34, justifyContent: "space-between", paddingVertical: 2 },
  small: { fontSize: 7.5, lineHeight: 1.3, color: "#444444" },
  caption: { fontSize: 8, lineHeight: 1.35, marginTop: 2 },
  footer: { position: "absolute", bottom: 20, left: 42, right: 42, fontSize: 7.5, lineHeight: 1.2, color: "#666666", textAlign: "center" },
});

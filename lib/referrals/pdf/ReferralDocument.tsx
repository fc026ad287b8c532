// The referral note as a PDF document: header, the included sections as real text, then a small
// chart per flagged measure. Plain function components of precomputed props (no hooks/context).
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { ReferralPdfProps } from "./data";
import { FlagChartView } from "./FlagChartView";
import { styles } from "./styles";

export function ReferralDocument(props: ReferralPdfProps) {
  return (
    <Document title={`${props.title}: ${props.patientLine}`} author={props.footer} language="en">
      <Page size={props.size} style={props.fontFamily ? [styles.page, { fontFamily: props.fontFamily }] : styles.page}>
        <Text style={styles.title}>{props.title}</Text>
        <Text style={styles.patient}>{props.patientLine}</Text>
        <Text style={styles.meta}>{props.metaLines.join("  ·  ")}</Text>
        <Text style={styles.stamp}>{props.statusLine}</Text>
        {props.sections.map((s) => (
          <View key={s.title} style={styles.section}>
            <Text style={styles.sectionTitle} minPresenceAhead={40}>
              {s.title}
            </Text>
            <Text style={styles.body}>{s.text}</Text>
          </View>
        ))}
        {props.charts.length > 0 ? (
          <View>
            <Text style={styles.chartsTitle} minPresenceAhead={120}>
              Flagged measures over time
            </Text>
            <View style={styles.charts}>
              {props.charts.map((c) => (
                <FlagChartView key={c.code} chart={c} />
              ))}
            </View>
          </View>
        ) : null}
        <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `${props.footer} · page ${pageNumber} of ${totalPages}`} />
      </Page>
    </Document>
  );
}

// The referral note as a PDF: the assembled model (lib/referrals/note) laid out, nothing decided
// here. Page one carries the question, urgency, patient, chronology, diagnosis and key findings;
// the appendix starts on a page of its own. Plain function components of precomputed props (no
// hooks or context: see stack notes). Metadata: Title "Referral: patient, specialty, date",
// Author the referring clinician.
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { FlagLine, NoteBlock, NoteTable, ReferralNote } from "../note/types";
import { flagLineText } from "../note/text";
import { FlagChartView } from "./FlagChartView";
import { styles } from "./styles";

export interface ReferralPdfProps {
  note: ReferralNote;
  size: "A4" | "LETTER";
}

/** Column widths (percent) per table shape; otherwise equal. */
const WIDTHS: Record<number, number[]> = { 6: [24, 17, 17, 9, 25, 8], 4: [26, 30, 28, 16], 3: [16, 30, 54] };

function TableView({ table }: { table: NoteTable }) {
  const widths = WIDTHS[table.columns.length] ?? table.columns.map(() => 100 / table.columns.length);
  return (
    <View style={styles.table}>
      <View style={styles.headRow} fixed={false}>
        {table.columns.map((c, i) => (
          <Text key={c} style={[styles.headCell, { width: `${widths[i]}%` }]}>
            {c}
          </Text>
        ))}
      </View>
      {table.rows.map((row, r) => (
        <View key={r} style={styles.row} wrap={false}>
          {row.map((cell, i) => (
            <Text key={i} style={[styles.cell, { width: `${widths[i]}%` }]}>
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

const lines = (list: FlagLine[], detail: boolean) =>
  list.map((l) => (
    <Text key={l.id} style={styles.flagLine}>
      {flagLineText(l, detail)}
    </Text>
  ));

function BlockBody({ block }: { block: NoteBlock }) {
  const b = block.body;
  switch (b.kind) {
    case "text":
      return <Text style={block.key === "question" ? styles.question : styles.body}>{b.text}</Text>;
    case "table":
      return b.table.rows.length ? <TableView table={b.table} /> : <Text style={styles.body}>{b.empty}</Text>;
    case "flags": {
      const f = b.flags;
      return (
        <View>
          <Text style={styles.subTitle}>{f.leadTitle}</Text>
          {f.lead.length ? lines(f.lead, true) : <Text style={styles.flagLine}>None.</Text>}
          {f.screen ? (
            <View>
              <Text style={styles.subTitle}>Red-flag screen of {f.screen.date}, item by item</Text>
              <View style={styles.screen}>
                {f.screen.items.map((i) => (
                  <Text key={i.label} style={styles.screenItem}>
                    {i.ticked ? "☒ ticked" : "☐ not ticked"}: {i.label} ({i.tier})
                  </Text>
                ))}
              </View>
            </View>
          ) : null}
          {f.screenSummary ? <Text style={styles.flagLine}>{f.screenSummary}</Text> : null}
          {f.others.length ? (
            <View>
              <Text style={styles.subTitle}>{f.othersTitle}</Text>
              {lines(f.others, false)}
            </View>
          ) : null}
        </View>
      );
    }
    case "charts":
      return (
        <View>
          <Text style={styles.small}>{b.charts.window}</Text>
          <Text style={styles.small}>{b.charts.legend}</Text>
          <View style={styles.charts}>
            {b.charts.charts.map((c) => (
              <FlagChartView key={c.code} chart={c} firstDate={b.charts.firstDate} lastDate={b.charts.lastDate} />
            ))}
          </View>
          {b.charts.omitted ? <Text style={styles.caption}>{b.charts.omitted}</Text> : null}
        </View>
      );
    case "appendix":
      return (
        <View>
          {b.entries.map((e) => (
            // One text per entry (the title nested in bold): a third of the layout nodes of one text per line.
            <Text key={e.id} style={[styles.body, styles.appendixEntry]} wrap={false}>
              <Text style={styles.bold}>{e.title}</Text>
              {`\n${e.severity}; regions: ${e.regions}; evidence grade ${e.grade ?? "–"}.${e.threshold ? ` Fires when ${e.threshold}.` : ""}\nValues: ${e.values}.\n${e.explanation}\nSource: ${e.source}.`}
            </Text>
          ))}
        </View>
      );
  }
}

export function ReferralDocument({ note, size }: ReferralPdfProps) {
  return (
    <Document title={note.documentTitle} author={note.documentAuthor} subject={note.heading} creator="Stride" producer="Stride" language="en">
      <Page size={size} style={styles.page}>
        <Text style={styles.title}>{note.heading}</Text>
        <Text style={styles.patient}>{note.patientLine}</Text>
        <Text style={styles.meta}>{note.metaLine}</Text>
        <Text style={styles.stamp}>{note.statusLine}</Text>
        {note.blocks.map((block) => (
          <View key={block.key} style={styles.section} break={block.newPage}>
            <Text style={styles.sectionTitle} minPresenceAhead={30}>
              {block.title}
            </Text>
            <BlockBody block={block} />
          </View>
        ))}
        <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `${note.footer} · page ${pageNumber} of ${totalPages}`} />
      </Page>
    </Document>
  );
}

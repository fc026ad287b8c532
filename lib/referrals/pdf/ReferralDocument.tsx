// The referral note as a PDF: the assembled model (lib/referrals/note) laid out, nothing decided
// here. Page one carries the question, urgency, patient, chronology, diagnosis and key findings;
// the appendix starts on a page of its own. Plain function components of precomputed props (no
// hooks or context: see stack notes). Metadata: Title "Referral: patient, specialty, date",
// Author the referring clinician.
import type { ReactNode } from "react";
import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { FlagLine, NoteBlock, NoteChart, ReferralNote } from "../note/types";
import { flagLineText } from "../note/text";
import { FlagChartView } from "./FlagChartView";
import { styles } from "./styles";

export interface ReferralPdfProps {
  note: ReferralNote;
  size: "A4" | "LETTER";
  /** The page's font families (base first, then the fallbacks the note's text needs: ./fonts). */
  fontFamily?: string[];
}

/** Column widths (percent) per table shape; otherwise equal. */
const WIDTHS: Record<number, number[]> = { 6: [24, 17, 17, 9, 25, 8], 4: [26, 30, 28, 16], 3: [16, 30, 54] };

function Row({ cells, widths, head }: { cells: string[]; widths: number[]; head?: boolean }) {
  return (
    <View style={head ? styles.headRow : styles.row} wrap={false}>
      {cells.map((cell, i) => (
        <Text key={i} style={[head ? styles.headCell : styles.cell, { width: `${widths[i]}%` }]}>
          {cell}
        </Text>
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

/**
 * A block's content split in two: what must stay on the page of the section's heading (its first
 * lines, rows or charts) and the rest, which may flow onto the next page. react-pdf's
 * minPresenceAhead does not look inside nested views, so a heading is kept with its start this way.
 */
function blockParts(block: NoteBlock): { lead: ReactNode; rest: ReactNode } {
  const b = block.body;
  switch (b.kind) {
    case "text": {
      const text = <Text style={block.key === "question" ? styles.question : styles.body}>{b.text}</Text>;
      return b.text.length < 700 ? { lead: text, rest: null } : { lead: null, rest: text };
    }
    case "table": {
      if (b.table.rows.length === 0) return { lead: <Text style={styles.body}>{b.empty}</Text>, rest: null };
      const widths = WIDTHS[b.table.columns.length] ?? b.table.columns.map(() => 100 / b.table.columns.length);
      return {
        lead: (
          <View style={styles.table}>
            <Row cells={b.table.columns} widths={widths} head />
            {b.table.rows.slice(0, 2).map((r, i) => (
              <Row key={i} cells={r} widths={widths} />
            ))}
          </View>
        ),
        rest: b.table.rows.slice(2).map((r, i) => <Row key={i} cells={r} widths={widths} />),
      };
    }
    case "flags": {
      const f = b.flags;
      return {
        lead: (
          <View>
            <Text style={styles.subTitle}>{f.leadTitle}</Text>
            {f.lead.length ? lines(f.lead.slice(0, 1), true) : <Text style={styles.flagLine}>None.</Text>}
          </View>
        ),
        rest: (
          <View>
            {lines(f.lead.slice(1), true)}
            {f.screen ? (
              <View wrap={false}>
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
                <Text style={styles.subTitle} minPresenceAhead={20}>
                  {f.othersTitle}
                </Text>
                {lines(f.others, false)}
              </View>
            ) : null}
          </View>
        ),
      };
    }
    case "charts": {
      const chart = (c: NoteChart) => <FlagChartView key={c.code} chart={c} firstDate={b.charts.firstDate} lastDate={b.charts.lastDate} />;
      return {
        lead: (
          <View>
            <Text style={styles.small}>{b.charts.window}</Text>
            <Text style={styles.small}>{b.charts.legend}</Text>
            <View style={styles.charts}>{b.charts.charts.slice(0, 3).map(chart)}</View>
          </View>
        ),
        rest: (
          <View>
            <View style={styles.charts}>{b.charts.charts.slice(3).map(chart)}</View>
            {b.charts.omitted ? <Text style={styles.caption}>{b.charts.omitted}</Text> : null}
          </View>
        ),
      };
    }
    case "appendix":
      return {
        lead: null,
        rest: (
          <View>
            {b.entries.map((e) => (
              // One text per entry (the title nested in bold): a third of the layout nodes of one text per line.
              <Text key={e.id} style={[styles.body, styles.appendixEntry]} wrap={false}>
                <Text style={styles.bold}>{e.title}</Text>
                {`\n${e.severity}; regions: ${e.regions}; evidence grade ${e.grade ?? "–"}.${e.threshold ? ` Fires when ${e.threshold}.` : ""}\nValues: ${e.values}.\n${e.explanation}\nSource: ${e.source}.`}
              </Text>
            ))}
          </View>
        ),
      };
  }
}

function Section({ block }: { block: NoteBlock }) {
  const { lead, rest } = blockParts(block);
  return (
    <View style={styles.section} break={block.newPage}>
      <View wrap={false}>
        <Text style={styles.sectionTitle} minPresenceAhead={40}>
          {block.title}
        </Text>
        {lead}
      </View>
      {rest}
    </View>
  );
}

export function ReferralDocument({ note, size, fontFamily }: ReferralPdfProps) {
  return (
    <Document title={note.documentTitle} author={note.documentAuthor} subject={note.heading} creator="Stride" producer="Stride" language="en">
      <Page size={size} style={fontFamily ? [styles.page, { fontFamily }] : styles.page}>
        <Text style={styles.title}>{note.heading}</Text>
        <Text style={styles.patient}>{note.patientLine}</Text>
        <Text style={styles.meta}>{note.metaLine}</Text>
        <Text style={styles.stamp}>{note.statusLine}</Text>
        {note.blocks.map((block) => (
          <Section key={block.key} block={block} />
        ))}
        <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `${note.footer} · page ${pageNumber} of ${totalPages}`} />
      </Page>
    </Document>
  );
}

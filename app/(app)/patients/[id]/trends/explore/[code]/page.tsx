// The measure explorer of one measure: its whole history, interactive (components/trends/explorer,
// recharts in the browser, loaded only here), with the values table beside it (the same numbers,
// for reading without a pointer or a chart). Reached from each chart's "Explore" link.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orNotFound } from "@/app/(app)/or-not-found";
import { requireActor } from "@/lib/auth/session";
import { MEASURES, type MeasureCode } from "@/lib/clinical/measures";
import { innerHtml } from "@/lib/markup/html";
import { explorerData } from "@/lib/trends/explorer-data";
import { loadMeasureHistory } from "@/lib/trends/queries";
import { valuesTableHtml } from "@/lib/trends/table-markup";
import { fullName } from "@/components/patients/labels";
import { ExplorerLoader } from "@/components/trends/explorer/ExplorerLoader";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Measure explorer" };

type Props = { params: Promise<{ id: string; code: string }> };

export default async function ExplorePage({ params }: Props) {
  const { id, code } = await params;
  if (!Object.hasOwn(MEASURES, code)) notFound();
  const actor = await requireActor();
  const { patient, chart, treatments } = await orNotFound(() => loadMeasureHistory(actor, id, code as MeasureCode));
  const name = fullName(patient);
  const data = explorerData(patient.id, chart, treatments);
  return (
    <>
      <Link href={`/patients/${patient.id}/trends#chart-${chart.code}`} className="back-link no-print">
        ← Trends: {name}
      </Link>
      <div className="page-header">
        <div>
          <h1>
            {chart.title}: {name}
          </h1>
          <p>
            {data.rows.length} visit{data.rows.length === 1 ? "" : "s"} with a value, the whole history{chart.normalText ? ` · normal: ${chart.normalText}` : ""}
          </p>
        </div>
      </div>
      <ExplorerLoader data={data} />
      <details>
        <summary>Show {chart.title} table</summary>
        <div dangerouslySetInnerHTML={innerHtml(valuesTableHtml(chart))} />
      </details>
    </>
  );
}

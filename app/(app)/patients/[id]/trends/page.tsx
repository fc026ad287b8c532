// Patient trends: is this patient getting better, and is the compensation climbing to the hip or
// back? One history load and one evaluation (lib/trends/queries), shaped by lib/trends/chart-data;
// the controls are URL parameters so the page works without JavaScript and can be shared. Charts
// are server-rendered SVG; the page ships no chart data to the browser.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors/app-errors";
import { buildTrendsChartData } from "@/lib/trends/chart-data";
import { loadTrendsSource } from "@/lib/trends/queries";
import { parseTrendsParams, resolveRange, trendsQuery, RANGE_LABELS } from "@/lib/trends/range";
import { fullName } from "@/components/patients/labels";
import { ChartFigure } from "@/components/trends/ChartFigure";
import { RegionSummary } from "@/components/trends/RegionSummary";
import { TrendsControls } from "@/components/trends/TrendsControls";
import { TrendsLegend } from "@/components/trends/TrendsLegend";
import { MdcPatterns } from "@/components/trends/markers";
import styles from "@/components/trends/trends.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Trends" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(id: string) {
  const actor = await requireActor();
  try {
    return await loadTrendsSource(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function TrendsPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const source = await load(id);
  const controls = parseTrendsParams(query);
  // "Now" is decided once, on the server, for the preset windows; the client never recomputes it.
  const range = resolveRange(controls, Date.now());
  const data = buildTrendsChartData({ ...source, range });
  const basePath = `/patients/${source.patient.id}/trends`;
  const name = fullName(source.patient);
  // ?table=code renders that chart's table even when it is long (see ChartTable).
  const requestedTable = typeof query.table === "string" ? query.table : null;
  const viewQuery = trendsQuery(controls);
  const fullTableHref = (code: string) => `${basePath}${viewQuery ? `${viewQuery}&` : "?"}table=${encodeURIComponent(code)}#chart-${code}`;

  return (
    <>
      <Link href={`/patients/${source.patient.id}`} className="back-link no-print">
        ← {name}
      </Link>
      <div className="page-header">
        <div>
          <h1>Trends: {name}</h1>
          <p>
            {source.assessments.length} visit{source.assessments.length === 1 ? "" : "s"} · dates shown: {RANGE_LABELS[controls.preset]}
            {controls.preset === "custom" ? ` (${controls.from ?? "start"} to ${controls.to ?? "today"})` : ""} · trend sentences
            describe the whole history
          </p>
        </div>
      </div>
      <RegionSummary evaluation={source.evaluation} />
      <TrendsControls basePath={basePath} params={controls} />
      <MdcPatterns />
      {data.groups.length === 0 ? (
        <p className="empty-state">No measures recorded yet.</p>
      ) : (
        <>
          <TrendsLegend treatments={data.treatments.length > 0} />
          <p className="visually-hidden" aria-live="polite">
            {data.pointsShown} values shown.
          </p>
          {data.groups.map((group) => (
            <section key={group.group} className={styles.group} aria-labelledby={`group-${group.group}`}>
              <h2 id={`group-${group.group}`}>{group.title}</h2>
              <div className={styles.grid}>
                {group.charts.map((chart) => (
                  <ChartFigure
                    key={chart.code}
                    chart={chart}
                    xDomain={data.xDomain}
                    xTicks={data.xTicks}
                    treatments={data.treatments}
                    tableRequested={requestedTable === chart.code}
                    fullTableHref={fullTableHref(chart.code)}
                  />
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </>
  );
}

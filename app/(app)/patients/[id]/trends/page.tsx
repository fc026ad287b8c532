// Patient trends: is this patient getting better, and is the compensation climbing to the hip or
// back? lib/trends/queries gives the view (charts and tables as escaped markup, sentences, the
// evaluation for the summary), reused while the patient's data is unchanged; the controls are URL
// parameters so the page works without JavaScript and can be shared. No chart data is sent to the
// browser, only markup: the chart section is one server-built piece of markup
// (lib/trends/section-markup, through lib/markup/html's escaping template) inserted by this server
// component. Each chart links to its measure explorer (./explore/[code]).
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/(app)/or-not-found";
import { requireActor } from "@/lib/auth/session";
import { loadTrendsView } from "@/lib/trends/queries";
import { chartSectionMarkup, groupAnchor } from "@/lib/trends/section-markup";
import { innerHtml } from "@/lib/markup/html";
import { parseTrendsParams, resolveRange, trendsQuery, windowNow, RANGE_LABELS } from "@/lib/trends/range";
import { fullName } from "@/components/patients/labels";
import { ChartsHover } from "@/components/trends/ChartsHover";
import { SECTION_CLASSES } from "@/components/trends/section-classes";
import { RegionSummary } from "@/components/trends/RegionSummary";
import { TrendsControls } from "@/components/trends/TrendsControls";
import { TrendsLegend } from "@/components/trends/TrendsLegend";
import { ChartDefs } from "@/components/trends/markers";
import styles from "@/components/trends/trends.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Trends" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TrendsPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const controls = parseTrendsParams(query);
  const now = windowNow(Date.now());
  const range = resolveRange(controls, now);
  // ?table=code renders that chart's table even when it is long (see lib/trends/section-markup).
  const requestedTable = typeof query.table === "string" ? query.table : null;
  const { patient, view } = await orNotFound(() => loadTrendsView(actor, id, { range, requestedTable }));
  const basePath = `/patients/${patient.id}/trends`;
  const name = fullName(patient);
  const viewQuery = trendsQuery(controls);
  const fullTableHref = (code: string) => `${basePath}${viewQuery ? `${viewQuery}&` : "?"}table=${encodeURIComponent(code)}#chart-${code}`;
  // The hover data of a chart with a long series is fetched on first hover, for this very view.
  const hoverSrc = (code: string) => `${basePath}/hover${viewQuery ? `${viewQuery}&` : "?"}code=${encodeURIComponent(code)}&at=${now}`;
  const exploreHref = (code: string) => `${basePath}/explore/${encodeURIComponent(code)}`;

  return (
    <>
      <Link href={`/patients/${patient.id}`} className="back-link no-print">
        ← {name}
      </Link>
      <div className="page-header">
        <div>
          <h1>Trends: {name}</h1>
          <p>
            {view.visitCount} visit{view.visitCount === 1 ? "" : "s"} · dates shown: {RANGE_LABELS[controls.preset]}
            {controls.preset === "custom" ? ` (${controls.from ?? "start"} to ${controls.to ?? "today"})` : ""} · trend sentences
            describe the whole history
          </p>
        </div>
      </div>
      <RegionSummary evaluation={view.evaluation} />
      <TrendsControls basePath={basePath} params={controls} />
      <ChartDefs />
      {view.groups.length === 0 ? (
        <p className="empty-state">No measures recorded yet.</p>
      ) : (
        <>
          <nav aria-label="Chart groups" className="no-print">
            <ul className={styles.jumpLinks}>
              {view.groups.map((g) => (
                <li key={g.group}>
                  <a href={`#${groupAnchor(g.group)}`}>{g.title}</a>
                </li>
              ))}
            </ul>
          </nav>
          <TrendsLegend treatments={view.hasTreatments} />
          <p className="visually-hidden" aria-live="polite">
            {view.pointsShown} values shown.
          </p>
          <ChartsHover>
            <div dangerouslySetInnerHTML={innerHtml(chartSectionMarkup(view, SECTION_CLASSES, { requestedTable, fullTableHref, hoverSrc, exploreHref }))} />
          </ChartsHover>
        </>
      )}
    </>
  );
}

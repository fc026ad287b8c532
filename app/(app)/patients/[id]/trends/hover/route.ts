// GET /patients/{id}/trends/hover?code=…[&range=…&from=…&to=…&show=…]&at=…: every value of one
// chart with its hover text and position in the chart's viewBox, for the page's ChartsHover (charts
// whose long series carry no marker per value). Same controls, same kept view and same audited
// read as the page; `at` is the page's "now", so the positions match the chart that was drawn.
import { handleApi } from "@/lib/http/api";
import { MEASURES } from "@/lib/clinical/measures";
import { ValidationError } from "@/lib/errors/app-errors";
import { loadTrendsView } from "@/lib/trends/queries";
import { parseTrendsParams, resolveRange, windowNow } from "@/lib/trends/range";

export const dynamic = "force-dynamic";

const DAY_MS = 86_400_000;

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const query = new URL(request.url).searchParams;
    const controls = parseTrendsParams(Object.fromEntries(query));
    // The page's minute when given (and plausible), else this one.
    const at = Number(query.get("at"));
    const now = Number.isSafeInteger(at) && Math.abs(at - Date.now()) < DAY_MS ? windowNow(at) : windowNow(Date.now());
    const { view } = await loadTrendsView(actor, id, { range: resolveRange(controls, now), requestedTable: null });
    const code = query.get("code");
    if (!code || !(code in MEASURES)) throw new ValidationError([{ path: "code", message: "code must be a measure code of the catalog" }]);
    const chart = view.groups.flatMap((g) => g.charts).find((c) => c.code === code);
    return { code, points: chart?.hover ?? [] };
  });
}

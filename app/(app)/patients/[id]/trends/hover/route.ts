// GET /patients/{id}/trends/hover?code=…[&range=…&from=…&to=…&show=…]&at=…: every value of one
// chart with its hover text and position in the chart's viewBox, for the page's ChartsHover. The
// input is checked before anything is read; the view is the page's kept view (one cache per
// process); the hover texts are built here only (lib/trends/hover). Not audited: the page view
// that drew the chart was the audited look at the record, and a hover is not another one.
import { z } from "zod";
import { handleApi } from "@/lib/http/api";
import { MEASURE_CODES } from "@/lib/clinical/measures";
import { NotFoundError } from "@/lib/errors/app-errors";
import { hoverPoints } from "@/lib/trends/hover";
import { loadTrendsView } from "@/lib/trends/queries";
import { parseTrendsParams, resolveRange, windowNow } from "@/lib/trends/range";
import { isUuid, parseInput } from "@/lib/validation/parse";

export const dynamic = "force-dynamic";

const DAY_MS = 86_400_000;

const HoverQuery = z.object({
  code: z.enum(MEASURE_CODES, { error: "code must be a measure code of the catalog" }),
  at: z.coerce.number().int().optional(),
});

export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  return handleApi(request, async (actor) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const { code, at } = parseInput(HoverQuery, { code: query.code, at: query.at || undefined });
    if (!isUuid(id)) throw new NotFoundError("patient");
    // The page's minute when given (and plausible), else this one.
    const now = at !== undefined && Math.abs(at - Date.now()) < DAY_MS ? windowNow(at) : windowNow(Date.now());
    const range = resolveRange(parseTrendsParams(query), now);
    const { view } = await loadTrendsView(actor, id, { range, requestedTable: null, audit: false });
    const chart = view.groups.flatMap((g) => g.charts).find((c) => c.code === code);
    return { code, points: chart ? hoverPoints(chart.hover) : [] };
  });
}

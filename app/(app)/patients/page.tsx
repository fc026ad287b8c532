import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { STATUS_ORDER } from "@/lib/caseload/queries";
import { listPatients } from "@/lib/patients/queries";
import { STATUS_LABELS } from "@/lib/patients/status-badge";
import { PatientTable } from "@/components/patients/PatientTable";
import { Pagination } from "@/components/patients/Pagination";

export const metadata: Metadata = { title: "Patients" };
export const dynamic = "force-dynamic";

// Sorting and the status filter are plain GET parameters, so a sorted, filtered page can be bookmarked.
const SORTS = [
  { value: "name", label: "Name", caption: "by family name" },
  { value: "status", label: "Status (most urgent first)", caption: "most urgent first" },
  { value: "lastAssessed", label: "Last assessed (most recent first)", caption: "most recently assessed first" },
] as const;

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function positiveInt(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export default async function PatientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const q = (one(params.q) ?? "").trim().slice(0, 100);
  const includeArchived = one(params.archived) === "1";
  const page = positiveInt(one(params.page));
  const sort = SORTS.find((o) => o.value === one(params.sort))?.value ?? "name";
  const status = STATUS_ORDER.find((s) => s === one(params.status));

  const actor = await requireActor();
  const result = await listPatients(actor, { q: q || undefined, page, includeArchived, sort, status });

  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (includeArchived) query.set("archived", "1");
  if (sort !== "name") query.set("sort", sort);
  if (status) query.set("status", status);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Patients</h1>
          <p>{actor.clinicName}</p>
        </div>
        <Link href="/patients/new" className="button no-print">
          New patient
        </Link>
      </div>

      <form className="search-form no-print" role="search" action="/patients" method="get">
        <div className="field">
          <label htmlFor="patient-search">Search patients</label>
          <input
            id="patient-search"
            className="input"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={100}
            placeholder="Name or MRN"
            aria-describedby="patient-search-hint"
          />
          <span id="patient-search-hint" className="hint">
            Given name, family name or MRN
          </span>
        </div>
        <div className="field">
          <label htmlFor="patient-sort">Sort by</label>
          <select id="patient-sort" name="sort" className="input" defaultValue={sort}>
            {SORTS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="patient-status">Status</label>
          <select id="patient-status" name="status" className="input" defaultValue={status ?? ""}>
            <option value="">Any status</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox">
          <input type="checkbox" name="archived" value="1" defaultChecked={includeArchived} />
          Include archived
        </label>
        <button type="submit" className="button">
          Search
        </button>
        {q || includeArchived || status || sort !== "name" ? (
          <Link href="/patients" className="button button-secondary">
            Clear
          </Link>
        ) : null}
      </form>

      <section className="card" aria-labelledby="patients-heading">
        <h2 id="patients-heading" className="visually-hidden">
          {q ? `Patients matching “${q}”` : "All patients"}
        </h2>
        {result.items.length > 0 ? (
          <>
            <PatientTable patients={result.items} caption={`${q ? `Patients matching “${q}”` : "Patients"}, ${SORTS.find((o) => o.value === sort)!.caption}`} />
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} query={query} />
          </>
        ) : (
          <div className="empty-state">
            {q || status ? (
              <>
                <h3>{q ? `No patients match “${q}”` : "No patients with this status"}</h3>
                <p>{q ? "Check the spelling, or search by MRN." : "Choose another status, or any status."}</p>
                <Link href="/patients" className="button button-secondary">
                  Show all patients
                </Link>
              </>
            ) : result.total > 0 ? (
              <>
                <h3>No patients on this page</h3>
                <p>The list is shorter than that.</p>
                <Link href="/patients" className="button button-secondary">
                  Back to the first page
                </Link>
              </>
            ) : (
              <>
                <h3>No patients yet</h3>
                <p>Patients added to {actor.clinicName} will be listed here.</p>
              </>
            )}
          </div>
        )}
      </section>
    </>
  );
}

import Link from "next/link";

function pageHref(base: URLSearchParams, page: number): string {
  const params = new URLSearchParams(base);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const query = params.toString();
  return query ? `/patients?${query}` : "/patients";
}

export function Pagination({ page, pageSize, total, query }: { page: number; pageSize: number; total: number; query: URLSearchParams }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pages">
      <p className="muted" style={{ margin: 0 }}>
        Showing {first}–{last} of {total} {total === 1 ? "patient" : "patients"}
        {pages > 1 ? ` · page ${page} of ${pages}` : ""}
      </p>
      {pages > 1 ? (
        <div className="pagination-links">
          {page > 1 ? (
            <Link className="button button-secondary" href={pageHref(query, page - 1)} rel="prev">
              Previous page
            </Link>
          ) : null}
          {page < pages ? (
            <Link className="button button-secondary" href={pageHref(query, page + 1)} rel="next">
              Next page
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}

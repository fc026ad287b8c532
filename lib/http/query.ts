// Query-string values the API reads the same way on every route.

/** A yes/no switch such as ?includeDeleted=true: "true" or "1" turn it on, anything else leaves it off. */
export function queryFlag(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  return value === "true" || value === "1";
}

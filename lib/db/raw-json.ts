// A JSON column read through a raw query arrives parsed (the pg driver) or as its text (some
// drivers): one place that gives the value either way.
export function parsedJson(value: unknown): unknown {
  return typeof value === "string" ? (JSON.parse(value) as unknown) : value;
}

// For the chart tests: what an "M x y l dx dy …" path draws, read back as a browser would.
import { r1 } from "./svg-geometry";

/** The absolute vertices of an "M x y l dx dy …" path. */
export function pathVertices(d: string): [number, number][] {
  const numbers = (d.match(/-?\d*\.?\d+/g) ?? []).map(Number);
  const out: [number, number][] = [[numbers[0]!, numbers[1]!]];
  for (let i = 2; i < numbers.length; i += 2) {
    const [x, y] = out[out.length - 1]!;
    out.push([r1(x + numbers[i]!), r1(y + numbers[i + 1]!)]);
  }
  return out;
}

/**
 * Whether the path's line goes through every position in order and turns only at positions: each
 * vertex is one of them, and each position lies on the line between two consecutive vertices.
 */
export function drawsThrough(d: string, positions: readonly { x: number; y: number }[]): boolean {
  const vertices = pathVertices(d);
  const same = (a: [number, number], p: { x: number; y: number }) => Math.abs(a[0] - p.x) < 1e-6 && Math.abs(a[1] - p.y) < 1e-6;
  const onSegment = (a: [number, number], b: [number, number], p: { x: number; y: number }) => {
    const cross = (b[0] - a[0]) * (p.y - a[1]) - (b[1] - a[1]) * (p.x - a[0]);
    const within = p.x >= Math.min(a[0], b[0]) - 1e-6 && p.x <= Math.max(a[0], b[0]) + 1e-6 && p.y >= Math.min(a[1], b[1]) - 1e-6 && p.y <= Math.max(a[1], b[1]) + 1e-6;
    return Math.abs(cross) < 1e-6 && within;
  };
  if (!positions.length || !same(vertices[0]!, positions[0]!) || !same(vertices.at(-1)!, positions.at(-1)!)) return false;
  if (!vertices.every((v) => positions.some((p) => same(v, p)))) return false;
  let k = 0;
  for (const p of positions) {
    while (!onSegment(vertices[k]!, vertices[Math.min(k + 1, vertices.length - 1)]!, p)) {
      k++;
      if (k >= vertices.length) return false;
    }
  }
  return true;
}

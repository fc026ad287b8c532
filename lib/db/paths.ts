import path from "node:path";

/** Absolute path of the repository root; scripts and the server all run from it. */
export const projectRoot = process.env.STRIDE_ROOT ?? process.cwd();

export const resolveFromRoot = (p: string) =>
  // The ignore comment stops Turbopack from tracing the whole project through this dynamic join.
  path.isAbsolute(p) ? p : path.join(/*turbopackIgnore: true*/ projectRoot, p);

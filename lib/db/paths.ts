import path from "node:path";

/** Absolute path of the repository root; scripts and the server all run from it. */
export const projectRoot = process.env.STRIDE_ROOT ?? process.cwd();

export const resolveFromRoot = (p: string) => (path.isAbsolute(p) ? p : path.join(projectRoot, p));

// Runs once when the Next server starts. The Node-only watchdog lives in its own module, loaded
// only on the Node runtime, so the Edge build never sees process.exit / process.ppid.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const parent = Number(process.env.STRIDE_PARENT_PID);
  if (!parent) return;
  const { exitWhenParentDies } = await import("@/lib/runtime/parent-watchdog");
  exitWhenParentDies(parent);
}

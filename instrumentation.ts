// Runs once when the Next server starts. Under `npm start`, Next is a child of the process that
// owns the embedded database; if that parent is killed (even with kill -9) the app must not keep
// serving without a database, so it exits when its parent is gone.
export function register() {
  const parent = Number(process.env.STRIDE_PARENT_PID);
  if (process.env.NEXT_RUNTIME !== "nodejs" || !parent) return;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      console.error("[stride] the start-up process is gone; stopping the app server.");
      process.exit(1);
    }
  }, 1000);
  timer.unref();
}

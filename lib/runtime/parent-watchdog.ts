// Under `npm start`, Next runs as a child of the process that owns the embedded database. If that
// parent is killed (even with kill -9) the app must not keep serving without a database, so it
// exits when its parent is gone. Node-only: imported from instrumentation.ts on the Node runtime.
export function exitWhenParentDies(parentPid: number): void {
  const timer = setInterval(() => {
    if (process.ppid !== parentPid) {
      console.error("[stride] the start-up process is gone; stopping the app server.");
      process.exit(1);
    }
  }, 1000);
  timer.unref();
}

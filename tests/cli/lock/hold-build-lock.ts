// Test-only: takes the build lock of the folder in argv[2] `rounds` times (argv[3]), and while
// holding it appends "enter <pid>" and "exit <pid>" to argv[2]/held.log, with a pause between,
// so a test can see whether two processes ever held the lock at once.
import { appendFileSync } from "node:fs";
import path from "node:path";
import { withBuildLock } from "@/lib/db/build-check";

const [root, rounds] = [process.argv[2]!, Number(process.argv[3] ?? 1)];
const log = path.join(root, "held.log");
for (let round = 0; round < rounds; round++) {
  await withBuildLock(async () => {
    appendFileSync(log, `enter ${process.pid}\n`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    appendFileSync(log, `exit ${process.pid}\n`);
  }, root);
}

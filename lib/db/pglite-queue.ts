// A fix for @electric-sql/pglite-socket 0.2.17's query queue, applied to each server we start.
//
// The socket server queues every protocol message on its own and, outside a transaction, runs
// them in arrival order across connections. With the extended protocol a query is several
// messages (Parse, Bind, Describe, Execute … Sync): two connections interleave them and one
// connection's Bind finds the other's unnamed statement ("unnamed prepared statement does not
// exist"). Worse, after a failed message the queue stops for good and every later query hangs.
// This queue keeps one connection's messages together from its first extended-protocol message
// to its Sync (as PostgreSQL itself would), as well as for a whole transaction, and keeps going
// after a failure.
import type { PGlite } from "@electric-sql/pglite";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  db: PGlite;
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
/** Parse, Bind, Describe, Execute, Close, Flush: messages that must run up to the next Sync. */
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

export function keepExtendedQueriesTogether(server: object): void {
  const queue = (server as { queryQueue?: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function") {
    throw new Error("pglite-socket changed: the embedded server's query queue is not where Stride expects it");
  }
  /** The connection between an extended-protocol message and its Sync, if any. */
  let midExchange: number | null = null;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = midExchange ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let item: QueuedMessage | undefined;
        if (owner !== null) {
          const index = this.queue.findIndex((q) => q.handlerId === owner);
          if (index === -1) break; // wait for the owner's next message
          item = this.queue.splice(index, 1)[0];
        } else {
          item = this.queue.shift();
        }
        if (!item) break;
        const type = item.message[0]!;
        if (EXTENDED.has(type)) midExchange = item.handlerId;
        else if (type === SYNC || type === SIMPLE_QUERY || type === TERMINATE) midExchange = null;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          this.lastHandlerId = item.handlerId;
          item.resolve(bytes);
        } catch (error) {
          this.lastHandlerId = item.handlerId;
          item.reject(error);
        }
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    // A connection that vanished mid-exchange must not hold the queue.
    if (midExchange === handlerId) midExchange = null;
    void queue.processQueue();
  };
}

// Built trends views kept in this server's memory, keyed by a fingerprint of exactly the data they
// were built from (computed by the database on every request, lib/trends/queries), so a view is
// reused only while the patient's visits, values, raters' names, treatments and demographics are
// unchanged: any write gives a new key and the old entry simply ages out. Nothing is shared
// between servers and nothing needs invalidating. Bounded by size (least recently used goes first).
import type { TrendsView } from "./view";

const DEFAULT_BUDGET_BYTES = 24 * 1024 * 1024;

/** What a view holds in memory: JavaScript strings are UTF-16, two bytes a character. */
function costOf(view: TrendsView): number {
  return view.size * 2;
}

export class TrendsViewCache {
  private readonly entries = new Map<string, TrendsView>();
  private bytes = 0;

  constructor(private readonly budgetBytes = DEFAULT_BUDGET_BYTES) {}

  get(key: string): TrendsView | undefined {
    const view = this.entries.get(key);
    if (view) {
      // Map keeps insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, view);
    }
    return view;
  }

  set(key: string, view: TrendsView): void {
    const cost = costOf(view);
    if (cost > this.budgetBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= costOf(old);
    }
    this.entries.set(key, view);
    this.bytes += cost;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.bytes -= costOf(entry);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get usedBytes(): number {
    return this.bytes;
  }
}

// Turns a stream of keyboard/mouse events into at most one "still here" report per interval, never losing the last one.

export const ACTIVITY_REPORT_INTERVAL_MS = 20_000;

/**
 * The first activity is reported at once; activity during the following interval is folded into a
 * single report at the end of it, so the server always hears about the latest activity.
 */
export class ActivityThrottle {
  private lastReportAt: number | null = null;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly report: () => void,
    private readonly intervalMs: number = ACTIVITY_REPORT_INTERVAL_MS,
  ) {}

  /** Call on every activity event; cheap enough for mousemove. */
  activity(): void {
    if (this.pending !== null) return;
    const now = Date.now();
    const wait = this.lastReportAt === null ? 0 : this.lastReportAt + this.intervalMs - now;
    if (wait <= 0) {
      this.send();
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = null;
      this.send();
    }, wait);
  }

  /** Drops a report still waiting (the window is locking or signing out). */
  stop(): void {
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
  }

  private send(): void {
    this.lastReportAt = Date.now();
    this.report();
  }
}

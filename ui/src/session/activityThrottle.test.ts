// Tests for the activity throttle: one report at once, then at most one per interval, the last activity never lost.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ACTIVITY_REPORT_INTERVAL_MS, ActivityThrottle } from "./activityThrottle";

describe("ActivityThrottle", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reports the first activity at once", () => {
    const report = vi.fn();
    new ActivityThrottle(report).activity();
    expect(report).toHaveBeenCalledTimes(1);
  });

  it("folds a burst of activity into one report at the end of the interval", () => {
    const report = vi.fn();
    const throttle = new ActivityThrottle(report);
    throttle.activity();
    for (let second = 1; second < 20; second += 1) {
      vi.advanceTimersByTime(1_000);
      throttle.activity();
    }
    expect(report).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_000);
    expect(report).toHaveBeenCalledTimes(2);
  });

  it("never reports more than once per interval under constant activity", () => {
    const start = Date.now();
    const reportedAt: number[] = [];
    const throttle = new ActivityThrottle(() => reportedAt.push(Date.now() - start));
    for (let step = 0; step < 600; step += 1) {
      throttle.activity();
      vi.advanceTimersByTime(100);
    }
    // A minute of activity every 100 ms: one report per interval, the last at the end of the minute.
    expect(reportedAt).toEqual([0, 20_000, 40_000, 60_000]);
    vi.advanceTimersByTime(ACTIVITY_REPORT_INTERVAL_MS);
    expect(reportedAt).toHaveLength(4);
  });

  it("reports at once again after a quiet interval, and nothing while quiet", () => {
    const report = vi.fn();
    const throttle = new ActivityThrottle(report);
    throttle.activity();
    vi.advanceTimersByTime(5 * ACTIVITY_REPORT_INTERVAL_MS);
    expect(report).toHaveBeenCalledTimes(1);
    throttle.activity();
    expect(report).toHaveBeenCalledTimes(2);
  });

  it("drops the waiting report when stopped", () => {
    const report = vi.fn();
    const throttle = new ActivityThrottle(report);
    throttle.activity();
    throttle.activity();
    throttle.stop();
    vi.advanceTimersByTime(ACTIVITY_REPORT_INTERVAL_MS);
    expect(report).toHaveBeenCalledTimes(1);
  });
});

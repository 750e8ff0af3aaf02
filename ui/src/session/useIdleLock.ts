// While the app is open: reports activity to the server (throttled) and polls app_status so an idle lock shows up.
import { useEffect } from "react";
import { appStatus, reportActivity } from "../api";
import type { AppStatus } from "../bindings/AppStatus";
import { ActivityThrottle } from "./activityThrottle";

export const STATUS_POLL_INTERVAL_MS = 15_000;

const ACTIVITY_EVENTS = ["keydown", "mousedown", "mousemove", "pointerdown", "wheel", "touchstart"] as const;

/** `onLeftApp` receives the new status when the server says the window should no longer show the app. */
export function useIdleLock(onLeftApp: (status: AppStatus) => void): void {
  useEffect(() => {
    // A failed report needs no handling here: a lost session is announced by the api module.
    const throttle = new ActivityThrottle(() => {
      reportActivity().catch(() => undefined);
    });
    const onActivity = () => throttle.activity();
    // Capture phase, so a component that stops an event's propagation still counts as activity.
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, onActivity, { capture: true, passive: true }));

    const poll = setInterval(() => {
      appStatus()
        .then((status) => {
          if (status.screen !== "app") onLeftApp(status);
        })
        .catch(() => undefined);
    }, STATUS_POLL_INTERVAL_MS);

    return () => {
      clearInterval(poll);
      throttle.stop();
      ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, onActivity, { capture: true }));
    };
  }, [onLeftApp]);
}

// Asks the server what the window should show (app_status) and shows that screen; re-asks when the session is lost.
import { useCallback, useEffect, useRef, useState } from "react";
import { appStatus, messageOf, onSessionLost, reportFirstPaint } from "./api";
import type { AppStatus } from "./bindings/AppStatus";
import type { BusinessProfile } from "./bindings/BusinessProfile";
import { Frame } from "./frame/Frame";
import { placeOf, type Place } from "./frame/nav";
import { LockScreen } from "./screens/LockScreen";
import { LoginScreen } from "./screens/LoginScreen";
import { SetupScreen } from "./screens/SetupScreen";
import { StartupProblemScreen } from "./screens/StartupProblemScreen";
import { StatusUnavailableScreen } from "./screens/StatusUnavailableScreen";

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  // The page survives a lock and unlock; someone else signing in starts on the dashboard.
  const [place, setPlace] = useState<{ userId: number; place: Place } | null>(null);

  const refresh = useCallback(() => {
    appStatus()
      .then((next) => {
        setStatus(next);
        setStatusError(null);
      })
      .catch((reason: unknown) => setStatusError(messageOf(reason)));
  }, []);

  useEffect(() => {
    refresh();
    return onSessionLost(refresh);
  }, [refresh]);

  const firstPaintReported = useRef(false);
  useEffect(() => {
    if (status === null || firstPaintReported.current) return;
    firstPaintReported.current = true;
    // Only a measurement: if it fails, nobody needs to know.
    requestAnimationFrame(() => {
      reportFirstPaint().catch(() => undefined);
    });
  }, [status]);

  const profileSaved = useCallback((profile: BusinessProfile) => {
    setStatus((current) =>
      current && { ...current, businessName: profile.name, idleLockMinutes: profile.idleLockMinutes },
    );
  }, []);

  if (statusError !== null) return <StatusUnavailableScreen message={statusError} onRetry={refresh} />;
  if (status === null) return <div className="screen-opening">Opening Kontor…</div>;

  const businessName = status.businessName ?? "Kontor";
  switch (status.screen) {
    case "problem":
      return <StartupProblemScreen problem={status.problem} onStatus={setStatus} />;
    case "setup":
      return <SetupScreen onStatus={setStatus} />;
    case "login":
      return <LoginScreen businessName={businessName} onStatus={setStatus} />;
    case "locked":
      if (status.user === null) return <LoginScreen businessName={businessName} onStatus={setStatus} />;
      return <LockScreen businessName={businessName} user={status.user} onStatus={setStatus} />;
    case "app": {
      const user = status.user;
      if (user === null) return <LoginScreen businessName={businessName} onStatus={setStatus} />;
      return (
        <Frame
          businessName={businessName}
          user={user}
          onStatus={setStatus}
          onProfileSaved={profileSaved}
          place={place?.userId === user.id ? place.place : placeOf("dashboard")}
          onNavigate={(next) => setPlace({ userId: user.id, place: next })}
        />
      );
    }
  }
}

// The bar above every page: business name, who is signed in, and Lock / Sign out.
import { useState } from "react";
import { lockNow, logOut, messageOf } from "../api";
import type { AppStatus } from "../bindings/AppStatus";
import type { SignedInUser } from "../bindings/SignedInUser";
import { roleLabel } from "../roles";

type Props = { businessName: string; user: SignedInUser; onStatus: (status: AppStatus) => void };

export function Header({ businessName, user, onStatus }: Props) {
  const [error, setError] = useState<string | null>(null);

  const run = (command: () => Promise<AppStatus>) => () => {
    setError(null);
    command()
      .then(onStatus)
      .catch((reason: unknown) => setError(messageOf(reason)));
  };

  return (
    <header className="header">
      <span className="header-business-name" data-testid="header-business-name">
        {businessName}
      </span>
      {error !== null && (
        <span className="header-error" role="alert">
          {error}
        </span>
      )}
      <span className="header-user" data-testid="header-user">
        <span className="header-user-name">{user.name}</span>{" "}
        <span className="role-badge">{roleLabel(user.role)}</span>
      </span>
      <button type="button" className="button-quiet" data-testid="lock-now" onClick={run(lockNow)} title="Lock the window; your password opens it again">
        Lock
      </button>
      <button type="button" className="button-quiet" data-testid="logout" onClick={run(logOut)}>
        Sign out
      </button>
    </header>
  );
}

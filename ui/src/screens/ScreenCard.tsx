// The centred card every screen before the app uses (setup, login, lock, startup problems), under the Kontor mark.
import type { ReactNode } from "react";
import { KontorMark } from "../components/KontorMark";

type Props = { title: string; subtitle?: string; wide?: boolean; testId?: string; children: ReactNode };

export function ScreenCard({ title, subtitle, wide = false, testId, children }: Props) {
  return (
    <div className="screen">
      <section className={wide ? "screen-card screen-card-wide" : "screen-card"} data-testid={testId}>
        <header className="screen-card-header">
          <KontorMark size={40} />
          <div>
            <h1 className="screen-title">{title}</h1>
            {subtitle !== undefined && <p className="screen-subtitle">{subtitle}</p>}
          </div>
        </header>
        {children}
      </section>
    </div>
  );
}

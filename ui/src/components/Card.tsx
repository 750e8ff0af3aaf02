// A panel on a page (Settings is made of these), with an optional title and note on top.
import type { ReactNode } from "react";

type Props = { title?: string; note?: string; children: ReactNode };

export function Card({ title, note, children }: Props) {
  return (
    <section className="card">
      {(title !== undefined || note !== undefined) && (
        <header className="card-header">
          {title !== undefined && <h2 className="card-title">{title}</h2>}
          {note !== undefined && <p className="card-note">{note}</p>}
        </header>
      )}
      {children}
    </section>
  );
}

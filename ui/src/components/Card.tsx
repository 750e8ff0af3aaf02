// A titled panel on a page (Settings is made of these).
import type { ReactNode } from "react";

type Props = { title: string; note?: string; children: ReactNode };

export function Card({ title, note, children }: Props) {
  return (
    <section className="card">
      <header className="card-header">
        <h2 className="card-title">{title}</h2>
        {note !== undefined && <p className="card-note">{note}</p>}
      </header>
      {children}
    </section>
  );
}

// The frame of one page: its title (and an optional line under it) above its content.
import type { ReactNode } from "react";
import type { PageId } from "../frame/nav";

type Props = { id: PageId; title: string; intro?: string; children: ReactNode };

export function Page({ id, title, intro, children }: Props) {
  return (
    <section className="page" data-testid={`page-${id}`} aria-labelledby={`page-title-${id}`}>
      <header className="page-header">
        <h1 className="page-title" id={`page-title-${id}`}>
          {title}
        </h1>
        {intro !== undefined && <p className="page-intro">{intro}</p>}
      </header>
      {children}
    </section>
  );
}

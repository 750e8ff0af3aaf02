// The frame of one page: its title (a back link above it, a line under it, both optional) above its content.
import type { ReactNode } from "react";
import type { PageId } from "../frame/nav";

type Props = { id: PageId; title: string; intro?: string; back?: ReactNode; children: ReactNode };

export function Page({ id, title, intro, back, children }: Props) {
  return (
    <section className="page" data-testid={`page-${id}`} aria-labelledby={`page-title-${id}`}>
      <header className="page-header">
        {back}
        <h1 className="page-title" id={`page-title-${id}`}>
          {title}
        </h1>
        {intro !== undefined && <p className="page-intro">{intro}</p>}
      </header>
      {children}
    </section>
  );
}

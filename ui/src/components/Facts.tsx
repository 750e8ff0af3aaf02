// A block of labelled facts (label on the left, value on the right), as detail panels and the order header show them.
import type { ReactNode } from "react";

export type Fact = { label: string; value: ReactNode; testId?: string };

export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="facts">
      {facts.map((fact) => (
        <div className="fact" key={fact.label}>
          <dt>{fact.label}</dt>
          <dd data-testid={fact.testId}>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

// What a page shows while it has nothing to list: a headline and one line on what will appear there.
type Props = { headline: string; line: string };

export function EmptyState({ headline, line }: Props) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <p className="empty-state-headline">{headline}</p>
      <p className="empty-state-line">{line}</p>
    </div>
  );
}

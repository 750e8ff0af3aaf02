// The bar above a list: its search box, its filters (children) and the button that adds a new record.
import type { ReactNode } from "react";

type Props = {
  search: { testId: string; label: string; placeholder: string; value: string; onChange: (value: string) => void };
  /** Lists whose records are made elsewhere (invoices, issued from an order) have none. */
  add?: { testId: string; label: string; onClick: () => void };
  children?: ReactNode;
};

export function ListToolbar({ search, add, children }: Props) {
  return (
    <div className="toolbar">
      <input
        className="toolbar-search"
        type="search"
        data-testid={search.testId}
        aria-label={search.label}
        placeholder={search.placeholder}
        value={search.value}
        onChange={(event) => search.onChange(event.target.value)}
        autoFocus
      />
      {children}
      {add !== undefined && (
        <button type="button" className="button-primary toolbar-end" data-testid={add.testId} onClick={add.onClick}>
          {add.label}
        </button>
      )}
    </div>
  );
}

/** A checkbox filter in the toolbar. */
export function ToolbarCheck({ testId, label, checked, onChange }: { testId: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" data-testid={testId} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

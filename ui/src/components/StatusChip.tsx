// An order's status as a coloured chip (draft grey, placed blue, processing teal, shipped violet, delivered green, cancelled red-grey).
import type { OrderStatus } from "../bindings/OrderStatus";
import { statusLabel } from "../labels";

export function StatusChip({ status, testId }: { status: OrderStatus; testId?: string }) {
  return (
    <span className={`chip chip-${status}`} data-testid={testId} data-status={status}>
      {statusLabel(status)}
    </span>
  );
}

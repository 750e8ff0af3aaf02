// Tests of the Queues page: counts on the tabs, items opening their order, and "mark done" reloading the queue.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { QueueItem } from "../../bindings/QueueItem";
import { answerCommands } from "../../testCommands";
import { QueuesPage } from "./QueuesPage";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const item: QueueItem = {
  queue: "returns",
  itemId: 41,
  orderId: 7,
  orderNumber: "SO-000007",
  title: "Łukasz Müller",
  detail: "1 × B-2 returned",
  amount: null,
  at: "2026-11-10T10:00:00Z",
};

describe("QueuesPage", () => {
  it("lists the queue's items, opens an order, and marks an item done", async () => {
    let waiting = [item];
    invokeMock.mockImplementation(
      answerCommands({
        queues_counts: () => [
          { queue: "sales", label: "Sales", count: 3 },
          { queue: "returns", label: "Returns", count: waiting.length },
        ],
        queues_items: () => waiting,
        queues_mark_done: () => {
          waiting = [];
          return null;
        },
      }),
    );
    const onOpenOrder = vi.fn();
    const onCounts = vi.fn();
    render(<QueuesPage initial="returns" onOpenOrder={onOpenOrder} onCounts={onCounts} />);
    expect((await screen.findByTestId("queue-tab-returns")).textContent).toBe("Returns1");
    expect(screen.getByTestId("queue-item").textContent).toContain("1 × B-2 returned");
    fireEvent.click(screen.getByTestId("queue-open"));
    expect(onOpenOrder).toHaveBeenCalledWith("SO-000007");
    fireEvent.click(screen.getByTestId("queue-done"));
    await waitFor(() => expect(screen.queryByTestId("queue-item")).toBeNull());
    expect(invokeMock).toHaveBeenCalledWith("queues_mark_done", { queue: "returns", itemId: 41 });
    expect(screen.getByTestId("queue-tab-returns").textContent).toBe("Returns0");
    expect(onCounts).toHaveBeenLastCalledWith([
      { queue: "sales", label: "Sales", count: 3 },
      { queue: "returns", label: "Returns", count: 0 },
    ]);
  });

  it("switches queue from its tab", async () => {
    invokeMock.mockImplementation(
      answerCommands({ queues_counts: { ok: [{ queue: "vip", label: "VIP", count: 0 }] }, queues_items: { ok: [] } }),
    );
    render(<QueuesPage onOpenOrder={vi.fn()} />);
    fireEvent.click(await screen.findByTestId("queue-tab-vip"));
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith("queues_items", { queue: "vip" }));
    expect(screen.getByTestId("empty-state").textContent).toContain("Nothing waiting here");
  });
});

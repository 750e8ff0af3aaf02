// Tests of the demo-data offer: only on an empty book, progress while loading, the summary when done.
import { invoke } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { answerCommands } from "../../testCommands";
import { DemoLoader } from "./DemoLoader";

vi.mock("@tauri-apps/api/core", () => ({
  invoke: vi.fn(),
  Channel: class {
    onmessage: (message: unknown) => void = () => {};
  },
}));
const invokeMock = vi.mocked(invoke);

afterEach(() => {
  invokeMock.mockReset();
});

const emptyPage = { ok: { items: [], total: 0 } };

describe("DemoLoader", () => {
  it("offers demo data on an empty book, shows progress, and reports the summary", async () => {
    let finish: (summary: unknown) => void = () => {};
    invokeMock.mockImplementation(
      answerCommands({
        customers_list: emptyPage,
        products_list: emptyPage,
        demo_load: (args) => {
          const channel = (args as { onProgress: { onmessage: (m: unknown) => void } }).onProgress;
          channel.onmessage({ done: 40, total: 2000 });
          return new Promise((resolve) => (finish = resolve));
        },
      }),
    );
    const onLoaded = vi.fn();
    render(<DemoLoader onLoaded={onLoaded} />);
    fireEvent.click(await screen.findByTestId("demo-load"));
    await waitFor(() => expect(screen.getByTestId("demo-progress").textContent).toContain("40 of 2000 orders"));
    finish({ customers: 60, products: 200, orders: 2000 });
    await waitFor(() => expect(onLoaded).toHaveBeenCalledWith({ customers: 60, products: 200, orders: 2000 }));
  });

  it("stays away from a book that already has customers or products", async () => {
    invokeMock.mockImplementation(answerCommands({ customers_list: { ok: { items: [], total: 3 } }, products_list: emptyPage }));
    const { container } = render(<DemoLoader onLoaded={vi.fn()} />);
    await waitFor(() => expect(invokeMock).toHaveBeenCalledWith("products_list", expect.anything()));
    expect(container.textContent).toBe("");
    expect(screen.queryByTestId("demo-load")).toBeNull();
  });
});

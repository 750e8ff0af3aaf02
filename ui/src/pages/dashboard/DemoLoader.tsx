// On an empty book, the owner may fill it with the demo business (the same one `kontor demo` makes) and watch it load.
import { Channel } from "@tauri-apps/api/core";
import { useEffect, useState } from "react";
import { call, KontorError } from "../../api";
import type { DemoProgress } from "../../bindings/DemoProgress";
import type { DemoSummary } from "../../bindings/DemoSummary";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { listCustomers, listProducts } from "../../shopApi";

type Props = { onLoaded: (summary: DemoSummary) => void };

type State =
  | { step: "checking" }
  | { step: "not-empty" }
  | { step: "offer"; error: string | null }
  | { step: "loading"; progress: DemoProgress | null };

export function DemoLoader({ onLoaded }: Props) {
  const [state, setState] = useState<State>({ step: "checking" });

  useEffect(() => {
    let current = true;
    Promise.all([
      listCustomers({ search: null, vipOnly: false, offset: 0, limit: 1 }),
      listProducts({ search: null, lowStockOnly: false, activeOnly: false, offset: 0, limit: 1 }),
    ])
      .then(([customers, products]) => {
        if (current) setState(customers.total + products.total === 0 ? { step: "offer", error: null } : { step: "not-empty" });
      })
      .catch(() => current && setState({ step: "not-empty" }));
    return () => {
      current = false;
    };
  }, []);

  async function load() {
    setState({ step: "loading", progress: null });
    const onProgress = new Channel<DemoProgress>();
    onProgress.onmessage = (progress) => setState({ step: "loading", progress });
    try {
      onLoaded(await call<DemoSummary>("demo_load", { onProgress }));
      setState({ step: "not-empty" });
    } catch (error) {
      setState({ step: "offer", error: error instanceof KontorError ? error.message : String(error) });
    }
  }

  if (state.step === "checking" || state.step === "not-empty") return null;
  return (
    <Card title="Try Kontor with demo data">
      <p className="card-intro">
        Fill this empty book with a believable shop: 60 customers, 200 products and a year of orders in every state. Only do
        this in a book you will not use for real business.
      </p>
      {state.step === "loading" ? (
        <div data-testid="demo-progress" role="status">
          <progress max={state.progress?.total ?? 1} value={state.progress?.done ?? 0} />
          <span className="demo-progress-text">
            {state.progress ? `${state.progress.done} of ${state.progress.total} orders` : "Starting…"}
          </span>
        </div>
      ) : (
        <>
          <ErrorBox testId="demo-error" message={state.error} />
          <div className="demo-actions">
            <button type="button" className="button-primary" data-testid="demo-load" onClick={load}>
              Load demo data
            </button>
          </div>
        </>
      )}
    </Card>
  );
}

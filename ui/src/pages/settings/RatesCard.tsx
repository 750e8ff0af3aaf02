// Exchange rates in Settings: every rate entered, by currency, newest first; managers and owners enter new ones, clerks read.
import { useCallback, useEffect, useState } from "react";
import { messageOf } from "../../api";
import type { ExchangeRate } from "../../bindings/ExchangeRate";
import type { RateSheet } from "../../bindings/RateSheet";
import { Card } from "../../components/Card";
import { ErrorBox } from "../../components/ErrorBox";
import { formatAmount, formatDateTime, formatDay } from "../../format";
import { listRates } from "../../shopApi";
import { RateForm } from "./RateForm";

type Props = { canEnter: boolean };

export function RatesCard({ canEnter }: Props) {
  const [sheet, setSheet] = useState<RateSheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    listRates()
      .then((loaded) => {
        setSheet(loaded);
        setError(null);
      })
      .catch((reason: unknown) => setError(messageOf(reason)));
  }, []);
  useEffect(load, [load]);

  const entered = (rate: ExchangeRate) => {
    setNotice(`Saved: 1 ${rate.currency} = ${formatAmount(rate.rate, sheet?.baseCurrency ?? null)} from ${formatDay(rate.validFrom)}.`);
    load();
  };

  return (
    <Card title="Exchange rates" note={canEnter ? "An order in another currency keeps the rate in force on the day it is entered." : "Only managers and owners enter exchange rates."}>
      {notice !== null && (
        <p className="notice" role="status" data-testid="rate-saved">
          {notice}
        </p>
      )}
      <ErrorBox testId="rates-error" message={error} />
      {sheet === null ? (
        error === null && <p className="card-text">Loading the exchange rates…</p>
      ) : (
        <>
          <RateTable sheet={sheet} />
          {canEnter && <RateForm baseCurrency={sheet.baseCurrency} currencies={sheet.currencies} onEntered={entered} />}
        </>
      )}
    </Card>
  );
}

function RateTable({ sheet }: { sheet: RateSheet }) {
  if (sheet.rates.length === 0) {
    return (
      <p className="card-text" data-testid="rates-empty">
        No rates entered yet. Orders in {sheet.baseCurrency} need none; an order in another currency needs the rate of its day.
      </p>
    );
  }
  return (
    <table className="table rates-table" data-testid="rates-list">
      <thead>
        <tr>
          <th scope="col">Currency</th>
          <th scope="col">From</th>
          <th scope="col" className="cell-number">
            Rate
          </th>
          <th scope="col">Entered</th>
        </tr>
      </thead>
      <tbody>
        {sheet.rates.map((rate) => (
          <tr key={`${rate.currency}-${rate.validFrom}`} data-testid={`rate-row-${rate.currency}-${rate.validFrom}`}>
            <td className="cell-mono">{rate.currency}</td>
            <td>{formatDay(rate.validFrom)}</td>
            <td className="cell-number" data-rate={rate.rate}>
              1 {rate.currency} = {formatAmount(rate.rate, sheet.baseCurrency)}
            </td>
            <td className="cell-sub">{formatDateTime(rate.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The business's base currency (balances, credit limits and prices are in it); null until business_get answers.
import { useEffect, useState } from "react";
import { getBusiness } from "../api";

export function useBaseCurrency(): string | null {
  const [code, setCode] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    // Without it amounts are still shown, just without their code; the page's own calls report real trouble.
    getBusiness()
      .then((profile) => current && setCode(profile.baseCurrency))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return code;
}

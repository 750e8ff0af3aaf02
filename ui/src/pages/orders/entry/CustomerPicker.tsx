// Order entry's customer, found by typing (name, email or phone).
import { useState, type RefObject } from "react";
import type { Customer } from "../../../bindings/Customer";
import { SearchPicker } from "../../../components/SearchPicker";
import { searchCustomers } from "../../../shopApi";

type Props = {
  customer: Customer | null;
  onPick: (customer: Customer) => void;
  inputRef: RefObject<HTMLInputElement | null>;
};

export function CustomerPicker({ customer, onPick, inputRef }: Props) {
  const [text, setText] = useState("");

  return (
    <div className="entry-customer">
      <label htmlFor="entry-customer" className="visually-hidden">
        Customer
      </label>
      <SearchPicker
        id="entry-customer"
        testId="entry-customer"
        text={text}
        onTextChange={setText}
        search={searchCustomers}
        onPick={(picked) => {
          setText(picked.name);
          onPick(picked);
        }}
        optionKey={(option) => String(option.id)}
        renderOption={(option) => (
          <>
            <span className="picker-option-name">{option.name}</span>
            {option.vip && <span className="badge badge-vip">VIP</span>}
            <span className="picker-option-note">{option.email}</span>
          </>
        )}
        placeholder="Type a customer's name, email or phone"
        inputRef={inputRef}
        pickOnTab
        autoFocus
      />
      {customer !== null && (
        <p className="card-text" data-testid="entry-customer-picked">
          {[customer.name, customer.email, customer.phone, `orders in ${customer.currency}`].filter((part) => part !== "").join(" · ")}
        </p>
      )}
    </div>
  );
}

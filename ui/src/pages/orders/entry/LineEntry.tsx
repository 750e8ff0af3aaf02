// Adding a line by keyboard: type a SKU or name, ↑/↓ and Enter (or Tab) to pick, type the quantity, Enter adds it.
import { useRef, useState, type FormEvent, type RefObject } from "react";
import type { Product } from "../../../bindings/Product";
import { Money } from "../../../components/Money";
import { SearchPicker } from "../../../components/SearchPicker";
import { parseQuantity } from "../../../format";
import { searchProducts } from "../../../shopApi";

/** The test ids of the three controls (order entry and the order page each have their own). */
type LineEntryIds = { product: string; quantity: string; add: string };

type Props = {
  ids: LineEntryIds;
  currency: string | null;
  /** Resolves true when the line was taken; then the box empties and focus goes back to the product search. */
  onAdd: (product: Product, quantity: number) => Promise<boolean>;
  productRef?: RefObject<HTMLInputElement | null>;
};

export function LineEntry({ ids, currency, onAdd, productRef }: Props) {
  const ownProductRef = useRef<HTMLInputElement>(null);
  const productInput = productRef ?? ownProductRef;
  const quantityInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<Product | null>(null);
  const [quantity, setQuantity] = useState("1");
  const [problem, setProblem] = useState<string | null>(null);

  const pick = (product: Product) => {
    setPicked(product);
    setText(`${product.sku} · ${product.name}`);
    setProblem(null);
    // The quantity is ready to be typed over.
    quantityInput.current?.focus();
    quantityInput.current?.select();
  };

  const add = () => {
    const count = parseQuantity(quantity);
    if (picked === null) {
      setProblem("Choose a product first: type its SKU or name.");
      productInput.current?.focus();
      return;
    }
    if (count === null) {
      setProblem("quantity: must be a whole number above zero");
      quantityInput.current?.select();
      return;
    }
    onAdd(picked, count).then((taken) => {
      if (!taken) return;
      setPicked(null);
      setText("");
      setQuantity("1");
      setProblem(null);
      productInput.current?.focus();
    });
  };

  return (
    <form
      className="line-entry"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        add();
      }}
      // Ctrl+Enter belongs to the page (place the order): it must not submit this line as well.
      onKeyDown={(event) => event.key === "Enter" && (event.ctrlKey || event.metaKey) && event.preventDefault()}
    >
      <div className="line-entry-product">
        <label htmlFor={ids.product} className="visually-hidden">
          Product
        </label>
        <SearchPicker
          id={ids.product}
          testId={ids.product}
          text={text}
          onTextChange={(next) => {
            setText(next);
            setPicked(null);
          }}
          search={searchProducts}
          onPick={pick}
          optionKey={(product) => product.sku}
          renderOption={(product) => (
            <>
              <span className="cell-mono">{product.sku}</span>
              <span className="picker-option-name">{product.name}</span>
              <Money amount={product.unitPrice} currency={currency} />
              <span className="picker-option-note">{product.stock} in stock</span>
            </>
          )}
          placeholder="SKU or product name"
          inputRef={productInput}
          pickOnTab
        />
      </div>
      <label htmlFor={ids.quantity} className="visually-hidden">
        Quantity
      </label>
      <input
        id={ids.quantity}
        data-testid={ids.quantity}
        ref={quantityInput}
        className="input-quantity line-entry-quantity"
        inputMode="numeric"
        autoComplete="off"
        value={quantity}
        onChange={(event) => setQuantity(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter" || event.ctrlKey || event.metaKey) return;
          event.preventDefault();
          add();
        }}
      />
      <button type="submit" className="button-small" data-testid={ids.add}>
        Add line
      </button>
      {problem !== null && (
        <p className="line-entry-problem" role="alert" data-testid={`${ids.quantity}-error`}>
          {problem}
        </p>
      )}
    </form>
  );
}

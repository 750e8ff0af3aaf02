// A type-ahead box: results as you type (debounced), ↑/↓ to choose, Enter (or Tab) to pick, Escape to close.
import { useEffect, useState, type KeyboardEvent, type ReactNode, type Ref } from "react";
import { messageOf } from "../api";

/** Results follow typing after this pause. */
const SEARCH_DELAY_MS = 120;

type Props<T> = {
  id: string;
  testId: string;
  /** What the box shows; the owner sets it (e.g. to the picked name, or empty for the next search). */
  text: string;
  onTextChange: (text: string) => void;
  search: (text: string) => Promise<T[]>;
  onPick: (item: T) => void;
  optionKey: (item: T) => string;
  renderOption: (item: T) => ReactNode;
  placeholder: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Tab picks the highlighted result too (and the owner moves focus on). */
  pickOnTab?: boolean;
  autoFocus?: boolean;
};

type Results<T> = { forText: string; items: T[] };

export function SearchPicker<T>(props: Props<T>) {
  const { id, testId, text, onTextChange, search, onPick, optionKey, renderOption, placeholder, inputRef, pickOnTab = false, autoFocus = false } = props;
  // Only typing opens the list: when the owner sets the text after a pick, nothing is searched.
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Results<T> | null>(null);
  const [highlight, setHighlight] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open || text.trim() === "") return;
    let current = true;
    const timer = setTimeout(() => {
      search(text.trim())
        .then((items) => {
          if (!current) return;
          setResults({ forText: text, items });
          setHighlight(0);
          setError(null);
        })
        .catch((reason: unknown) => current && setError(messageOf(reason)));
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, text, search]);

  const shown = open && text.trim() !== "" && results?.forText === text ? results.items : null;

  const pick = (item: T) => {
    setOpen(false);
    setResults(null);
    onPick(item);
  };

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (shown === null || shown.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlight((index) => Math.min(shown.length - 1, Math.max(0, index + step)));
    } else if (event.key === "Enter" && text.trim() !== "") {
      event.preventDefault();
      if (shown !== null) {
        if (shown.length > 0) pick(shown[Math.min(highlight, shown.length - 1)]);
        return;
      }
      // Typed (or scanned) faster than the results came: search now and take the best match.
      search(text.trim())
        .then((items) => (items.length > 0 ? pick(items[0]) : setResults({ forText: text, items })))
        .catch((reason: unknown) => setError(messageOf(reason)));
    } else if (event.key === "Tab" && pickOnTab && !event.shiftKey && shown !== null && shown.length > 0) {
      event.preventDefault();
      pick(shown[Math.min(highlight, shown.length - 1)]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  const listId = `${id}-results`;
  const activeId = shown !== null && shown.length > 0 ? `${id}-option-${highlight}` : undefined;
  return (
    <div className="picker">
      <input
        id={id}
        data-testid={testId}
        ref={inputRef}
        role="combobox"
        aria-expanded={shown !== null}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-autocomplete="list"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        autoFocus={autoFocus}
        onChange={(event) => {
          setOpen(true);
          onTextChange(event.target.value);
        }}
        onKeyDown={keyDown}
        onBlur={() => setOpen(false)}
      />
      {shown !== null && (
        <ul className="picker-results" id={listId} role="listbox">
          {shown.length === 0 && <li className="picker-none">Nothing matches “{text.trim()}”.</li>}
          {shown.map((item, index) => (
            <li
              key={optionKey(item)}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === highlight}
              data-testid={`${testId}-option-${optionKey(item)}`}
              className={index === highlight ? "picker-option picker-option-active" : "picker-option"}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(item);
              }}
            >
              {renderOption(item)}
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="picker-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

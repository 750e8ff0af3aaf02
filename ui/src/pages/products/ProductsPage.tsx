// Products: the scrolling list (search by SKU or name, low-stock filter), one product's panel, and the new/edit form.
import { useState } from "react";
import type { Product } from "../../bindings/Product";
import type { ProductQuery } from "../../bindings/ProductQuery";
import type { SignedInUser } from "../../bindings/SignedInUser";
import { Money } from "../../components/Money";
import { useBaseCurrency } from "../../hooks/useBaseCurrency";
import { useDebounced } from "../../hooks/useDebounced";
import { ListToolbar, ToolbarCheck } from "../../lists/ListToolbar";
import { VirtualTable, type Column } from "../../lists/VirtualTable";
import { LIST_SEARCH_DELAY_MS, useVirtualList } from "../../lists/useVirtualList";
import { listProducts } from "../../shopApi";
import { Page } from "../Page";
import { ProductForm } from "./ProductForm";
import { ProductPanel } from "./ProductPanel";

type View = { kind: "list" } | { kind: "new" } | { kind: "product"; id: number } | { kind: "edit"; product: Product };

type Filters = Omit<ProductQuery, "offset" | "limit">;
const fetchProducts = (filters: Filters, offset: number, limit: number) => listProducts({ ...filters, offset, limit });

function columns(currency: string | null): Column<Product>[] {
  return [
    { header: "SKU", className: "cell-mono", width: "150px", cell: (product) => product.sku },
    { header: "Name", cell: (product) => product.name },
    { header: "Price", className: "cell-number", width: "140px", cell: (product) => <Money amount={product.unitPrice} currency={currency} /> },
    { header: "Tax", className: "cell-number", width: "80px", cell: (product) => `${product.taxRate} %` },
    { header: "Stock", className: "cell-number", width: "90px", cell: (product) => <span className={product.lowStock ? "stock-low" : undefined}>{product.stock}</span> },
    { header: "Reorder at", className: "cell-number", width: "110px", cell: (product) => product.reorderLevel },
    {
      header: "Active",
      width: "110px",
      cell: (product) => <span className={product.active ? "status status-active" : "status status-inactive"}>{product.active ? "Active" : "Inactive"}</span>,
    },
  ];
}

export function ProductsPage({ user }: { user: SignedInUser }) {
  const baseCurrency = useBaseCurrency();
  const [view, setView] = useState<View>({ kind: "list" });
  const [search, setSearch] = useState("");
  const [lowStockOnly, setLowStockOnly] = useState(false);
  const settledSearch = useDebounced(search.trim(), LIST_SEARCH_DELAY_MS);
  const list = useVirtualList(fetchProducts, { search: settledSearch === "" ? null : settledSearch, lowStockOnly, activeOnly: false });
  const toList = () => {
    list.reload();
    setView({ kind: "list" });
  };
  const back = (
    <button type="button" className="button-link page-back" data-testid="products-back" onClick={toList}>
      ← All products
    </button>
  );

  switch (view.kind) {
    case "new":
    case "edit": {
      const product = view.kind === "edit" ? view.product : null;
      return (
        <Page id="products" title={product === null ? "New product" : product.sku} back={back}>
          <ProductForm product={product} baseCurrency={baseCurrency} onSaved={(saved) => setView({ kind: "product", id: saved.id })} onCancel={() => (product === null ? toList() : setView({ kind: "product", id: product.id }))} />
        </Page>
      );
    }
    case "product":
      return (
        <Page id="products" title="Product" back={back}>
          <ProductPanel key={view.id} id={view.id} baseCurrency={baseCurrency} mayManage={user.role !== "clerk"} onEdit={(product) => setView({ kind: "edit", product })} />
        </Page>
      );
    case "list":
      return (
        <Page id="products" title="Products">
          <ListToolbar
            search={{ testId: "products-search", label: "Search products", placeholder: "SKU or name", value: search, onChange: setSearch }}
            add={{ testId: "product-new", label: "New product", onClick: () => setView({ kind: "new" }) }}
          >
            <ToolbarCheck testId="products-low-stock" label="Low stock only" checked={lowStockOnly} onChange={setLowStockOnly} />
          </ListToolbar>
          <VirtualTable
            testId="products-list"
            list={list}
            columns={columns(baseCurrency)}
            rowKey={(product) => product.id}
            rowTestId={(product) => `product-row-${product.sku}`}
            onOpen={(product) => setView({ kind: "product", id: product.id })}
            empty={{ headline: settledSearch === "" && !lowStockOnly ? "No products yet" : "No products match", line: "Your catalogue, with prices, tax rates and stock, is listed here." }}
            noun={{ one: "product", many: "products" }}
          />
        </Page>
      );
  }
}

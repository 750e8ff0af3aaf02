-- Product search as you type: a trigram full-text index over product names,
-- so "part of a name" is an index lookup instead of a scan of every product.
-- Kept in step with `products` by triggers. SKUs are found by prefix through
-- their own index; texts under 3 characters match SKU prefixes only.

CREATE VIRTUAL TABLE products_search USING fts5 (
    name,
    content = 'products', content_rowid = 'id',
    tokenize = 'trigram'
);
INSERT INTO products_search (products_search) VALUES ('rebuild');

CREATE TRIGGER products_search_after_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_search (rowid, name) VALUES (new.id, new.name);
END;

CREATE TRIGGER products_search_after_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_search (products_search, rowid, name) VALUES ('delete', old.id, old.name);
END;

CREATE TRIGGER products_search_after_update AFTER UPDATE OF name ON products BEGIN
    INSERT INTO products_search (products_search, rowid, name) VALUES ('delete', old.id, old.name);
    INSERT INTO products_search (rowid, name) VALUES (new.id, new.name);
END;

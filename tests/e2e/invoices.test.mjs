// Invoices in the real app: the owner issues the invoice of a shipped order on
// its page and sees it side by side with its PDF (pdf.js drawing on a canvas);
// an empty credit note is refused with the core's words; after a return the
// credit note is issued and opened, and both documents are in the Invoices
// list, which filters by kind. A clerk sees the core's refusal instead.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CLI, appTest } from './lib/app.mjs';
import { OWNER, login, logout } from './lib/flows.mjs';
import { inkOnCanvas, until } from './lib/pdf.mjs';

const CLERK = { name: 'Clara Clerk', username: 'clara', password: 'clerk-secret-42' };

/** A shipped, part-paid order SO-000001 to invoice here, and SO-000002 invoiced and paid with the CLI. */
function shopWithShippedOrder(dataDir) {
  const kontor = (args, input = '') => execFileSync(CLI, ['--data-dir', dataDir, '--json', ...args], { input, encoding: 'utf8' });
  kontor(['init', '--business', OWNER.business, '--currency', OWNER.currency]);
  kontor(['user', 'add', '--username', OWNER.username, '--name', OWNER.name, '--role', 'owner'], `${OWNER.password}\n`);
  kontor(['user', 'add', '--username', CLERK.username, '--name', CLERK.name, '--role', 'clerk'], `${CLERK.password}\n`);
  kontor(['customer', 'add', '--name', 'Berg Hardware', '--email', 'buy@berg.example', '--shipping-address', 'Hafenstr. 1, 24103 Kiel']);
  kontor(['customer', 'add', '--name', 'Nordlicht Werkstatt', '--shipping-address', 'Am Kai 4, 24103 Kiel']);
  kontor(['product', 'add', '--sku', 'BOLT-10', '--name', 'Bolt M10', '--unit-price', '2.50', '--tax-rate', '19', '--stock', '100']);
  kontor(['product', 'add', '--sku', 'LAMP-1', '--name', 'Desk lamp', '--unit-price', '45.00', '--tax-rate', '19', '--stock', '10']);
  kontor(['order', 'place', '--customer', 'Berg Hardware', '--line', 'BOLT-10:40', '--line', 'LAMP-1:2']);
  kontor(['order', 'ship', 'SO-000001']);
  kontor(['order', 'pay', 'SO-000001', '--amount', '50.00', '--method', 'card', '--reference', 'till 2']);
  kontor(['order', 'place', '--customer', 'Nordlicht Werkstatt', '--line', 'LAMP-1:1']);
  kontor(['invoice', 'issue', 'SO-000002']);
  kontor(['order', 'pay', 'SO-000002', '--amount', '53.55', '--method', 'bank_transfer', '--reference', 'NL-77']);
}

/** Waits until the element's text matches `pattern`; returns the text. */
const waitForText = (app, testId, pattern) => until(`${testId} to show ${pattern}`, async () => {
  const text = await app.text(testId).catch(() => '');
  return pattern.test(text) ? text : null;
});

appTest(
  'invoices: issue from the order, see it beside its PDF, credit a return, find both in the list',
  async (app) => {
    await app.waitFor('login-username', { timeout: 30000 });
    await login(app, OWNER.username, OWNER.password);
    await app.click('nav-orders');
    await app.clickRow('order-row-SO-000001');
    await app.click('order-issue-invoice');

    // The invoice page: details on the left, the PDF drawn on the right.
    await app.waitFor('invoice-split');
    const invoice = (await waitForText(app, 'invoice-number', /^INV-\d{4}-\d{6}$/)).trim();
    assert.equal((await app.text('invoice-order')).trim(), 'SO-000001');
    assert.equal((await app.text('invoice-customer')).trim(), 'Berg Hardware');
    assert.equal((await app.text('invoice-status')).trim(), 'Partially paid');
    assert.match(await app.text('invoice-total'), /226[.,]10/, '40 × 2.50 + 2 × 45.00 + 19 % tax');
    await app.waitFor('pdf-canvas');
    await until('the invoice drawn by pdf.js', async () => (await inkOnCanvas(app)) > 500);
    await app.click('pdf-fit-width');
    await until('zoomed to the pane\'s width', async () => (await app.text('pdf-zoom')).trim() !== '100 %');
    await until('the invoice drawn again', async () => (await inkOnCanvas(app)) > 500);
    await app.shot('invoice-side-by-side');

    // Back on the order: its invoice is named, and a credit note with nothing returned is refused.
    await app.click('invoice-open-order');
    assert.equal((await app.text('order-open-invoice')).trim(), `Invoice ${invoice}`);
    assert.ok(!(await app.displayed('order-issue-invoice')), 'no second invoice offered');
    await app.click('order-issue-credit');
    assert.match(await app.text('order-invoice-error'), /^nothing to credit on INV-/);
    await app.shot('order-nothing-to-credit');

    // Five bolts come back; the credit note for them opens, naming the invoice it corrects.
    await app.click('line-return-BOLT-10');
    await app.type('return-qty', '5');
    await app.click('return-restock');
    await app.click('return-submit');
    await waitForText(app, 'line-returned-BOLT-10', /^5$/);
    await app.click('order-issue-credit');
    const creditNote = (await waitForText(app, 'invoice-number', /^(?!INV-).+-\d{4}-\d{6}$/)).trim();
    assert.equal((await app.text('invoice-corrects')).trim(), invoice);
    // The credit is the difference of two documents: 12.50 net, and 36.10 − 33.73 tax (each rounded on its own sum).
    assert.match(await app.text('invoice-total'), /14[.,]87/);
    await app.waitFor(`invoice-related-${invoice}`);
    await until('the credit note drawn by pdf.js', async () => (await inkOnCanvas(app)) > 500);

    // The list: both documents of SO-000001 and the CLI's paid invoice of SO-000002.
    await app.click('nav-invoices');
    await app.waitFor(`invoice-row-${creditNote}`);
    assert.match(await app.text(`invoice-row-${invoice}`), /Partially paid/);
    assert.match(await app.text(`invoice-row-${creditNote}`), /Credit note/);
    assert.match(await app.text('invoices-list-count'), /^3 documents/);
    const paid = await app.session.execute(`return [...document.querySelectorAll('[data-testid^="invoice-row-"]')].map((row) => row.innerText).find((text) => /Nordlicht/.test(text)) ?? ''`);
    assert.match(paid, /Paid/);
    await app.shot('invoices');

    await app.choose('invoices-kind', 'credit_note');
    await until('only the credit note listed', async () => (await app.text('invoices-list-count').catch(() => '')).startsWith('1 document'));
    await app.waitFor(`invoice-row-${creditNote}`);
    await app.clickRow(`invoice-row-${creditNote}`);
    assert.equal((await app.text('invoice-number')).trim(), creditNote);

    // A clerk: the core's refusal is the Invoices page, and the order page has no invoice buttons.
    await logout(app);
    await login(app, CLERK.username, CLERK.password);
    await app.click('nav-invoices');
    assert.match(await app.text('empty-state'), /a clerk may not issue or read invoices/);
    assert.ok(!(await app.displayed('invoices-search')), 'no filters for a clerk');
    await app.click('nav-orders');
    await app.clickRow('order-row-SO-000001');
    await app.waitFor('order-history');
    assert.ok(!(await app.displayed('order-invoice')), 'no invoice buttons for a clerk');
  },
  { prepare: shopWithShippedOrder },
);

// The order lifecycle in the real app: an order entered with the keyboard only
// (customer by typing, lines as SKU + quantity + Enter, Ctrl+Enter places it),
// a quantity changed, shipped and partly returned to stock on its page, another
// order cancelled, and a small credit limit refused with balance and limit shown.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CLI, appTest } from './lib/app.mjs';
import { OWNER, login } from './lib/flows.mjs';
import { elementId } from './lib/webdriver.mjs';

const KEY = { enter: '\uE007', backspace: '\uE003', ctrl: '\uE009', release: '\uE000' };
const shop = {};

/** A shop with two customers (one with a 50.00 limit), three products and one placed order. */
function shopWithCatalogue(dataDir) {
  const kontor = (args, input = '') =>
    execFileSync(CLI, ['--data-dir', dataDir, '--json', ...args], { input, encoding: 'utf8' });
  kontor(['init', '--business', OWNER.business, '--currency', OWNER.currency]);
  kontor(['user', 'add', '--username', OWNER.username, '--name', OWNER.name, '--role', 'owner'], `${OWNER.password}\n`);
  const add = (args) => JSON.parse(kontor(args));
  shop.berg = add(['customer', 'add', '--name', 'Berg Hardware', '--email', 'buy@berg.example', '--shipping-address', 'Hafenstr. 1, 24103 Kiel']);
  shop.tiny = add(['customer', 'add', '--name', 'Tiny Credit GmbH', '--credit-limit', '50.00']);
  for (const [sku, name, price, stock] of [['BOLT-10', 'Bolt M10', '2.50', 100], ['NUT-10', 'Nut M10', '0.80', 200], ['LAMP-1', 'Desk lamp', '45.00', 10]]) {
    add(['product', 'add', '--sku', sku, '--name', name, '--unit-price', price, '--tax-rate', '19', '--stock', String(stock)]);
  }
  shop.toCancel = add(['order', 'place', '--customer', 'Berg Hardware', '--line', 'LAMP-1:1']);
}

/** The test id of the element that has the keyboard focus. */
const focused = (app) => app.session.execute('return document.activeElement?.dataset.testid ?? null');

/** Types keys into whatever has the focus, as a person at the keyboard would. */
async function press(app, keys) {
  const active = elementId(await app.session.execute('return document.activeElement'));
  await app.session.sendKeys(active, keys);
}

async function assertFocus(app, testId) {
  const deadline = Date.now() + 5000;
  while ((await focused(app)) !== testId) {
    if (Date.now() > deadline) assert.fail(`focus is on ${await focused(app)}, expected ${testId}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the element's text matches `pattern`; returns the text. */
async function waitForText(app, testId, pattern, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = await app.text(testId).catch(() => '');
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) assert.fail(`${testId} shows "${text}", expected ${pattern}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Picks a customer and adds lines, keyboard only; each line is [search text, option sku, quantity]. */
async function enterOrder(app, customerText, customerId, lines) {
  await app.waitFor('entry-customer');
  await assertFocus(app, 'entry-customer');
  await press(app, customerText);
  await app.waitFor(`entry-customer-option-${customerId}`);
  await press(app, KEY.enter);
  await assertFocus(app, 'entry-product');
  for (const [text, sku, quantity] of lines) {
    await press(app, text);
    await app.waitFor(`entry-product-option-${sku}`);
    await press(app, KEY.enter);
    await assertFocus(app, 'entry-quantity');
    await press(app, `${KEY.backspace}${quantity}${KEY.enter}`);
    await app.waitFor(`entry-line-${sku}`);
    await assertFocus(app, 'entry-product');
  }
}

appTest(
  'orders: keyboard entry, change, ship, return, cancel and the credit limit',
  async (app) => {
    await app.waitFor('login-username', { timeout: 30000 });
    await login(app, OWNER.username, OWNER.password);
    await app.waitFor('header-user');

    // Enter an order with the keyboard: 4 × BOLT-10 (2.50) and 10 × NUT-10 (0.80), 19 % tax.
    await app.click('nav-orders');
    await app.waitFor(`order-row-${shop.toCancel.number}`);
    await app.shot('orders-list');
    await app.click('orders-new');
    await enterOrder(app, 'Berg', shop.berg.id, [['BOLT', 'BOLT-10', 4], ['nut', 'NUT-10', 10]]);
    await waitForText(app, 'entry-total', /21[.,]42 EUR/);
    assert.match(await app.text('entry-tax'), /3[.,]42 EUR/);
    await app.shot('entry');

    await press(app, `${KEY.ctrl}${KEY.enter}${KEY.release}`);
    const number = await waitForText(app, 'order-number', /^SO-\d+$/);
    assert.equal(await app.text('order-status'), 'Placed');
    await app.shot('placed');

    // 6 bolts instead of 4: 15.00 + 8.00 + 4.37 tax.
    await app.type('line-qty-BOLT-10', '6');
    await app.click('line-qty-save-BOLT-10');
    await waitForText(app, 'order-total', /27[.,]37 EUR/);
    await app.shot('quantity-changed');

    await app.click('order-ship');
    await waitForText(app, 'order-status', /^Shipped$/);
    await app.shot('shipped');

    // 2 bolts come back undamaged: the total falls to 21.42 (the stock, 100 − 6 + 2, is checked at the end).
    await app.click('line-return-BOLT-10');
    await app.type('return-qty', '2');
    await app.click('return-restock');
    await app.click('return-submit');
    await waitForText(app, 'line-returned-BOLT-10', /^2$/);
    await waitForText(app, 'order-total', /21[.,]42 EUR/);
    await app.shot('returned');

    // A part payment by card; the history lists every step.
    await app.choose('payment-method', 'card');
    await app.type('payment-amount', '10.00');
    await app.type('payment-reference', 'POS 4711');
    await app.click('payment-submit');
    await waitForText(app, 'order-paid', /10[.,]00 EUR/);
    await app.session.execute(`document.querySelector('[data-testid="order-history"]').scrollIntoView()`);
    const history = await app.text('order-history');
    for (const step of [/Placed/, /Line updated/, /Shipped/, /Line returned/, /Payment/]) assert.match(history, step);
    await app.shot('paid-and-history');

    // Cancel the order placed from the CLI, after confirming.
    await app.click('orders-back');
    await app.waitFor(`order-row-${number}`);
    await app.clickRow(`order-row-${shop.toCancel.number}`);
    await waitForText(app, 'order-status', /^Placed$/);
    await app.click('order-cancel');
    await app.shot('cancel-confirm');
    await app.click('order-cancel-confirm');
    await waitForText(app, 'order-status', /^Cancelled$/);
    assert.equal(await app.displayed('order-cancel'), null, 'a cancelled order offers no cancel');
    await app.shot('cancelled');

    // Two lamps (107.10 with tax) for a customer with a 50.00 limit.
    await app.click('orders-back');
    await app.click('orders-new');
    await enterOrder(app, 'Tiny', shop.tiny.id, [['LAMP', 'LAMP-1', 2]]);
    await waitForText(app, 'credit-warning', /over their credit limit/);
    assert.match(await app.text('credit-warning-order'), /107[.,]10 EUR/);
    assert.match(await app.text('credit-warning-after'), /107[.,]10 EUR/);
    assert.match(await app.text('credit-warning-limit'), /50[.,]00 EUR/);
    assert.match(await app.text('customer-balance'), /0[.,]00 EUR/);
    assert.match(await app.text('customer-credit-limit'), /50[.,]00 EUR/);
    assert.match(await app.text('customer-available-credit'), /50[.,]00 EUR/);
    await app.shot('credit-warning');
    await press(app, `${KEY.ctrl}${KEY.enter}${KEY.release}`);
    const refusal = await waitForText(app, 'entry-error', /credit limit exceeded for Tiny Credit GmbH/);
    assert.match(refusal, /limit 50[.,]00/);
    assert.equal(await app.displayed('order-number'), null, 'the refused order must not open');
    await app.shot('credit-refused');

    // The customer's page shows the same limit and an unchanged balance.
    await app.click('nav-customers');
    await app.clickRow(`customer-row-${shop.tiny.id}`);
    await waitForText(app, 'customer-credit-limit', /50[.,]00 EUR/);
    assert.match(await app.text('customer-balance'), /0[.,]00 EUR/);
    await app.shot('customer');

    // The product page shows the returned bolts back in stock, with the movements that moved them.
    await app.click('nav-products');
    await app.clickRow('product-row-BOLT-10');
    await waitForText(app, 'product-stock', /^96/);
    await app.waitFor('product-movements');
    await app.shot('product');
  },
  { prepare: shopWithCatalogue },
);

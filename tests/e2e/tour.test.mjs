// A tour of a busy book: the demo business (made with the CLI) seen through
// each list (scrolled to its end and driven by the keyboard), one order's page
// and the exchange rates. Its screenshots are the README's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CLI, appTest } from './lib/app.mjs';
import { OWNER, login } from './lib/flows.mjs';
import { elementId } from './lib/webdriver.mjs';

const KEY = { enter: '\uE007', home: '\uE011', down: '\uE015' };

/** Types keys into whatever has the focus. */
async function press(app, keys) {
  await app.session.sendKeys(elementId(await app.session.execute('return document.activeElement')), keys);
}

function demoBook(dataDir) {
  const kontor = (args, input = '') => execFileSync(CLI, ['--data-dir', dataDir, ...args], { input, encoding: 'utf8' });
  kontor(['init', '--business', OWNER.business, '--currency', OWNER.currency]);
  kontor(['user', 'add', '--username', OWNER.username, '--name', OWNER.name, '--role', 'owner'], `${OWNER.password}\n`);
  kontor(['demo', '--orders', '400', '--seed', '3']);
  kontor(['rate', 'set', 'USD', '0.9231', '--from', '2026-10-01']);
  kontor(['rate', 'set', 'USD', '0.9187', '--from', '2026-11-01']);
  kontor(['rate', 'set', 'GBP', '1.1642', '--from', '2026-11-01']);
}

appTest(
  'a tour of the demo business',
  async (app) => {
    await app.waitFor('login-username', { timeout: 30000 });
    await login(app, OWNER.username, OWNER.password);
    await app.waitFor('header-user');

    await app.click('nav-orders');
    await app.waitFor('order-row-SO-000400');
    assert.equal(await app.text('orders-list-count'), '400 orders');
    await app.shot('orders');
    // Only the rows in view are in the page; scrolled to its end, the list fetches the oldest orders.
    assert.equal(await app.displayed('order-row-SO-000001'), null, 'the last row is not rendered before scrolling');
    await app.session.execute(`const list = document.querySelector('[data-testid="orders-list"]'); list.scrollTop = list.scrollHeight;`);
    await app.waitFor('order-row-SO-000001');
    assert.equal(await app.displayed('order-row-SO-000400'), null, 'rows scrolled far out of view leave the page');
    // The rows are in the page; let WebKit paint them before the picture.
    await app.session.execute('return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null))))');
    await app.shot('orders-scrolled');
    // The keyboard: Home goes back to the top, ↓ highlights, Enter opens.
    await app.session.execute(`document.querySelector('[data-testid="orders-list"]').focus()`);
    await press(app, `${KEY.home}${KEY.down}${KEY.enter}`);
    await app.waitFor('order-number');
    assert.equal((await app.text('order-number')).trim(), 'SO-000399');
    await app.click('orders-back');
    await app.clickRow('order-row-SO-000400');
    await app.waitFor('order-number');
    assert.equal((await app.text('order-number')).trim(), 'SO-000400');
    await app.shot('order');

    await app.click('nav-customers');
    await app.waitFor('customer-row-1');
    await app.shot('customers');
    await app.click('nav-products');
    await app.waitFor('product-row-BOX-001');
    await app.shot('products');

    // Exchange rates in Settings: the CLI's, then one entered in the form.
    await app.click('nav-settings');
    await app.waitFor('rate-row-USD-2026-11-01');
    await app.choose('rate-currency', 'CHF');
    await app.type('rate-value', '1.0642');
    await app.click('rate-submit');
    assert.match(await app.text('rate-saved'), /1 CHF = 1[.,]0642 EUR/);
    await app.session.execute(`document.querySelector('[data-testid="rates-list"]').scrollIntoView()`);
    await app.shot('rates');
  },
  { prepare: demoBook },
);

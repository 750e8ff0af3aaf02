// A tour of a busy book: the demo business (made with the CLI) seen through
// each list and one order's page. Its screenshots are the README's.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CLI, appTest } from './lib/app.mjs';
import { OWNER, login } from './lib/flows.mjs';

function demoBook(dataDir) {
  const kontor = (args, input = '') => execFileSync(CLI, ['--data-dir', dataDir, ...args], { input, encoding: 'utf8' });
  kontor(['init', '--business', OWNER.business, '--currency', OWNER.currency]);
  kontor(['user', 'add', '--username', OWNER.username, '--name', OWNER.name, '--role', 'owner'], `${OWNER.password}\n`);
  kontor(['demo', '--orders', '400', '--seed', '3']);
}

appTest(
  'a tour of the demo business',
  async (app) => {
    await app.waitFor('login-username', { timeout: 30000 });
    await login(app, OWNER.username, OWNER.password);
    await app.waitFor('header-user');

    await app.click('nav-orders');
    await app.waitFor('order-row-SO-000400');
    await app.shot('orders');
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
  },
  { prepare: demoBook },
);

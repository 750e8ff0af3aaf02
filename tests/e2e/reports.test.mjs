// Dashboard, reports and work queues in the real app, on a demo business
// made with the CLI: the widgets and the 30-day chart, every report with its
// chart (an SVG drawn in Rust) above its table, a CSV export, an empty period,
// the queues with their sidebar badges, and "mark done".
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { CLI, appTest } from './lib/app.mjs';
import { OWNER, login } from './lib/flows.mjs';
import { elementRef } from './lib/webdriver.mjs';

/** A demo business with 300 orders over the past year. */
function demoShop(dataDir) {
  const kontor = (args, input = '') => execFileSync(CLI, ['--data-dir', dataDir, ...args], { input, encoding: 'utf8' });
  kontor(['init', '--business', OWNER.business, '--currency', OWNER.currency]);
  kontor(['user', 'add', '--username', OWNER.username, '--name', OWNER.name, '--role', 'owner'], `${OWNER.password}\n`);
  kontor(['demo', '--orders', '300', '--seed', '3']);
}

const REPORTS = ['Sales over time', 'Gross profit', 'Orders by status', 'Payment methods', 'Returns and refunds', 'Top products', 'Top customers'];

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

/** The chart image's SVG, decoded from its data: URL. */
async function chartSvg(app, testId) {
  const el = await app.waitFor(testId);
  const src = await app.session.execute('return arguments[0].getAttribute("src")', [elementRef(el)]);
  assert.match(src, /^data:image\/svg\+xml/);
  return decodeURIComponent(src.slice(src.indexOf(',') + 1));
}

appTest(
  'dashboard, reports and queues on a demo business',
  async (app) => {
    await app.waitFor('login-username', { timeout: 30000 });
    await login(app, OWNER.username, OWNER.password);

    // Dashboard: six widgets, the 30-day chart, the queues; badges in the sidebar.
    await app.waitFor('dashboard-widgets');
    assert.match(await app.text('widget-sales-month'), /EUR/);
    assert.match(await app.text('widget-overdue-invoices'), /overdue invoices\s*\d+/i);
    assert.match(await chartSvg(app, 'dashboard-chart'), /Sales, last 30 days/);
    assert.match(await app.text('nav-queue-count-sales'), /^\d+$/);
    await app.shot('dashboard');

    // The overdue widget opens the invoices list filtered to the overdue ones.
    await app.click('widget-overdue-invoices');
    await app.waitFor('invoices-overdue');
    assert.equal(await app.session.execute(`return document.querySelector('[data-testid="invoices-overdue"]').checked`), true);
    await app.click('nav-dashboard');
    await app.waitFor('dashboard-widgets');

    // A widget opens its report.
    await app.click('widget-sales-month');
    await app.waitFor('report-chart');
    await app.choose('report-preset', 'This year');
    for (const report of REPORTS) {
      await app.choose('report-name', report);
      if (['Sales over time', 'Gross profit', 'Returns and refunds'].includes(report)) {
        await app.choose('report-grouping', report === 'Sales over time' ? 'By week' : 'By month');
      }
      await waitForText(app, 'report-table', /\d/);
      const svg = await chartSvg(app, 'report-chart');
      assert.ok(svg.includes(report === 'Payment methods' ? 'Orders by payment method' : report), `${report}: chart title`);
      await app.shot(`report-${report}`);
    }

    // Export: the table as CSV in the Downloads folder.
    await app.choose('report-name', 'Top customers');
    await app.click('report-export-csv');
    const saved = (await waitForText(app, 'report-saved', /^Saved to /)).replace(/^Saved to /, '').trim();
    assert.ok(existsSync(saved), `${saved} exists`);
    assert.match(readFileSync(saved, 'utf8'), /^Customer,Customer no\.,Orders,Revenue \(EUR\)\r\n/);

    // An empty period is a chart that says so, not an error; a reversed range is refused with its reason.
    const empty = await app.invoke('reports_get', { name: 'sales', request: { from: '2001-01-01', to: '2001-01-31', grouping: 'day' } });
    assert.ok(empty.ok && empty.value.chartSvg.includes('No sales in this period'));
    const reversed = await app.invoke('reports_get', { name: 'sales', request: { from: '2001-02-01', to: '2001-01-31', grouping: 'day' } });
    assert.equal(reversed.error.code, 'invalid_range');

    // Queues: the sidebar opens one; an item is marked done and the badge follows.
    await app.click('nav-queue-sales');
    await app.waitFor('queue-items');
    const before = Number(await app.text('nav-queue-count-sales'));
    await app.shot('queue-sales');
    await app.click('queue-done');
    await waitForText(app, 'nav-queue-count-sales', new RegExp(`^${before - 1}$`));
    await app.click('queue-tab-products');
    await app.shot('queue-products');
  },
  { prepare: demoShop },
);

// Settings → Invoices in the real app: the owner saves the invoicing profile,
// a refusal shows at the field it names, and "Preview invoice" shows the
// sample invoice in the PDF viewer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { CLI, appTest } from './lib/app.mjs';
import { OWNER, login } from './lib/flows.mjs';
import { until } from './lib/pdf.mjs';

function book(dataDir) {
  const kontor = (args, input = '') => execFileSync(CLI, ['--data-dir', dataDir, ...args], { input, encoding: 'utf8' });
  kontor(['init', '--business', OWNER.business, '--currency', OWNER.currency]);
  kontor(['user', 'add', '--username', OWNER.username, '--name', OWNER.name, '--role', 'owner'], `${OWNER.password}\n`);
}

/** Scrolls the page area so the element with this test id is at the top. */
async function scrollTo(app, testId) {
  await app.session.execute(
    `const el = document.querySelector('[data-testid="${testId}"]');
     const area = el.closest('.page-area');
     area.scrollTop += el.getBoundingClientRect().top - area.getBoundingClientRect().top - 8;`,
  );
  await new Promise((r) => setTimeout(r, 300));
}

appTest(
  'the owner sets up invoices and previews a sample invoice',
  async (app) => {
    await app.waitFor('login-username', { timeout: 30000 });
    await login(app, OWNER.username, OWNER.password);
    await app.click('nav-settings');
    // The fields stay disabled until the profile has loaded; typing sooner is refused.
    await until('the invoice settings loaded', () =>
      app.session.execute(`return document.querySelector('[data-testid="invoice-legalName"]')?.disabled === false`),
    );
    await app.type('invoice-legalName', 'Müller & Söhne GmbH');
    await app.type('invoice-taxId', 'DE123456789');
    await app.type('invoice-paymentTermsDays', '30');
    await app.type('invoice-invoicePrefix', 'R E');
    await app.click('invoice-save');
    assert.match(await app.text('invoice-invoicePrefix-error'), /^invoicePrefix/);
    await scrollTo(app, 'invoice-legalName');
    await app.shot('invoice-prefix-refused');
    await app.type('invoice-invoicePrefix', 'RE');
    await app.click('invoice-save');
    assert.equal(await app.text('invoice-saved'), 'Saved.');
    await app.click('invoice-preview');
    await app.waitFor('pdf-canvas', { timeout: 30000 });
    await scrollTo(app, 'invoice-preview');
    await new Promise((r) => setTimeout(r, 1000));
    await app.shot('invoice-preview');
  },
  { prepare: book },
);

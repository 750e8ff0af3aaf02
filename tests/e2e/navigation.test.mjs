// Every page in the sidebar opens.
import { appTest } from './lib/app.mjs';
import { setupOwner } from './lib/flows.mjs';

const PAGES = ['dashboard', 'orders', 'customers', 'products', 'invoices', 'reports', 'queues', 'settings'];

appTest('every sidebar page opens', async (app) => {
  await setupOwner(app);
  await app.waitFor('sidebar');
  for (const page of PAGES) {
    await app.click(`nav-${page}`);
    await app.waitFor(`page-${page}`);
    await app.shot(page);
  }
});

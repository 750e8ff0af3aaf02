// First run: the setup form creates the business and its owner, who is then
// signed in and sees the app frame.
import assert from 'node:assert/strict';
import { appTest } from './lib/app.mjs';
import { OWNER, assertSignedInAs, setupOwner } from './lib/flows.mjs';

appTest('first run creates the owner', async (app) => {
  await app.waitFor('setup-business-name', { timeout: 30000 });
  await app.shot('setup-form');

  await setupOwner(app);
  assert.equal((await app.text('header-business-name')).trim(), OWNER.business);
  await assertSignedInAs(app, OWNER);
  await app.waitFor('sidebar');
  // An empty book offers the owner the demo business.
  await app.waitFor('demo-load');
  await app.shot('app-frame');
});

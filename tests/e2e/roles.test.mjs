// Roles are enforced: a clerk added by the owner cannot see or list staff,
// neither in the UI nor by calling the command directly.
import assert from 'node:assert/strict';
import { appTest } from './lib/app.mjs';
import { assertSignedInAs, login, logout, setupOwner } from './lib/flows.mjs';

const CLERK = { name: 'Clara Clerk', username: 'clara', password: 'clerk-secret-42' };

appTest('a clerk cannot open Settings > Staff', async (app) => {
  await setupOwner(app);
  await app.click('nav-settings');
  await app.waitFor('page-settings');
  await app.waitFor('staff-list');

  await app.type('staff-add-name', CLERK.name);
  await app.type('staff-add-username', CLERK.username);
  await app.choose('staff-add-role', 'clerk');
  await app.type('staff-add-password', CLERK.password);
  await app.click('staff-add-submit');
  await app.waitFor(`staff-row-${CLERK.username}`);
  await app.shot('clerk-added');

  await logout(app);
  await login(app, CLERK.username, CLERK.password);
  await app.waitFor('header-user');
  await assertSignedInAs(app, CLERK);

  await app.click('nav-settings');
  await app.waitFor('page-settings');
  await app.waitFor('staff-forbidden');
  assert.equal(await app.displayed('staff-list'), null, 'a clerk must not see the staff list');
  await app.shot('staff-forbidden');

  const result = await app.invoke('staff_list');
  assert.equal(result.ok, false, `staff_list answered a clerk: ${JSON.stringify(result.value)}`);
  assert.equal(result.error?.code, 'forbidden', `staff_list rejected with ${JSON.stringify(result.error)}`);
});

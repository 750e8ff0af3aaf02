// Signing out and in again; a wrong password is refused with a message.
import assert from 'node:assert/strict';
import { appTest } from './lib/app.mjs';
import { OWNER, assertSignedInAs, login, logout, setupOwner } from './lib/flows.mjs';

appTest('logout then login works and a wrong password is refused', async (app) => {
  await setupOwner(app);
  await logout(app);
  await app.shot('login-form');

  await login(app, OWNER.username, 'not-the-password');
  const error = await app.text('login-error');
  assert.match(error, /password/i, `login-error says "${error}"`);
  await app.shot('wrong-password');

  await login(app, OWNER.username, OWNER.password);
  await app.waitFor('header-user');
  await assertSignedInAs(app, OWNER);
  await app.shot('signed-in-again');
});

// Locking hides the app behind the lock screen until the user's password is
// given again.
import { appTest } from './lib/app.mjs';
import { OWNER, setupOwner } from './lib/flows.mjs';

appTest('lock now, then unlock with the password', async (app) => {
  await setupOwner(app);
  await app.click('lock-now');
  await app.waitFor('lock-screen');
  await app.shot('locked');

  await app.type('unlock-password', 'not-the-password');
  await app.click('unlock-submit');
  await app.waitFor('unlock-error');
  await app.shot('wrong-password');

  await app.type('unlock-password', OWNER.password);
  await app.click('unlock-submit');
  await app.waitGone('lock-screen');
  await app.waitFor('header-user');
  await app.shot('unlocked');
});

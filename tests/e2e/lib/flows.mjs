// Steps several tests share: first-run setup, sign in, sign out.

import assert from 'node:assert/strict';

export const OWNER = {
  business: 'Müller & Söhne Handel',
  currency: 'EUR',
  name: 'Anna Owner',
  username: 'anna',
  password: 'owner-secret-42',
};

/** Fills the first-run setup form and waits for the app frame. */
export async function setupOwner(app, owner = OWNER) {
  await app.waitFor('setup-business-name', { timeout: 30000 });
  await app.type('setup-business-name', owner.business);
  await app.choose('setup-base-currency', owner.currency);
  await app.type('setup-owner-name', owner.name);
  await app.type('setup-username', owner.username);
  await app.type('setup-password', owner.password);
  await app.type('setup-password-confirm', owner.password);
  await app.click('setup-submit');
  await app.waitFor('header-user');
}

export async function login(app, username, password) {
  await app.type('login-username', username);
  await app.type('login-password', password);
  await app.click('login-submit');
}

export async function logout(app) {
  await app.click('logout');
  await app.waitFor('login-username');
}

/** Asserts that the header names this user (by display name or username). */
export async function assertSignedInAs(app, user) {
  const header = await app.text('header-user');
  assert.ok(
    header.includes(user.name) || header.includes(user.username),
    `header-user shows "${header}", expected ${user.name} / ${user.username}`,
  );
}

// A damaged database: the app says so instead of opening it, and restoring
// the newest backup brings the book back while the damaged file is kept.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CLI, appTest } from './lib/app.mjs';
import { OWNER, assertSignedInAs, login } from './lib/flows.mjs';

const DAMAGE = 'this is not a database any more';

/** A real book with its owner, a backup of it, then the live file scrambled. */
async function damagedBookWithBackup(dataDir) {
  const kontor = (args, input = '') =>
    execFileSync(CLI, ['--data-dir', dataDir, ...args], { input, encoding: 'utf8' });
  kontor(['init', '--business', OWNER.business, '--currency', OWNER.currency]);
  kontor(['user', 'add', '--username', OWNER.username, '--name', OWNER.name, '--role', 'owner'], `${OWNER.password}\n`);
  await mkdir(join(dataDir, 'backups'));
  await copyFile(join(dataDir, 'kontor.db'), join(dataDir, 'backups', 'kontor-20261120T080000.000Z.db'));
  await writeFile(join(dataDir, 'kontor.db'), DAMAGE);
}

appTest(
  'a damaged database is reported and the newest backup can be restored',
  async (app, dataDir) => {
    await app.waitFor('startup-problem', { timeout: 30000 });
    assert.match(await app.text('startup-problem'), /damaged|not an SQLite database/i);
    await app.shot('problem');

    await app.click('restore-backup');
    await app.waitFor('login-username');
    await login(app, OWNER.username, OWNER.password);
    await app.waitFor('header-user');
    await assertSignedInAs(app, OWNER);
    await app.shot('restored');

    const aside = (await readdir(dataDir)).filter((name) => name.startsWith('kontor.db.damaged-'));
    assert.equal(aside.length, 1, `damaged file kept aside: ${aside}`);
    assert.equal(await readFile(join(dataDir, aside[0]), 'utf8'), DAMAGE);
  },
  { prepare: damagedBookWithBackup },
);

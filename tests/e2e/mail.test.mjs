// E-mail in the real app: an invoice PDF queued while the SMTP server is down
// shows as pending in Settings with the reason; once the server is up, "Send
// now" delivers it (with the PDF) to a small SMTP server run by this test.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, appTest } from './lib/app.mjs';
import { OWNER, login } from './lib/flows.mjs';

let port = 0;

/** A free TCP port on 127.0.0.1 (nothing listens there until the test starts its server). */
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: found } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return found;
}

/** Speaks enough SMTP for lettre (no login); resolves each received message's data. */
function smtpServer(onMessage) {
  const server = createServer((socket) => {
    let buffer = '';
    let inData = false;
    let data = '';
    socket.write('220 e2e ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            onMessage(data);
            socket.write('250 queued\r\n');
          } else data += `${line}\n`;
        } else if (/^EHLO/i.test(line)) socket.write('250-e2e\r\n250 8BITMIME\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

const MINIMAL_PDF = (() => {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>'];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = out.length;
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${out}trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
})();

async function bookWithQueuedInvoice(dataDir) {
  port = await freePort();
  const kontor = (args, input = '') => execFileSync(CLI, ['--data-dir', dataDir, ...args], { input, encoding: 'utf8' });
  kontor(['init', '--business', OWNER.business, '--currency', OWNER.currency]);
  kontor(['user', 'add', '--username', OWNER.username, '--name', OWNER.name, '--role', 'owner'], `${OWNER.password}\n`);
  kontor(['mail', 'set-server', '--host', '127.0.0.1', '--port', String(port), '--security', 'none', '--from', 'invoices@mueller-soehne.example']);
  const pdf = join(dataDir, 'INV-2026-0001.pdf');
  writeFileSync(pdf, MINIMAL_PDF, 'latin1');
  kontor(['mail', 'queue', '--to', 'lukasz@mueller.example', '--subject', 'Invoice INV-2026-0001', '--body', 'Your invoice is attached.', '--attach', pdf]);
  kontor(['mail', 'send-pending']);
}

appTest(
  'mail waits in the outbox while the server is down and goes out with Send now',
  async (app) => {
    await app.waitFor('login-username', { timeout: 30000 });
    await login(app, OWNER.username, OWNER.password);
    await app.click('nav-settings');
    const status = await app.text('mail-status-1');
    assert.match(status, /^Pending/);
    assert.match(status, /Attempt 1: .*onnection refused/);
    assert.equal(await app.session.execute(`return document.querySelector('[data-testid="email-host"]').value`), '127.0.0.1');
    assert.equal(await app.session.execute(`return document.querySelector('[data-testid="email-password-state"]').dataset.state`), 'not_needed');
    // Scroll the page area (not the window) so the Email card and the outbox are in the picture.
    await app.session.execute(
      `const card = document.querySelector('[data-testid="email-host"]').closest('.card');
       const area = card.closest('.page-area');
       area.scrollTop += card.getBoundingClientRect().top - area.getBoundingClientRect().top - 8;`,
    );
    await new Promise((r) => setTimeout(r, 300));
    await app.shot('outbox-pending');

    const received = [];
    const server = await smtpServer((data) => received.push(data));
    try {
      await app.click('mail-send-now');
      assert.equal(await app.text('mail-outbox-notice'), 'Sent 1, failed 0, still pending 0.');
      assert.match(await app.text('mail-status-1'), /^Sent/);
      assert.equal(received.length, 1);
      assert.match(received[0], /Subject: Invoice INV-2026-0001/);
      assert.match(received[0], /filename="INV-2026-0001.pdf"/);
      await app.shot('outbox-sent');
    } finally {
      server.close();
    }
  },
  { prepare: bookWithQueuedInvoice },
);

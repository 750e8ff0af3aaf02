// The Kontor side of the e2e suite: start the real app on a fresh data dir,
// find things by data-testid (see docs/DEVELOPMENT.md), type, click, wait,
// call Tauri commands, and save screenshots to target/e2e/<test>-<step>.png.

import { test } from 'node:test';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementId, elementRef, newSession } from './webdriver.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const APP = process.env.KONTOR_E2E_APP ?? join(ROOT, 'target/debug/kontor-desktop');
const SHOTS = process.env.KONTOR_E2E_SHOTS ?? join(ROOT, 'target/e2e');
const WEBDRIVER = process.env.KONTOR_E2E_WEBDRIVER ?? 'http://127.0.0.1:4444';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const byTestId = (id) => `[data-testid="${id}"]`;
// WebDriver errors that a moment later may be gone.
const TRANSIENT = new Set(['stale element reference', 'element click intercepted', 'element not interactable']);

/** The `kontor` CLI, for preparing a data dir before the app starts on it. */
export const CLI = process.env.KONTOR_E2E_CLI ?? join(ROOT, 'target/debug/kontor');

/**
 * Defines a test that gets its own freshly started app on an empty data dir
 * (or one `prepare(dataDir)` filled first). A screenshot is always taken
 * when the test fails; the data dir is kept then.
 */
export function appTest(name, fn, { prepare } = {}) {
  test(name, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kontor-e2e-'));
    if (prepare) await prepare(dataDir);
    const session = await newSession(WEBDRIVER, APP, ['--data-dir', dataDir]);
    const app = new App(session, slug(name));
    let passed = false;
    try {
      await fn(app, dataDir);
      passed = true;
    } catch (err) {
      const shot = await app.shot('failure').catch((e) => `(none: ${e.message})`);
      const page = await app.pageText().catch(() => '(unreadable)');
      err.message += `\n  screenshot: ${shot}\n  data dir kept: ${dataDir}\n  page text: ${page}`;
      throw err;
    } finally {
      await session.delete().catch(() => {});
      if (passed) await rm(dataDir, { recursive: true, force: true });
    }
  });
}

export class App {
  constructor(session, name) {
    this.session = session;
    this.name = name;
  }

  /** Waits until an element with this test id is displayed; returns its element id. */
  async waitFor(testId, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = await this.displayed(testId);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeout / 1000} s waiting for ${byTestId(testId)}`);
      }
      await sleep(100);
    }
  }

  /** Waits until no element with this test id is displayed. */
  async waitGone(testId, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    while (await this.displayed(testId)) {
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeout / 1000} s waiting for ${byTestId(testId)} to go`);
      }
      await sleep(100);
    }
  }

  /**
   * Element id of a visible element with this test id, or null (no waiting).
   * Visibility is checked in the page: WebKitWebDriver's own "is displayed"
   * (and so its "get text") says false for a plainly visible element with
   * `overflow: hidden` on itself, such as the header's business name.
   */
  async displayed(testId) {
    const found = await this.session.execute(
      `const visible = (el) => {
         const box = el.getBoundingClientRect();
         if (box.width === 0 && box.height === 0) return false;
         for (let e = el; e; e = e.parentElement) {
           const style = getComputedStyle(e);
           if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
         }
         return true;
       };
       return [...document.querySelectorAll(arguments[0])].find(visible) ?? null;`,
      [byTestId(testId)],
    );
    return elementId(found);
  }

  async click(testId) {
    await this.act(testId, (el) => this.session.click(el));
  }

  /** Replaces the content of an input with `text`, typed key by key. */
  async type(testId, text) {
    await this.act(testId, async (el) => {
      await this.session.clear(el);
      await this.session.sendKeys(el, text);
    });
  }

  /**
   * Runs `action` on the visible element with this test id, finding it again
   * when React replaced it meanwhile or something still covers it.
   */
  async act(testId, action, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        return await action(await this.waitFor(testId, { timeout }));
      } catch (err) {
        if (!TRANSIENT.has(err.error) || Date.now() > deadline) throw err;
        await sleep(100);
      }
    }
  }

  /** Picks `value` in a <select> (by option value or label), or types it into an input. */
  /** Opens a list row: WebKitWebDriver refuses to click a <tr> ("element not interactable"), so a cell of it is clicked. */
  async clickRow(testId) {
    await this.act(testId, async (row) => this.session.click(await this.session.findIn(row, 'td')));
  }

  async choose(testId, value) {
    const el = await this.waitFor(testId);
    if ((await this.session.tagName(el)).toLowerCase() !== 'select') return this.type(testId, value);
    const wanted = value.toLowerCase();
    for (const option of await this.session.findAll(`${byTestId(testId)} option`)) {
      const optionValue = String(await this.session.property(option, 'value')).toLowerCase();
      const label = (await this.session.text(option)).trim().toLowerCase();
      if (optionValue === wanted || label === wanted) return this.session.click(option);
    }
    throw new Error(`${byTestId(testId)} has no option "${value}"`);
  }

  /** The visible text of an element (innerText), once it is visible. */
  async text(testId) {
    const el = await this.waitFor(testId);
    return this.session.execute('return arguments[0].innerText', [elementRef(el)]);
  }

  /** The whole page's visible text (for failure messages). */
  async pageText() {
    const text = await this.session.execute('return document.body ? document.body.innerText : ""');
    return String(text).replace(/\s+/g, ' ').trim().slice(0, 600);
  }

  /**
   * Calls a Tauri command from the page, as the UI does.
   * Returns { ok: true, value } or { ok: false, error } (the rejection, e.g. { code, message }).
   */
  invoke(command, args = {}) {
    return this.session.execute(
      `return window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(
         (value) => ({ ok: true, value: value === undefined ? null : value }),
         (error) => ({ ok: false, error }))`,
      [command, args],
    );
  }

  /** Saves a screenshot as target/e2e/<test>-<step>.png and returns its path. */
  async shot(step) {
    const png = await this.session.screenshot();
    const file = join(SHOTS, `${this.name}-${slug(step)}.png`);
    await mkdir(SHOTS, { recursive: true });
    await writeFile(file, Buffer.from(png, 'base64'));
    return file;
  }
}

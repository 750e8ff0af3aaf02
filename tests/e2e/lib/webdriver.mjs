// A tiny W3C WebDriver client over Node's built-in fetch: just the calls the
// e2e suite uses. Talks to tauri-driver (scripts/e2e.sh starts it).

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** An element id as a script argument, and back from a script's result. */
export const elementRef = (id) => ({ [ELEMENT]: id });
export const elementId = (value) => value?.[ELEMENT] ?? null;

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    super(`${method} ${path} -> ${status} ${value?.error ?? ''}: ${value?.message ?? ''}`);
    this.error = value?.error;
  }
}

async function request(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebDriverError(method, path, res.status, { error: 'bad response', message: text.slice(0, 500) });
  }
  // W3C errors come with a 4xx/5xx status; a 200 value may well have an
  // `error` key of its own (a script's result).
  if (!res.ok) throw new WebDriverError(method, path, res.status, json.value);
  return json.value;
}

/** Starts a session: tauri-driver launches `application` with `args`. */
export async function newSession(base, application, args = []) {
  const value = await request(base, 'POST', '/session', {
    capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
  });
  return new Session(base, value.sessionId);
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** Element id of the first match of a CSS selector; throws `no such element`. */
  async find(css) {
    const value = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return value[ELEMENT];
  }

  /** Element ids of all matches (possibly none). */
  async findAll(css) {
    const value = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return value.map((v) => v[ELEMENT]);
  }

  /** Element id of the first match inside another element. */
  async findIn(element, css) {
    const value = await this.cmd('POST', `/element/${element}/element`, { using: 'css selector', value: css });
    return value[ELEMENT];
  }

  click(element) {
    return this.cmd('POST', `/element/${element}/click`, {});
  }

  clear(element) {
    return this.cmd('POST', `/element/${element}/clear`, {});
  }

  sendKeys(element, text) {
    return this.cmd('POST', `/element/${element}/value`, { text });
  }

  text(element) {
    return this.cmd('GET', `/element/${element}/text`);
  }

  displayed(element) {
    return this.cmd('GET', `/element/${element}/displayed`);
  }

  tagName(element) {
    return this.cmd('GET', `/element/${element}/name`);
  }

  property(element, name) {
    return this.cmd('GET', `/element/${element}/property/${name}`);
  }

  /**
   * Runs `script` (a function body) in the page with `arguments` = args; a
   * returned promise is awaited. Elements go in and come out as elementRef.
   */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** PNG of the window, base64. */
  screenshot() {
    return this.cmd('GET', '/screenshot');
  }

  delete() {
    return request(this.base, 'DELETE', `/session/${this.id}`);
  }
}

// The measuring half of scripts/bench-startup.sh (run it through that script:
// it builds the apps and provides Xvfb and a session bus).
//
//   node scripts/bench-startup.mjs --runs 5 --app NAME=BINARY=DATA_DIR_TEMPLATE ...
//
// Per run: spawn the app with KONTOR_REPORT_FIRST_PAINT=1 on a fresh copy of
// the data dir template (or an empty dir), time until it prints
// `kontor: first-paint <ms>` on stderr, wait 5 s idle, read the RSS of the app
// and of all its processes (WebKit runs the page in child processes), stop it.
// Everything is printed on stdout.

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const IDLE_MS = 5000;
const PAINT_TIMEOUT_MS = 60000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MiB = 1024 * 1024;

function rssBytes(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
    return line ? Number(line[1]) * 1024 : 0;
  } catch {
    return 0; // gone meanwhile
  }
}

/** pid and all its descendants, from /proc/<pid>/stat's ppid field. */
function processTree(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // exited while we looked
    }
  }
  const tree = [];
  const todo = [root];
  while (todo.length) {
    const pid = todo.pop();
    tree.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Stops the app's whole process group (it was spawned detached, as its leader). */
async function stop(child) {
  const running = child.exitCode === null && child.signalCode === null;
  const exited = running ? new Promise((r) => child.once('exit', r)) : Promise.resolve();
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, 5000);
  await exited;
  clearTimeout(timer);
}

async function runOnce(binary, template) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kontor-bench-'));
  if (template) cpSync(template, dataDir, { recursive: true });
  const env = { ...process.env, KONTOR_REPORT_FIRST_PAINT: '1', KONTOR_DATA_DIR: dataDir };
  const started = performance.now();
  const child = spawn(binary, [], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  try {
    const painted = await new Promise((resolve, reject) => {
      let buffered = '';
      const timer = setTimeout(() => reject(new Error(`no first-paint line within ${PAINT_TIMEOUT_MS / 1000} s`)), PAINT_TIMEOUT_MS);
      child.stderr.on('data', (chunk) => {
        buffered += chunk;
        const match = buffered.match(/kontor: first-paint (\d+)/);
        if (match) {
          clearTimeout(timer);
          resolve({ wallMs: performance.now() - started, selfMs: Number(match[1]) });
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`exited (${signal ?? code}) before painting: ${buffered.trim().slice(-400)}`));
      });
    });
    child.stderr.resume(); // keep draining
    await sleep(IDLE_MS);
    const tree = processTree(child.pid);
    return { ...painted, rssMain: rssBytes(child.pid), rssAll: tree.reduce((sum, pid) => sum + rssBytes(pid), 0), processes: tree.length };
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}

async function main() {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, app: { type: 'string', multiple: true } } });
  const runs = Number(values.runs);
  const apps = (values.app ?? []).map((spec) => {
    const [name, binary, template] = spec.split('=');
    return { name, binary, template: template || null };
  });

  const rows = [['app', 'paint median ms', 'min', 'max', 'self-reported ms', 'RSS app MiB', 'RSS all MiB', 'procs', 'binary MiB']];
  for (const app of apps) {
    const results = [];
    for (let i = 1; i <= runs; i++) {
      const r = await runOnce(app.binary, app.template);
      results.push(r);
      console.log(
        `${app.name} run ${i}/${runs}: first paint ${r.wallMs.toFixed(0)} ms (self-reported ${r.selfMs} ms), ` +
          `RSS ${(r.rssMain / MiB).toFixed(1)} MiB, all ${r.processes} processes ${(r.rssAll / MiB).toFixed(1)} MiB`,
      );
    }
    const wall = results.map((r) => r.wallMs);
    rows.push([
      app.name + (app.template ? ' (login screen)' : ''),
      median(wall).toFixed(0),
      Math.min(...wall).toFixed(0),
      Math.max(...wall).toFixed(0),
      median(results.map((r) => r.selfMs)).toFixed(0),
      (median(results.map((r) => r.rssMain)) / MiB).toFixed(1),
      (median(results.map((r) => r.rssAll)) / MiB).toFixed(1),
      median(results.map((r) => r.processes)),
      (statSync(app.binary).size / MiB).toFixed(1),
    ]);
  }
  console.log(`\nStart-up, ${runs} runs each under Xvfb (paint = wall time from spawn to the first-paint line; RSS after ${IDLE_MS / 1000} s idle, medians):\n`);
  console.log(table(rows));
}

main().catch((error) => {
  console.log(`bench-startup: ${error.message}`);
  process.exit(1);
});

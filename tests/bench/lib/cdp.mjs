// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (flat sessions), for the
// whole-extension runs: they must reach every out-of-process iframe before it runs a script, which
// means answering Target.attachedToTarget ourselves (Playwright resumes those targets on its own).
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One CDP session (browser, page or iframe target); events are emitted by method name. */
export class CdpSession extends EventEmitter {
  constructor(connection, sessionId, targetInfo = null) {
    super();
    this.connection = connection;
    this.id = sessionId;
    this.targetInfo = targetInfo;
  }
  send(method, params = {}) {
    return this.connection.send(method, params, this.id);
  }
}

class CdpConnection {
  constructor(write) {
    this.write = write;
    this.nextId = 1;
    this.pending = new Map();
    this.sessions = new Map();
    this.browser = new CdpSession(this, undefined);
    this.closed = false;
  }
  send(method, params, sessionId) {
    if (this.closed) return Promise.reject(new Error(`CDP closed (${method})`));
    const id = this.nextId++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.write(`${JSON.stringify(msg)}\0`);
    });
  }
  dispatch(raw) {
    const msg = JSON.parse(raw);
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    const session = msg.sessionId ? this.sessions.get(msg.sessionId) : this.browser;
    if (msg.method === 'Target.attachedToTarget') {
      const child = new CdpSession(this, msg.params.sessionId, msg.params.targetInfo);
      this.sessions.set(msg.params.sessionId, child);
    }
    if (msg.method === 'Target.detachedFromTarget') {
      const child = this.sessions.get(msg.params.sessionId);
      this.sessions.delete(msg.params.sessionId);
      child?.emit('detached');
    }
    session?.emit(msg.method, msg.params);
  }
  close() {
    this.closed = true;
    for (const p of this.pending.values()) p.reject(new Error(`CDP closed (${p.method})`));
    this.pending.clear();
  }
}

/**
 * Launches Chromium with a private profile and a CDP pipe.
 * @returns {Promise<{ browser: CdpSession, connection: CdpConnection, version: string, close(): Promise<void> }>}
 */
export async function launchChromiumCdp({ executablePath = '/usr/bin/chromium', args = [] }) {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'termlight-bench-cdp-'));
  const child = spawn(
    executablePath,
    [...args, `--user-data-dir=${userDataDir}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  child.stderr.resume(); // Debian's wrapper and dbus chatter
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  const connection = new CdpConnection((s) => toBrowser.write(s));
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\0'); end !== -1; end = buffer.indexOf('\0')) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      connection.dispatch(raw);
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => connection.close());
  toBrowser.on('error', () => {});
  let version;
  try {
    version = await Promise.race([
      connection.browser.send('Browser.getVersion'),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('no CDP answer in 20 s')), 20_000),
      ),
      exited.then((code) => {
        throw new Error(`Chromium exited with ${code}`);
      }),
    ]);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(userDataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    browser: connection.browser,
    connection,
    version: version.product.replace(/^[^/]*\//, ''),
    pid: child.pid,
    async close() {
      await Promise.race([
        connection.browser.send('Browser.close').catch(() => {}),
        new Promise((r) => setTimeout(r, 3_000)),
      ]);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

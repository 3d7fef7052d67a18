import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { corpusDir, fixturesDir } from './paths';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

export interface FixtureServer {
  origin: string;
  /** `url('/fixtures/article.html')` -> 'http://127.0.0.1:<port>/fixtures/article.html' */
  url(pathname: string): string;
  close(): Promise<void>;
}

/** Maps a URL path to a file under one of the two roots; null when it would escape them. */
export function resolveRequestPath(pathname: string): string | null {
  const mounts: [string, string][] = [
    ['/fixtures/', fixturesDir],
    ['/corpus/', corpusDir],
  ];
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  for (const [prefix, root] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const file = path.resolve(root, `.${decoded.slice(prefix.length - 1)}`);
    // Refuse `..` tricks: the file must stay inside its mount.
    if (file !== root && !file.startsWith(root + path.sep)) return null;
    return file;
  }
  return null;
}

/** Static server on 127.0.0.1 with a random port; reads files in place, touches no network. */
export async function startServer(): Promise<FixtureServer> {
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Offline pages ask for favicons and assets we do not have; answer fast so load fires.
    const file = resolveRequestPath(pathname);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'content-type':
          CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  // Keep-alive sockets would hold close() open until browsers let go.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (pathname) => origin + pathname,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

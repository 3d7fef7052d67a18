// Local HTTP server on 127.0.0.1 for the benchmark: corpus pages read in place, generated pages
// from memory, and the scripts the harness injects.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

/**
 * @param {{ corpusDir: string, generated: Map<string, string>, assets: Map<string, string | (() => Promise<string>)> }} opts
 * @returns {Promise<{ origin: string, close(): Promise<void> }>}
 */
export async function startServer({ corpusDir, generated, assets }) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      if (url.pathname.startsWith('/corpus/')) {
        const name = path.basename(decodeURIComponent(url.pathname.slice('/corpus/'.length)));
        // No charset header: the corpus pages declare their own.
        return send(200, 'text/html', await readFile(path.join(corpusDir, name)));
      }
      if (url.pathname.startsWith('/gen/')) {
        const html = generated.get(url.pathname.slice('/gen/'.length));
        if (html === undefined) return send(404, 'text/plain', 'not found');
        return send(200, 'text/html; charset=utf-8', html);
      }
      if (url.pathname === '/blank') {
        return send(200, 'text/html; charset=utf-8', '<!doctype html><title>blank</title><p>blank');
      }
      const asset = assets.get(url.pathname);
      if (asset !== undefined) {
        const body = typeof asset === 'function' ? await asset() : asset;
        return send(200, 'text/javascript; charset=utf-8', body);
      }
      send(404, 'text/plain', 'not found');
    } catch (err) {
      send(500, 'text/plain', String(err));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

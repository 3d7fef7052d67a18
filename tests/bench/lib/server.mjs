// Local HTTP server on 127.0.0.1 for the benchmark: corpus pages read in place, generated pages
// from memory, and the scripts the harness injects.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

/**
 * `aliases` more loopback addresses (127.0.0.2, ...) serve the same content on the same port:
 * other sites, for the iframe page's cross-site frames.
 * @param {{ corpusDir: string, generated: Map<string, string>, assets: Map<string, string | (() => Promise<string>)>, aliases?: number }} opts
 * @returns {Promise<{ origin: string, aliasOrigins: string[], close(): Promise<void> }>}
 */
export async function startServer({ corpusDir, generated, assets, aliases = 0 }) {
  const handler = async (req, res) => {
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
  };
  const listen = (server, port, host) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  const main = await listen(http.createServer(handler), 0, '127.0.0.1');
  const address = main.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const servers = [main];
  const aliasOrigins = [];
  for (let i = 0; i < aliases; i++) {
    const host = `127.0.0.${i + 2}`;
    servers.push(await listen(http.createServer(handler), port, host));
    aliasOrigins.push(`http://${host}:${port}`);
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    aliasOrigins,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise((resolve) => {
              server.closeAllConnections?.();
              server.close(() => resolve());
            }),
        ),
      ),
  };
}

// Serves the release build (dist/) under a base path on a free loopback port, for browser tests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** Starts a static server of `root` mounted at `base` ("/" or "/fichas/"); no SPA fallback. */
export async function serve(root, base = '/', options = {}) {
  return serveMounts({ [base]: root }, options);
}

/**
 * Several builds on one origin, `{ '/fichas/': rootA, '/pruebas/': rootB }`; `url` is the first one's.
 * `cacheControl` is sent with every file.
 */
export async function serveMounts(mounts, { cacheControl = 'no-cache' } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    requests.push(url.pathname);
    const base = Object.keys(mounts).find((b) => url.pathname.startsWith(b));
    if (!base) { res.writeHead(404).end('not found'); return; }
    const root = mounts[base];
    let rel = url.pathname.slice(base.length) || 'index.html';
    const file = normalize(join(root, decodeURIComponent(rel)));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControl });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${Object.keys(mounts)[0]}`, origin, requests, close: () => new Promise((r) => server.close(r)) };
}

// Serves the release build (dist/) under a base path on a free loopback port, for browser tests,
// compressed as a static host serves it: the build's precompressed copy (`x.br`, `x.gz`, written
// by tools/compress.mjs) when the browser accepts it, else gzip made on the fly for text and wasm.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** Starts a static server of `root` mounted at `base` ("/" or "/fichas/", or a list of them: one
 * origin with several deployments of the same build); no SPA fallback. `url` is the first base's. */
export async function serve(root, base = '/', options = {}) {
  return serveMounts(Object.fromEntries([base].flat().map((b) => [b, root])), options);
}

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.webmanifest', '.svg']);

/** The body of `file` and its `content-encoding` for a request accepting `accepted` encodings. A
 * precompressed copy older than its file is stale (a test changed the file of a copied build). */
async function encoded(file, accepted) {
  const accepts = (name) => accepted.split(',').some((part) => part.trim().split(';')[0] === name);
  const { mtimeMs } = await stat(file);
  for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepts(name)) continue;
    const copy = await stat(file + ext).catch(() => null);
    if (copy && copy.mtimeMs >= mtimeMs) return { body: await readFile(file + ext), encoding: name };
  }
  const body = await readFile(file);
  if (accepts('gzip') && COMPRESSIBLE.has(extname(file))) return { body: gzipSync(body, { level: 9 }), encoding: 'gzip' };
  return { body, encoding: null };
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
      const { body, encoding } = await encoded(file, String(req.headers['accept-encoding'] ?? ''));
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cacheControl, vary: 'accept-encoding' };
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
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

// Trunk post-build hook: splits the wasm into a main module and lazily loaded chunks, then writes the
// service worker's precache list and the Content-Security-Policy.
// Runs in TRUNK_STAGING_DIR, where index.html and the hashed assets of this build are.
// (One hook for all three: Trunk runs the hooks of a stage concurrently.)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitWasm } from './split-wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk build');

// First: the chunk files it adds must be in the precache list below.
await splitWasm(dir);

const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name !== 'sw.js')
  .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1).replaceAll('\\', '/'))
  .sort();

// CSP: only this origin; the one inline module script Trunk writes is allowed by its hash.
let html = await readFile(join(dir, 'index.html'), 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`).join(' ');
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${csp}">`);
await writeFile(join(dir, 'index.html'), html);

// The build's identity: a hash over every file, so a new deploy installs a new worker.
const digest = createHash('sha256');
for (const f of files) digest.update(f).update(await readFile(join(dir, f)));
const version = digest.digest('hex').slice(0, 16);
const template = await readFile(new URL('../public/sw.template.js', import.meta.url), 'utf8');
const assets = ['./', ...files.map((f) => `./${f}`)];
await writeFile(join(dir, 'sw.js'), template.replace('__VERSION__', version).replace('__ASSETS__', JSON.stringify(assets, null, 2)));
console.log(`post-build: ${assets.length} assets precached, version ${version}`);

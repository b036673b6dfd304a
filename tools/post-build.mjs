// Trunk post-build hook: splits the wasm into a main module and lazily loaded chunks, writes the
// first screen and the stylesheets into index.html, then the service worker's precache list and the
// Content-Security-Policy, and last a gzip and a brotli copy of every file for the static host.
// Runs in TRUNK_STAGING_DIR, where index.html and the hashed assets of this build are.
// (One hook for all: Trunk runs the hooks of a stage concurrently.)
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCompressed } from './compress.mjs';
import { splitWasm } from './split-wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run through trunk build');

// First: the chunk files it adds must be in the precache list below.
await splitWasm(dir);

let html = await readFile(join(dir, 'index.html'), 'utf8');

// A first visit paints before any other file arrives: the stylesheets go inline (one <style>, in
// their order; 16 KB, 4 KB gzip), and the first screen, the example's Resumen laid out by the
// domain's code on the host (src/io/first_screen.rs), goes first in the body with the script that
// hides it before the first paint where the app will not open on it. The app removes it at start.
const sourceDir = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const screen = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--locked', '--offline', '--example', 'first_screen'],
  { cwd: sourceDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
const sheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>\n?/g)];
if (sheets.length === 0) throw new Error('post-build: no stylesheet link in index.html');
let css = '';
for (const [link, file] of sheets) {
  css += await readFile(join(dir, file), 'utf8');
  html = html.replace(link, '');
  await rm(join(dir, file));
}
const style = `<style>${css}</style>`;
const head = `<script>${screen.script}</script>\n    ${style}\n`;
if (!html.includes('<link rel="manifest"')) throw new Error('post-build: no manifest link in index.html');
html = html.replace('    <link rel="manifest"', `    ${head}    <link rel="manifest"`);
if (!html.includes('<body>')) throw new Error('post-build: no <body> in index.html');
html = html.replace('<body>', `<body>\n    ${screen.html}`);

const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name !== 'sw.js')
  .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1).replaceAll('\\', '/'))
  .sort();

// CSP: only this origin; the inline scripts (Trunk's module script, the first screen's) and the
// inline stylesheet are allowed by their hashes.
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map(sha256).join(' ');
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes}`.trim(),
  `style-src 'self' ${sha256(css)}`,
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

// Last, so the precache list and the build's identity are of the files themselves.
await writeCompressed(dir, [...files, 'sw.js']);

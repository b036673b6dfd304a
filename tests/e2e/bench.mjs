// The benchmark: one table of native and browser (wasm) figures, measured in one run on this machine.
// Run with `make bench`: it builds the release served to users (dist/) and a build with the `bench`
// feature (dist-bench/), whose wasm entry points time what the pages compute. The pages themselves
// (render, keystroke, sheet, cold start) and the bundle are measured on the users' build, seeded
// through the UI. Not a test: it prints, it does not assert.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';
import { syntheticAoRows } from './pages/data.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const BENCH_DIST = process.env.FICHA_BENCH_DIST ?? new URL('../../dist-bench/', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

const native = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--locked', '--example', 'bench'], { cwd: ROOT, encoding: 'utf8' }));

const server = await serve(DIST);
const benchServer = await serve(BENCH_DIST);
const browser = await launch();
const rows = [];
const row = (what, value, target = '') => rows.push([what, value, target]);
const ms = (x) => `${x.toFixed(2)} ms`;
const SIZES = [1000, 5000, 20000];
try {
  // What the pages compute, timed in wasm by the bench build's entry points, beside the native run.
  let context = await browser.newContext();
  let page = await context.newPage();
  await page.goto(benchServer.url + '#/');
  await page.waitForSelector('.app-header');
  // V8 runs wasm first through its baseline compiler and tiers hot code up while it runs: warm up
  // once, so the first size measured is not timed on baseline code (native code is optimised ahead).
  await page.evaluate(() => window.wasmBindings.bench_pages(5000, 5));
  const wasm = {};
  for (const n of SIZES) wasm[n] = await page.evaluate((n) => window.wasmBindings.bench_pages(n, 15), n);
  const [save, load, size] = await page.evaluate(() => window.wasmBindings.bench_storage(5000, 5));
  await context.close();
  const measures = [
    ['AEI page: Cuadro 1, 2 and Tabla 3 of one AEI of 40', (n) => (n === 20000 ? '< 30 ms' : '')],
    ['Resumen: Cuadro 1 of each of the 40 AEI', () => ''],
    ["Tabla 3's Total over the whole version", () => ''],
  ];
  measures.forEach(([what, target], k) => {
    for (const n of SIZES) {
      const [nat, w] = [native.pages_ms[n][k], wasm[n][k]];
      row(`${what}, ${n.toLocaleString('en')} AO, native / wasm`, `${ms(nat)} / ${ms(w)} (×${(w / nat).toFixed(2)})`, target(n) || 'wasm ≤ 2.5 × native');
    }
  });

  // Cold start of the users' build: a new profile, nothing cached, to the first table on screen.
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(server.url + '#/aei/AEI.08.05');
  const cold = await page.waitForFunction(() => document.querySelector('#cuadro1') && performance.now(), null, { polling: 'raf' });
  const coldMs = await cold.jsonValue();
  await context.close();

  // One AEI with 1,000 AO imported into the user's own workspace, as a planner would.
  context = await browser.newContext();
  page = await context.newPage();
  const ficha = new FichaPage(page, server.url);
  await ficha.startOwnWorkspace();
  await ficha.data.importAoSheet(syntheticAoRows(1000));
  await ficha.open('#/');
  await page.waitForSelector('#aei-list');
  const render = await page.evaluate(async () => {
    const start = performance.now();
    location.hash = '#/aei/AEI.01.02';
    while (document.querySelectorAll('#tabla3 tbody tr').length < 1000) await new Promise(requestAnimationFrame);
    return performance.now() - start;
  });
  row('Render the AEI page with Tabla 3 of 1,000 rows', ms(render));
  const keystroke = await page.evaluate(async () => {
    const cell = () => document.querySelector('#cuadro1 tbody tr td:nth-child(5)').textContent;
    // The first AO whose financial execution enters Cuadro 1 (some synthetic AO are not counted).
    const inputs = [...document.querySelectorAll('table.grid input[data-series="3"][data-month="1"]')];
    let input = null;
    for (const candidate of inputs) {
      const before = cell();
      candidate.value = '1';
      candidate.dispatchEvent(new Event('change', { bubbles: true }));
      const until = performance.now() + 500;
      while (cell() === before && performance.now() < until) await new Promise((r) => setTimeout(r, 0));
      if (cell() !== before) { input = candidate; break; }
    }
    if (!input) throw new Error('no counted AO on the first page of grids');
    const times = [];
    for (let i = 1; i <= 7; i++) {
      const before = cell();
      const start = performance.now();
      input.value = String(1000 + i * 137);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      while (cell() === before) await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[3];
  });
  row('Keystroke in the grid to updated Cuadro 1, 1,000 AO', ms(keystroke), '< 50 ms');
  // The AEI sheet of the same 1,000 AO (4,000 rows): opening it, and scrolling it a screen at a time
  // to the new rows laid out (one frame at 60 Hz is 16.7 ms).
  const sheet = await page.evaluate(async () => {
    const frame = () => new Promise(requestAnimationFrame);
    const start = performance.now();
    document.querySelector('#view-sheet').click();
    while (!document.querySelector('table.sheet tr[data-row="0"]')) await frame();
    const open = performance.now() - start;
    const box = document.querySelector('.sheet-scroll');
    const times = [];
    for (let i = 0; i < 40; i++) {
      await frame();
      const t = performance.now();
      box.scrollTop += box.clientHeight;
      const want = Math.floor(box.scrollTop / 30);
      while (!document.querySelector(`table.sheet tr[data-row="${want}"]`)) await frame();
      void box.offsetHeight;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { open, scroll: times[20], rendered: document.querySelectorAll('table.sheet tr[data-row]').length };
  });
  row('Open the AEI sheet of 1,000 AO (4,000 rows)', `${ms(sheet.open)}, ${sheet.rendered} rows in the page`);
  row('Scroll the AEI sheet one screen, median', ms(sheet.scroll), 'one frame');
  await context.close();

  // The Aplicativo CEPLAN's export of 5,000 AO in 3 departments (15,000 rows × 277 columns, as sparse
  // as a real one, saved from Excel: shared strings, deflated), written by examples/bench.rs with the
  // host tests' builder, imported through the page: chosen → preview, then confirmed → done.
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(server.url + '#/');
  const importing = new FichaPage(page, server.url);
  await importing.startOwnWorkspace();
  await importing.data.openData();
  const chosen = Date.now();
  await page.setInputFiles('#ao-file', native.ceplan_path);
  await page.waitForSelector('#import-preview, #import-errors', { timeout: 120_000 });
  const previewed = Date.now() - chosen;
  const aos = await page.$eval('#import-summary tbody tr td', (td) => td.textContent);
  const confirmed = Date.now();
  await page.click('#confirm-import');
  await page.waitForSelector('#import-done', { timeout: 120_000 });
  const imported = Date.now() - confirmed;
  await context.close();
  row('Import a CEPLAN export (5,000 AO × 3 departments, 15,000 rows), native', ms(native.import_15000_ms));
  row(`  the same through the page (${(native.ceplan_bytes / 1e6).toFixed(1)} MB .xlsx), chosen → preview`, `${ms(previewed)}, ${aos} AO`, '< 2 s');
  row('  confirm → imported and saved', ms(imported));

  // ---- The Informe de evaluación (30 AEI, 2,000 AO) -------------------------------------------
  // The synthetic AO spread over 30 AEI, imported into the user's own workspace; then the Informe
  // (its parts and the 30 annexed fichas) rendered from the Resumen, and printed as page.pdf() does.
  context = await browser.newContext();
  page = await context.newPage();
  const planner = new FichaPage(page, server.url);
  await planner.startOwnWorkspace();
  const thirtyAei = syntheticAoRows(2000).map((cells, i) => {
    const n = i % 30 + 1;
    const spread = [...cells];
    spread[0] = `AEI.${String(Math.floor(n / 10) + 1).padStart(2, '0')}.${String(n % 10 + 1).padStart(2, '0')}`;
    spread[1] = `ACCIÓN ESTRATÉGICA INSTITUCIONAL SINTÉTICA ${n}`;
    return spread;
  });
  await planner.data.importAoSheet(thirtyAei);
  await planner.open('#/');
  await page.waitForSelector('#aei-list');
  const informe = await page.evaluate(async () => {
    const start = performance.now();
    location.hash = '#/informe';
    while (document.querySelectorAll('#informe-document .annexed-ficha').length < 30
      || !document.querySelector('#informe-document .annexed-ficha:last-of-type table')) await new Promise(requestAnimationFrame);
    return { ms: performance.now() - start, tables: document.querySelectorAll('#informe-document table').length };
  });
  row('Render the Informe, 30 AEI and 2,000 AO (parts and 30 annexed fichas)', `${ms(informe.ms)}, ${informe.tables} tables`, '< 1 s');
  await page.emulateMedia({ media: 'print' });
  const printStart = Date.now();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const printMs = Date.now() - printStart;
  const pdfPages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  row('Print the Informe to PDF (page.pdf), 30 AEI and 2,000 AO', `${ms(printMs)}, ${pdfPages} pages`);
  await context.close();
  // ---- end of the Informe's rows ----------------------------------------------------------------

  row('Save 5,000 AO (encode), native / wasm', `${ms(native.save_5000_ms)} / ${ms(save)}`);
  row('Load 5,000 AO (decode), native / wasm', `${ms(native.load_5000_ms)} / ${ms(load)}`);
  row('Stored size, 5,000 AO', `${(size / 1e6).toFixed(2)} MB`, '< 2.5 MB');
  row('Cold start to the first table (localhost)', ms(coldMs), '< 1 s');

  // The main module (loaded at start) and its JS, then the loader and the page chunks (loaded on demand).
  const bundleSize = (files) => {
    const raw = files.reduce((n, f) => n + statSync(join(DIST, f)).size, 0);
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
    return `${(raw / 1024).toFixed(0)} KB / ${(gz / 1024).toFixed(0)} KB`;
  };
  const all = readdirSync(DIST).sort();
  for (const f of all.filter((f) => /^ficha-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(f))) {
    row(`Bundle ${f.replace(/-[0-9a-f]{16}/, '')} (main), raw / gzip`, bundleSize([f]), f.endsWith('.wasm') ? '≤ 350 KB gzip' : '');
  }
  for (const f of all.filter((f) => f.startsWith('__wasm_split-') && f.endsWith('.js'))) row('Bundle __wasm_split.js (chunk loader), raw / gzip', bundleSize([f]));
  // One chunk per lazy page (split_<function>-<hash>.wasm), and code shared by some of them.
  for (const f of all.filter((f) => /^split_.*\.wasm$/.test(f))) {
    row(`Bundle chunk ${f.replace(/^split_(.*)-[0-9a-f]{16}\.wasm$/, '$1')}, raw / gzip`, bundleSize([f]));
  }
  const shared = all.filter((f) => /^chunk_.*\.wasm$/.test(f));
  if (shared.length) row(`Bundle shared chunks (${shared.length} files), raw / gzip`, bundleSize(shared));
} finally {
  await browser.close();
  await server.close();
  await benchServer.close();
}

const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['Measure', 'Result', 'Target'][i].length));
const line = (r) => `| ${r.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
console.log(line(['Measure', 'Result', 'Target']));
console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));

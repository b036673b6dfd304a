// The benchmark: one table of native and browser (wasm) figures, measured in one run on this machine.
// Run with `make bench`: it builds the release served to users (dist/) and a build with the `bench`
// feature (dist-bench/), whose wasm entry points time what the pages compute. The pages themselves
// (render, keystroke, sheet, cold start) and the bundle are measured on the users' build, seeded
// through the UI; the visits over emulated networks and the pages under load, each also with the
// CPU throttled ×4, are in bench-speed.mjs. Not a test: it prints, it does not assert.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { APP_STARTED, FichaPage, launch } from './pages/app.mjs';
import { NETWORKS, aeiPageFigures, firstVisit, summaryFigure } from './bench-speed.mjs';
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
const secs = (x) => `${(x / 1000).toFixed(2)} s`;
const kb = (x) => `${(x / 1024).toFixed(0)} KB`;
const SIZES = [1000, 5000, 20000];
try {
  // What the pages compute, timed in wasm by the bench build's entry points, beside the native run.
  let context = await browser.newContext();
  let page = await context.newPage();
  await page.goto(benchServer.url + '#/');
  await page.waitForSelector(APP_STARTED);
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

  // --- The pages under load (issue of speed): the AEI page of 1,000 AO, a keystroke in its grid
  // and its sheet, the sheet scrolled, and the Resumen of 30 AEI with 5,000 AO; each at full speed
  // and under CPU throttling ×4 (an old PC), seeded through the UI at full speed.
  for (const cpu of [1, 4]) {
    const under = cpu === 1 ? '' : `, CPU ×${cpu}`;
    const aei = await aeiPageFigures(browser, server.url, cpu);
    row(`Render the AEI page with Tabla 3 of 1,000 rows${under}`, `${ms(aei.render)}, ${aei.tabla3Rows} of 1,000 rows in the page`, '≤ 50 ms');
    row(`  and its first 20 AO grids${under}`, ms(aei.withGrids));
    row(`Keystroke in the grid to updated totals and Cuadro 1, 1,000 AO${under}`, `${ms(aei.grid.dom)} (next frame ${ms(aei.grid.frame)})`, '≤ 16 ms');
    row(`Open the AEI sheet of 1,000 AO (4,000 rows)${under}`, `${ms(aei.sheet.open)}, ${aei.sheet.rendered} rows in the page`);
    row(`Scroll the AEI sheet one screen, median${under}`, ms(aei.sheet.scroll), 'one frame');
    row(`Keystroke in the sheet to updated totals and Cuadro 1, 1,000 AO${under}`, `${ms(aei.sheetKey.dom)} (next frame ${ms(aei.sheetKey.frame)})`, '≤ 16 ms');
    row(`Open the Resumen of 30 AEI with 5,000 AO${under}`, ms(await summaryFigure(browser, server.url, cpu)), '≤ 100 ms');
  }

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
  // Where that time goes: the same file's stages timed in wasm by the bench build, in a new page
  // (its first import, as a user's is: baseline code and fresh memory).
  context = await browser.newContext();
  page = await context.newPage();
  await page.goto(benchServer.url + '#/');
  await page.waitForSelector(APP_STARTED);
  const stages = await page.evaluate((b) => Array.from(window.wasmBindings.bench_import_stages(new Uint8Array(b))), [...readFileSync(native.ceplan_path)]);
  await context.close();
  row('  its stages in wasm: open and recognise / read the mapped columns / validate / preview', stages.slice(0, 4).map(ms).join(' / '));
  row('  inflating the sheet alone (95 MB of XML) in wasm', ms(stages[4]));

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

  // --- First and repeat visits over emulated networks (issue of speed): the users' build served
  // compressed (server.mjs: the build's .br/.gz, else gzip), a new profile, Chromium's own network
  // emulation (CDP Network.emulateNetworkConditions) at the figures of NETWORKS, also with the CPU
  // throttled ×4. "First table": the first <table> with body rows laid out (the first screen's);
  // "the app's": the live app's AEI list (#aei-list).
  for (const cpu of [1, 4]) {
    for (const [name, network] of Object.entries(NETWORKS)) {
      const visit = await firstVisit(browser, server.url, network, cpu);
      const under = cpu === 1 ? '' : `, CPU ×${cpu}`;
      row(`First visit, ${name}${under}: first table / the app's table`, `${secs(visit.firstTable)} / ${secs(visit.appTable)}`, name === 'Slow 3G' ? '< 5 s' : '< 2 s');
      row(`First visit, ${name}${under}: bytes before the first table / the app's`, `${kb(visit.bytesBeforeTable)} / ${kb(visit.bytesBeforeApp)}`);
      if (name === 'Slow 3G') {
        row(`Repeat visit (service worker), Slow 3G${under}: first table / the app's`, `${ms(visit.repeat.firstTable)} / ${ms(visit.repeat.appTable)}`, '< 1 s');
        row(`Repeat visit (service worker), offline${under}: first table / the app's`, `${ms(visit.offline.firstTable)} / ${ms(visit.offline.appTable)}`, '< 1 s');
        row(`Repeat visit of one's own workspace, Slow 3G${under}: the app's table`, ms(visit.own.appTable), '< 1 s');
      }
    }
  }

  // The main module (loaded at start) and its JS, then the loader and the page chunks (loaded on demand).
  const bundleSize = (files) => {
    const raw = files.reduce((n, f) => n + statSync(join(DIST, f)).size, 0);
    const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
    return `${(raw / 1024).toFixed(0)} KB / ${(gz / 1024).toFixed(0)} KB`;
  };
  const all = readdirSync(DIST).sort();
  row('index.html (with the first screen and the stylesheets), raw / gzip', bundleSize(['index.html']));
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
  // What was measured is printed even when a later measure fails.
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['Measure', 'Result', 'Target'][i].length));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(width[i])).join(' | ')} |`;
  console.log(line(['Measure', 'Result', 'Target']));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  await browser.close();
  await server.close();
  await benchServer.close();
}


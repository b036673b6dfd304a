// The first screen: the example's Resumen in index.html, shown before the program arrives, never
// over one's own workspace nor another page; the build's precompressed copies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from './server.mjs';
import { APP_STARTED, launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Service workers blocked: the held main module must come from the server, not from a cache.
async function withApp(base, fn) {
  const server = await serve(DIST, base);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await fn({ server, context, ficha: new FichaPage(await context.newPage(), server.url) });
  } finally {
    await context.close();
    await server.close();
  }
}

test('a first visit shows the example\'s Resumen with its figures before the program arrives, and the app takes its place', async () => {
  await withApp('/', async ({ ficha }) => {
    await ficha.firstScreen.openHeld();
    assert.equal(await ficha.firstScreen.shown(), true);
    assert.deepEqual(await ficha.firstScreen.head(), ['AEI del año y su ejecución', 'CÓDIGO', 'DENOMINACIÓN', 'NÚMERO DE AO', 'PROMEDIO DE EJECUCIÓN FÍSICA AJUSTADO']);
    const rows = await ficha.firstScreen.rows();
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0][0], ...rows[0].slice(2)], ['AEI.08.05', '1', '100.00']);
    assert.equal(await ficha.firstScreen.headerBackground(), 'rgb(138, 28, 28)', 'the inline stylesheet applies (the CSP allows it)');
    assert.equal(await ficha.page.$('#aei-list'), null, 'the app has not started');
    await ficha.firstScreen.releaseProgram();
    await ficha.page.waitForSelector(APP_STARTED);
    assert.equal(await ficha.firstScreen.present(), false, 'the app removed it');
    assert.deepEqual(await ficha.tableRows('AEI del año'), rows, 'the app shows the same figures');
    assert.deepEqual(ficha.consoleErrors, [], 'nothing refused by the Content-Security-Policy');
  });
});

test('the first screen never shows over one\'s own workspace, in the deployment that has it', async () => {
  await withApp(['/fichas/', '/pruebas/'], async ({ server, context, ficha }) => {
    await ficha.startOwnWorkspace();
    await ficha.saved();
    await ficha.firstScreen.openHeld();
    assert.equal(await ficha.firstScreen.present(), true);
    assert.equal(await ficha.firstScreen.shown(), false, 'hidden before the first paint');
    await ficha.firstScreen.releaseProgram();
    await ficha.page.waitForSelector('#open-example');
    // Another deployment on the same origin has no own workspace: its newcomer sees the example.
    const pruebas = new FichaPage(await context.newPage(), `${server.origin}/pruebas/`);
    await pruebas.firstScreen.openHeld();
    assert.equal(await pruebas.firstScreen.shown(), true);
    await pruebas.firstScreen.releaseProgram();
  });
});

test('a first visit to another page than the Resumen does not show the Resumen first', async () => {
  await withApp('/', async ({ ficha }) => {
    await ficha.firstScreen.openHeld('#/aei/AEI.08.05');
    assert.equal(await ficha.firstScreen.shown(), false);
    await ficha.firstScreen.releaseProgram();
    await ficha.page.waitForSelector('#cuadro1');
    assert.equal(await ficha.firstScreen.present(), false);
  });
});

test('the build holds brotli and gzip copies of its files, and they are the files', async () => {
  const files = await readdir(DIST);
  const wasm = files.find((f) => /^ficha-[0-9a-f]+_bg\.wasm$/.test(f));
  for (const file of ['index.html', wasm]) {
    const bytes = await readFile(`${DIST}${file}`);
    assert.deepEqual(brotliDecompressSync(await readFile(`${DIST}${file}.br`)), bytes, `${file}.br`);
    assert.deepEqual(gunzipSync(await readFile(`${DIST}${file}.gz`)), bytes, `${file}.gz`);
  }
  const sw = await readFile(`${DIST}sw.js`, 'utf8');
  assert.doesNotMatch(sw, /\.(br|gz)"/, 'the worker precaches the files, not their copies');
});

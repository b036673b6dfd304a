// When something fails: a panic, a page or a main module that cannot be fetched, and the service
// worker's caches (per deployment, filled from the server).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { serve, serveMounts } from './server.mjs';
import { APP_STARTED, launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const AO = 'AOI00106600085';
const TITLE = 'Ficha encontró un error y se detuvo';
const UNAVAILABLE = 'No se pudo cargar esta página. Revise la conexión y vuelva a intentarlo.';
let browser;
const copies = [];

before(async () => { browser = await launch(); });
after(async () => {
  await browser?.close();
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the build that a test may change (a file removed, another version). */
async function copyOfDist() {
  const copy = `${await mkdtemp(`${tmpdir()}/ficha-recovery-`)}/`;
  copies.push(copy);
  await cp(DIST, copy, { recursive: true });
  return copy;
}

/** Makes the copy another build: its service worker gets another version. */
async function newVersion(dir, suffix) {
  const sw = await readFile(`${dir}sw.js`, 'utf8');
  const changed = sw.replace(/(const VERSION = ')([^']+)'/, `$1$2-${suffix}'`);
  assert.notEqual(changed, sw, 'sw.js names its version');
  await writeFile(`${dir}sw.js`, changed);
}

async function withApp(root, options, fn) {
  const server = await serve(root, '/');
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  try {
    await fn({ context, ficha: new FichaPage(await context.newPage(), server.url) });
  } finally {
    await context.close();
    await server.close();
  }
}

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
}

/** Panics the release build through its test hook; the trap that ends the module is expected. */
async function panic(page, insideEdit) {
  await page.evaluate((inside) => { try { window.wasmBindings.ficha_test_panic(inside); } catch { /* the abort */ } }, insideEdit);
  await page.waitForSelector('#recovery');
}

async function downloadBackup(page) {
  const download = page.waitForEvent('download');
  await page.click('#recovery-download');
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a panic shows the recovery screen, the last edit is written and downloadable, and "Recargar Ficha" reopens the app', async () => {
  await withApp(DIST, {}, async ({ ficha }) => {
    await ficha.open('#/');
    const office = 'Oficina de Planeamiento (antes del error)';
    // An edit whose save is not even scheduled yet: the panic comes in the same task.
    await ficha.page.evaluate((value) => {
      const input = document.querySelector('#entity-office');
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      try { window.wasmBindings.ficha_test_panic(false); } catch { /* the abort */ }
    }, office);
    await ficha.page.waitForSelector('#recovery');
    assert.equal(await ficha.text('#recovery h1'), TITLE);
    assert.equal(await ficha.page.$('.app-header'), null, 'nothing of the stopped app stays');
    assert.match(await ficha.text('#recovery'), /Sus últimos cambios quedaron guardados\./);
    assert.equal(await ficha.page.$('#recovery .recovery-warning'), null);

    const { name, text } = await downloadBackup(ficha.page);
    assert.match(name, /^ficha-respaldo-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(JSON.parse(text).workspace.entity.office, office);
    assert.ok(await ficha.page.evaluate((t) => Object.values(localStorage).includes(t), text), 'the stored text itself');

    await Promise.all([ficha.page.waitForEvent('load'), ficha.page.click('#recovery-reload')]);
    await ficha.page.waitForSelector('#entity-office');
    assert.equal(await ficha.page.inputValue('#entity-office'), office);
    await ficha.aei.openAei('AEI.08.05');
    await ficha.aei.setMonthly(AO, 3, 12, '700');
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '18,200.00', '100.00']);
  });
});

test('a panic while the workspace is being changed still shows the screen, and says the last changes may be lost', async () => {
  await withApp(DIST, {}, async ({ ficha }) => {
    await ficha.open('#/');
    const office = 'Oficina guardada antes del error';
    await ficha.page.fill('#entity-office', office);
    await ficha.page.press('#entity-office', 'Tab');
    await ficha.saved();
    await panic(ficha.page, true);
    assert.equal(await ficha.text('#recovery h1'), TITLE);
    assert.equal(await ficha.text('#recovery-unsaved'), 'Los últimos cambios, de hace un momento, podrían no haberse guardado.');
    const { text } = await downloadBackup(ficha.page);
    assert.equal(JSON.parse(text).workspace.entity.office, office);
  });
});

test('a main module that cannot be fetched shows the recovery screen, and "Recargar Ficha" opens the app once it is back', async () => {
  const copy = await copyOfDist();
  const wasm = (await readdir(copy)).find((f) => /^ficha-[0-9a-f]+_bg\.wasm$/.test(f));
  await rename(`${copy}${wasm}`, `${copy}${wasm}.away`);
  await withApp(copy, { serviceWorkers: 'block' }, async ({ ficha }) => {
    await ficha.page.goto(ficha.baseUrl);
    await ficha.page.waitForSelector('#recovery');
    assert.equal(await ficha.text('#recovery h1'), TITLE);
    assert.match(await ficha.text('#recovery'), /No se pudo cargar el programa de Ficha\. Revise la conexión/);
    await rename(`${copy}${wasm}.away`, `${copy}${wasm}`);
    await Promise.all([ficha.page.waitForEvent('load'), ficha.page.click('#recovery-reload')]);
    await ficha.page.waitForSelector(APP_STARTED);
  });
});

test('a page whose code cannot be fetched says so, the rest of the app works, and "Reintentar" opens it once the file is back', async () => {
  const copy = await copyOfDist();
  const chunk = (await readdir(copy)).find((f) => /^split_recommendations_view[-_].*\.wasm$/.test(f));
  await rename(`${copy}${chunk}`, `${copy}${chunk}.away`);
  await withApp(copy, { serviceWorkers: 'block' }, async ({ ficha }) => {
    await ficha.aei.openAei('AEI.08.05');
    await ficha.go('#/recomendaciones', '#page-unavailable');
    assert.equal(await ficha.text('#page-unavailable p'), UNAVAILABLE);
    assert.equal(await ficha.text('#page-unavailable button'), 'Reintentar');
    // Still failing, retrying says so again.
    await ficha.page.click('#retry-page');
    await ficha.page.waitForSelector('#page-unavailable');
    // Other pages, lazy or not, open; an edit is saved.
    await ficha.structure.goStructure();
    await ficha.aei.goAei('AEI.08.05');
    await ficha.aei.setMonthly(AO, 3, 12, '700');
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '18,200.00', '100.00']);
    await ficha.go('#/recomendaciones', '#page-unavailable');
    await rename(`${copy}${chunk}.away`, `${copy}${chunk}`);
    await ficha.page.click('#retry-page');
    await ficha.page.waitForSelector('#reco-as-of');
    assert.equal(await ficha.page.$('#page-unavailable'), null);
    await ficha.reload();
    await ficha.aei.goAei('AEI.08.05');
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '18,200.00', '100.00']);
    assert.deepEqual(ficha.consoleErrors.filter((e) => /unreachable|panicked/.test(e)), [], 'no panic');
  });
});

test('two deployments on one origin keep their own caches', async () => {
  const first = await copyOfDist();
  const second = await copyOfDist();
  await newVersion(second, 'pruebas');
  const server = await serveMounts({ '/fichas/': first, '/pruebas/': second });
  const context = await browser.newContext();
  try {
    const fichas = new FichaPage(await context.newPage(), `${server.origin}/fichas/`);
    await fichas.aei.openAei('AEI.08.05');
    await controlled(fichas.page);
    const own = await fichas.page.evaluate(() => caches.keys());
    assert.equal(own.length, 1);
    const pruebas = new FichaPage(await context.newPage(), `${server.origin}/pruebas/`);
    await pruebas.aei.openAei('AEI.08.05');
    await controlled(pruebas.page);
    const all = await pruebas.page.evaluate(() => caches.keys());
    assert.equal(all.length, 2);
    assert.ok(all.includes(own[0]), 'the second worker left the first one\'s cache');
    // The first deployment still opens offline, from its own cache.
    await context.setOffline(true);
    await fichas.reload();
    await fichas.page.waitForSelector('#cuadro1');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the worker precaches from the server, never from the HTTP cache', async () => {
  const copy = await copyOfDist();
  // A host that lets browsers keep every file for a year.
  const server = await serve(copy, '/', { cacheControl: 'max-age=31536000' });
  const context = await browser.newContext();
  try {
    const ficha = new FichaPage(await context.newPage(), server.url);
    await ficha.aei.openAei('AEI.08.05');
    await controlled(ficha.page);
    const before = await ficha.page.evaluate(() => caches.keys());
    // The next deploy changes a file without a hash in its name; the HTTP cache holds the old one.
    await appendFile(`${copy}sw-register.js`, '\n// next deploy\n');
    await newVersion(copy, 'next');
    await ficha.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await ficha.page.waitForSelector('#update-ready');
    const stored = await ficha.page.evaluate(async (old) => {
      const key = (await caches.keys()).find((k) => !old.includes(k));
      return (await (await caches.open(key)).match('./sw-register.js')).text();
    }, before);
    assert.match(stored, /\/\/ next deploy\n$/);
  } finally {
    await context.close();
    await server.close();
  }
});

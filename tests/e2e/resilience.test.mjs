// Offline, sub-path, storage quota, two tabs, origin-only requests and user text shown as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const AO = 'AOI00106600085';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withApp(base, fn) {
  const server = await serve(DIST, base);
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    await fn({ server, context, ficha: new FichaPage(await context.newPage(), server.url) });
  } finally {
    await context.close();
    await server.close();
  }
}

test('after the first visit the app loads and works offline, and the edit is there back online', async () => {
  await withApp('/', async ({ context, ficha }) => {
    await ficha.aei.openAei('AEI.08.05');
    await ficha.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await context.setOffline(true);
    await ficha.reload();
    await ficha.page.waitForSelector('#cuadro1');
    await ficha.aei.setMonthly(AO, 1, 12, '0');
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '21,000.00', '0.00']);
    await context.setOffline(false);
    await ficha.reload();
    await ficha.page.waitForSelector('#cuadro1');
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '21,000.00', '0.00']);
    assert.deepEqual(ficha.consoleErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED')), []);
  });
});

test('a page not yet stored for offline use says so when the connection drops, and opens on "Reintentar" once it is back', async () => {
  const server = await serve(DIST, '/');
  // No service worker: as on a first visit before the app was stored for offline use.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const ficha = new FichaPage(await context.newPage(), server.url);
    await ficha.aei.openAei('AEI.08.05');
    await context.setOffline(true);
    await ficha.page.evaluate(() => { location.hash = '#/recomendaciones'; });
    await ficha.page.waitForSelector('#page-unavailable');
    assert.equal(await ficha.text('#page-unavailable p'), 'No se pudo cargar esta página. Revise la conexión y vuelva a intentarlo.');
    // The rest of the app still works.
    await ficha.page.evaluate(() => { location.hash = '#/aei/AEI.08.05'; });
    await ficha.page.waitForSelector('#cuadro1');
    await ficha.page.evaluate(() => { location.hash = '#/recomendaciones'; });
    await ficha.page.waitForSelector('#page-unavailable');
    await context.setOffline(false);
    await ficha.page.click('#retry-page');
    await ficha.page.waitForSelector('#reco-as-of');
    // Loaded once, the page opens offline too: its code is in memory.
    await context.setOffline(true);
    await ficha.page.evaluate(() => { location.hash = '#/'; });
    await ficha.page.evaluate(() => { location.hash = '#/recomendaciones'; });
    await ficha.page.waitForSelector('#reco-as-of');
    // The failed fetches are reported by the browser and the chunk loader, nothing else.
    const offline = /ERR_INTERNET_DISCONNECTED|Failed to fetch/;
    assert.deepEqual(ficha.consoleErrors.filter((e) => !offline.test(e)), []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('served under /fichas/ from a host without SPA fallback, every route works', async () => {
  await withApp('/fichas/', async ({ ficha }) => {
    await ficha.aei.openAei('AEI.08.05');
    assert.deepEqual((await ficha.tableRows('Tabla 3', 'tfoot'))[0], ['Total', '650,769,332.00', '646,150,876.90', '99.3%']);
    await ficha.reload();
    await ficha.page.waitForSelector('#cuadro1');
    assert.match(ficha.page.url(), /\/fichas\/#\/aei\/AEI\.08\.05$/);
    assert.deepEqual(ficha.consoleErrors, []);
  });
});

test('a full storage quota is reported, the edit stays in memory and a backup is offered', async () => {
  await withApp('/', async ({ ficha }) => {
    await ficha.aei.openAei('AEI.08.05');
    await ficha.aei.setMonthly(AO, 3, 12, '100');
    await ficha.page.evaluate(() => {
      const chunk = 'x'.repeat(256 * 1024);
      for (let i = 0; ; i++) {
        try { localStorage.setItem(`filler.${i}`, chunk); } catch { break; }
      }
      for (let size = 16 * 1024; size >= 512; size = Math.floor(size / 2)) {
        for (let i = 0; ; i++) { try { localStorage.setItem(`small.${size}.${i}`, 'y'.repeat(size)); } catch { break; } }
      }
    });
    const office = 'Oficina de Planeamiento '.repeat(200).trim();
    await ficha.open('#/');
    await ficha.page.fill('#entity-office', office);
    await ficha.page.press('#entity-office', 'Tab');
    assert.match(await ficha.text('#save-error'), /el almacenamiento del navegador está lleno/);
    const kept = JSON.parse(await ficha.stored('example'));
    assert.notEqual(kept.workspace.entity.office, office, 'the failed save left the previous copy whole');
    assert.match(JSON.stringify(kept.workspace.years[0].poi.versions[3].activities[0].financial), /\|100"/);
    await ficha.aei.openAei('AEI.08.05');
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '17,600.00', '100.00']);
    assert.ok((await ficha.page.textContent('main')).includes(`Elaboración: ${office}.`));
    const download = ficha.page.waitForEvent('download');
    await ficha.page.click('#download-backup');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'ficha-respaldo.json');
    const text = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
    assert.equal(JSON.parse(text).workspace.entity.office, office, 'the backup holds the unsaved edit');
  });
});

test('two tabs edit in turn and neither loses the other\'s edit', async () => {
  await withApp('/', async ({ context, ficha }) => {
    const other = new FichaPage(await context.newPage(), ficha.baseUrl);
    await ficha.aei.openAei('AEI.08.05');
    await other.aei.openAei('AEI.08.05');
    await ficha.aei.setMonthly(AO, 3, 12, '500');
    await other.page.waitForFunction(() => document.querySelector('#info-notice'));
    assert.deepEqual((await other.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '18,000.00', '100.00']);
    await other.aei.setMonthly(AO, 1, 12, '0');
    await ficha.page.waitForFunction(() => document.querySelector('#cuadro1 tbody tr td:nth-child(4)')?.textContent === '0');
    await ficha.reload();
    await ficha.page.waitForSelector('#cuadro1');
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '18,000.00', '0.00']);
  });
});

test('a stale tab that missed the other tab\'s save does not overwrite it', async () => {
  await withApp('/', async ({ ficha }) => {
    await ficha.aei.openAei('AEI.08.05');
    await ficha.aei.setMonthly(AO, 3, 12, '500');
    await ficha.saved();
    // Another tab's newer save, written behind this tab's back (no storage event reaches it).
    const newer = await ficha.page.evaluate((key) => {
      const doc = JSON.parse(localStorage.getItem(key));
      doc.revision += 5;
      doc.workspace.entity.name = 'Guardado por otra pestaña';
      localStorage.setItem(key, JSON.stringify(doc));
      return localStorage.getItem(key);
    }, ficha.slotKey('example'));
    await ficha.aei.setMonthly(AO, 3, 11, '100');
    assert.match(await ficha.text('#tab-conflict'), /Otra pestaña guardó cambios más recientes/);
    assert.equal(await ficha.stored('example'), newer);
    await ficha.page.click('#reload-latest');
    await ficha.open('#/');
    assert.equal(await ficha.page.inputValue('#entity-name'), 'Guardado por otra pestaña');
  });
});

test('no request leaves the origin and user text is shown as text, never as HTML', async () => {
  await withApp('/', async ({ server, ficha }) => {
    const requests = [];
    ficha.page.on('request', (r) => requests.push(r.url()));
    let dialogs = 0;
    ficha.page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
    await ficha.open();
    const evil = '<img src=x onerror=alert(1)>';
    await ficha.page.fill('#entity-office', evil);
    await ficha.page.press('#entity-office', 'Tab');
    await ficha.aei.openAei('AEI.08.05');
    await ficha.reload();
    await ficha.page.waitForSelector('#cuadro1');
    assert.equal(await ficha.page.locator('img').count(), 0);
    assert.match(await ficha.page.textContent('#cuadro1 + .footnotes + .source + .source'), /Elaboración: <img src=x onerror=alert\(1\)>/);
    assert.equal(dialogs, 0);
    const stored = JSON.parse(await ficha.stored('example'));
    assert.equal(stored.workspace.entity.office, evil);
    const foreign = requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(foreign, []);
    assert.ok(requests.length > 3);
  });
});

test('a new deploy is announced and the app reloads on request, keeping the data', async () => {
  const { cp, appendFile, mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const copy = (await mkdtemp(`${tmpdir()}/ficha-deploy-`)) + '/';
  await cp(DIST, copy, { recursive: true });
  const server = await serve(copy, '/');
  const context = await browser.newContext();
  try {
    const ficha = new FichaPage(await context.newPage(), server.url);
    await ficha.aei.openAei('AEI.08.05');
    await ficha.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await ficha.aei.setMonthly(AO, 3, 12, '700');
    await appendFile(`${copy}sw.js`, '\n// next deploy\n');
    await ficha.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await ficha.page.waitForSelector('#update-ready');
    assert.match(await ficha.text('#update-ready'), /Hay una nueva versión de Ficha/);
    await Promise.all([ficha.page.waitForEvent('load'), ficha.page.click('#update-ready button')]);
    await ficha.page.waitForSelector('#cuadro1');
    assert.equal(await ficha.page.$('#update-ready'), null);
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '18,200.00', '100.00']);
  } finally {
    await context.close();
    await server.close();
  }
});

// The benchmark's measures of speed as a user meets it (run by tests/e2e/bench.mjs, `make bench`):
// first and repeat visits over emulated networks, and the pages under load, each also with the
// CPU throttled (Chromium's own emulation through CDP). Not a test: it measures, it does not assert.
import { FichaPage } from './pages/app.mjs';
import { syntheticAoRows } from './pages/data.mjs';

/** Chromium's network emulation (CDP `Network.emulateNetworkConditions`): bytes per second, ms. */
export const NETWORKS = {
  'Slow 3G': { latency: 2000, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 },
  'Fast 3G': { latency: 562.5, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
};
const UNTHROTTLED = { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

// An init script (runs before the page's own): the time of the first frame that lays out a table
// with body rows, of the frame that lays out the live app's AEI list, and whether the first
// screen was laid out in any frame before it.
function watch() {
  const shown = (element) => element.getClientRects().length > 0;
  const poll = () => {
    const screen = document.getElementById('first-screen');
    if (screen && shown(screen)) window.__firstScreenShown = true;
    if (window.__firstTable === undefined && [...document.querySelectorAll('table')].some((t) => t.tBodies[0]?.rows.length > 0 && shown(t))) {
      window.__firstTable = performance.now();
    }
    if (document.querySelector('#aei-list')) window.__appTable = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

async function visit(page, url) {
  await page.goto(url, { waitUntil: 'commit', timeout: 180_000 });
  await page.waitForFunction(() => window.__appTable !== undefined, null, { timeout: 180_000, polling: 100 });
  return page.evaluate(() => ({ firstTable: window.__firstTable ?? null, appTable: window.__appTable, firstScreenShown: Boolean(window.__firstScreenShown) }));
}

async function throttled(context, page, network, cpu) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return cdp;
}

/**
 * A first visit (new profile, empty cache) over `network` with the CPU slowed `cpu` times, the bytes
 * it received before the first table and before the app's; then, once the service worker holds the
 * build, repeat visits of the example (over `network`, offline) and of one's own workspace.
 */
export async function firstVisit(browser, url, network, cpu) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(watch);
    const cdp = await throttled(context, page, network, cpu);
    // Bytes as they crossed the network (compressed, with headers): a finished request counts its
    // whole encoded length (Chromium reports the document's only there), one still loading what
    // its chunks had brought.
    let origin = null;
    const chunks = [];
    const finished = new Map();
    cdp.on('Network.requestWillBeSent', (e) => { if (origin === null && e.type === 'Document') origin = e.timestamp; });
    cdp.on('Network.dataReceived', (e) => chunks.push([e.requestId, e.timestamp, e.encodedDataLength]));
    cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, [e.timestamp, e.encodedDataLength]));
    const first = await visit(page, url);
    const bytesUntil = (ms) => {
      const by = (t) => (t - origin) * 1000 <= ms;
      const done = [...finished].filter(([, [t]]) => by(t));
      const doneIds = new Set(done.map(([id]) => id));
      return done.reduce((n, [, [, b]]) => n + b, 0)
        + chunks.filter(([id, t]) => !doneIds.has(id) && by(t)).reduce((n, [, , b]) => n + b, 0);
    };
    const result = { ...first, bytesBeforeTable: bytesUntil(first.firstTable ?? first.appTable), bytesBeforeApp: bytesUntil(first.appTable) };

    // The visit stays until the service worker has stored the build (at full speed: not timed).
    await cdp.send('Network.emulateNetworkConditions', UNTHROTTLED);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    const again = async () => {
      const next = await context.newPage();
      await next.addInitScript(watch);
      await throttled(context, next, network, cpu);
      const times = await visit(next, url);
      await next.close();
      return times;
    };
    result.repeat = await again();
    await context.setOffline(true);
    result.offline = await again();
    await context.setOffline(false);
    // One's own workspace open: the first screen must not show; the app's table is the first.
    const ficha = new FichaPage(page, url);
    await ficha.startOwnWorkspace();
    await ficha.saved();
    result.own = await again();
    if (result.own.firstScreenShown) throw new Error('the first screen showed over the own workspace');
    return result;
  } finally {
    await context.close();
  }
}

// Runs in the page: sets an input's value as typing does and leaves it ('change'), then times
// until every watched text differs (a MutationObserver sees the DOM change), and the next frame.
async function keystroke(selectors, input, value) {
  const texts = () => selectors.map((s) => document.querySelector(s)?.textContent);
  const before = texts();
  const start = performance.now();
  let dom = null;
  await new Promise((resolve, reject) => {
    const done = () => texts().every((t, i) => t !== before[i]);
    const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); resolve(); } });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    if (done()) { observer.disconnect(); resolve(); }
    setTimeout(() => { observer.disconnect(); reject(new Error(`no change of ${selectors.join(', ')}`)); }, 5000);
  });
  dom = performance.now() - start;
  await new Promise(requestAnimationFrame);
  return { dom, frame: performance.now() - start };
}

/** The AEI page of one AEI with 1,000 AO imported through the UI, measured with the CPU slowed `cpu` times. */
export async function aeiPageFigures(browser, url, cpu) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const ficha = new FichaPage(page, url);
    await ficha.startOwnWorkspace();
    await ficha.data.importAoSheet(syntheticAoRows(1000));
    await ficha.open('#/');
    await page.waitForSelector('#aei-list');
    await throttled(context, page, UNTHROTTLED, cpu);
    const { render, tabla3Rows, withGrids } = await page.evaluate(async () => {
      const start = performance.now();
      location.hash = '#/aei/AEI.01.02';
      const ready = () => {
        const table = document.querySelector('#tabla3');
        return table && Number(table.getAttribute('aria-rowcount') ?? table.rows.length) >= 1000 && table.querySelector('tr.total-row');
      };
      while (!ready()) await new Promise(requestAnimationFrame);
      const render = performance.now() - start;
      const tabla3Rows = document.querySelectorAll('#tabla3 tbody tr:not(.total-row):not(.spacer)').length;
      // The monthly grids of the first page of AO, laid out after the tables.
      while (document.querySelectorAll('table.grid input').length < 20 * 48) await new Promise(requestAnimationFrame);
      return { render, tabla3Rows, withGrids: performance.now() - start };
    });
    await page.evaluate(keystroke.toString().replace(/^async function keystroke/, 'window.keystroke = async function'));
    // Cuadro 1's financial execution, Tabla 3's Total row, and the edited row's own totals.
    const grid = await page.evaluate(async () => {
      const cuadro1 = '#cuadro1 tbody tr td:nth-child(5)';
      const total = '#tabla3 tr.total-row';
      // The first AO whose financial execution enters Cuadro 1 (AO without approved follow-up do not).
      for (const table of document.querySelectorAll('table.grid')) {
        const input = table.querySelector('input[data-series="3"][data-month="1"]');
        const ao = table.getAttribute('data-ao');
        const rowTotals = `table.grid[data-ao="${ao}"] tbody tr:nth-child(4) td.total`;
        try { await window.keystroke([cuadro1, total, rowTotals], input, '1'); } catch { continue; }
        const times = [];
        for (let i = 1; i <= 9; i++) times.push(await window.keystroke([cuadro1, total, rowTotals], input, String(1000 + i * 137)));
        const median = (key) => times.map((t) => t[key]).sort((a, b) => a - b)[4];
        return { dom: median('dom'), frame: median('frame') };
      }
      throw new Error('no counted AO on the first page of grids');
    });
    // The AEI sheet of the same 1,000 AO (4,000 rows): opened, scrolled a screen at a time to the
    // new rows laid out, and typed into.
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
      const rendered = document.querySelectorAll('table.sheet tr[data-row]').length;
      box.scrollTop = 0;
      while (!document.querySelector('table.sheet tr[data-row="7"]')) await frame();
      return { open, scroll: times[20], rendered };
    });
    const sheetKey = await page.evaluate(async () => {
      // Row 7: the financial execution of the second AO (the first has no approved follow-up).
      const input = document.querySelector('table.sheet input[data-row="7"][data-month="1"]');
      const rowTotals = 'table.sheet tr[data-row="7"] td.total';
      const selectors = ['#cuadro1 tbody tr td:nth-child(5)', '#tabla3 tr.total-row', rowTotals];
      const times = [];
      for (let i = 1; i <= 9; i++) times.push(await window.keystroke(selectors, input, String(2000 + i * 151)));
      const median = (key) => times.map((t) => t[key]).sort((a, b) => a - b)[4];
      return { dom: median('dom'), frame: median('frame') };
    });
    return { render, tabla3Rows, withGrids, grid, sheet, sheetKey };
  } finally {
    await context.close();
  }
}

/** Opening the Resumen of an entity with 30 AEI and 5,000 AO imported through the UI (ms to its AEI list laid out). */
export async function summaryFigure(browser, url, cpu) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const ficha = new FichaPage(page, url);
    await ficha.startOwnWorkspace();
    const rows = syntheticAoRows(5000).map((r, i) => {
      const k = String(i % 30 + 1).padStart(2, '0');
      return [`AEI.01.${k}`, `ACCIÓN ESTRATÉGICA INSTITUCIONAL SINTÉTICA ${k}`, ...r.slice(2)];
    });
    await ficha.data.importAoSheet(rows);
    // From the Integridad page (its chunk loaded once first), which shows no AEI list.
    await ficha.open('#/integridad');
    await page.waitForSelector('#icp-form, .page h1');
    await throttled(context, page, UNTHROTTLED, cpu);
    const times = [];
    for (let i = 0; i < 5; i++) {
      times.push(await page.evaluate(async () => {
        const until = performance.now() + 60_000;
        const frame = () => {
          if (performance.now() > until) throw new Error('the Resumen did not open');
          return new Promise(requestAnimationFrame);
        };
        const start = performance.now();
        location.hash = '#/';
        while (!document.querySelector('#entity-name') || document.querySelectorAll('#aei-list tbody tr').length < 30) await frame();
        const took = performance.now() - start;
        location.hash = '#/integridad';
        while (document.querySelector('#entity-name')) await frame();
        return took;
      }));
    }
    return times.sort((a, b) => a - b)[2];
  } finally {
    await context.close();
  }
}

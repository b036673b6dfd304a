// Measures the Recomendaciones page with 10,000 recommendations on the release build. Not a test:
// it prints medians. Run: `node tests/e2e/recommendations-bench.mjs` (FICHA_DIST for another build).
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const ROUNDS = 9;

/** 1,000 reports of ten recommendations each, statuses in rotation, one action each (as tests/it/recommendations.rs). */
function largeRegister() {
  const statuses = ['Pendiente', 'EnProceso', 'Implementada', 'InaplicablePorCausalSobreviniente', 'NoAplicable'];
  const origins = ['OCI', 'CGR', 'SOA'];
  const day = (offset) => new Date(Date.UTC(2022, 0, 3 + offset)).toISOString().slice(0, 10);
  const reports = [];
  const recommendations = [];
  for (let r = 0; r < 1000; r++) {
    const number = `${String(r).padStart(4, '0')}-OCI`;
    reports.push({ number, title: 'Informe', origin: origins[r % 3], issued: day(r), received: day(r) });
    for (let n = 0; n < 10; n++) {
      const status = statuses[(r + n) % 5];
      recommendations.push({
        id: r * 10 + n + 1,
        source: { kind: 'Control', report_number: number },
        number: String(n),
        text: `Disponer las acciones para la recomendación ${n} del informe ${number}`,
        recommendation_type: 'ManagementImprovement',
        responsible_unit: `Unidad ${n % 7}`,
        action_plan: { actions: [{ description: 'Aprobar la directiva', responsible: 'UFPP', deadline: day(r + 90) }] },
        history: status === 'Pendiente' ? [] : [{ date: day(r + 30), status, verified_by: 'OCI' }],
      });
    }
  }
  return { reports, recommendations };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(DIST);
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  const ficha = new FichaPage(page, server.url);
  await ficha.open();
  await page.click('#start-own');
  await page.waitForSelector('#open-example');
  await ficha.recommendations.openRecommendations();
  await ficha.recommendations.addControlReport({ number: 'X', issued: '2024-01-01', received: '2024-01-01' });
  await ficha.saved();
  await page.evaluate(([key, register]) => {
    const stored = JSON.parse(localStorage.getItem(key));
    stored.workspace.recommendations = register;
    stored.revision += 1;
    localStorage.setItem(key, JSON.stringify(stored));
  }, [ficha.slotKey('own'), largeRegister()]);
  await ficha.reload();
  await page.waitForSelector('#reco-percent');
  await ficha.recommendations.setAsOf('2023-06-30');
  const rows = [];

  // The dashboard as of a new date: follow-up of 10,000 recommendations and every table re-rendered.
  const dashboard = await page.evaluate(async (rounds) => {
    const input = document.querySelector('#reco-as-of');
    const overdue = () => document.querySelector('#reco-overdue').textContent;
    const times = [];
    for (let i = 0; i < rounds; i++) {
      const before = overdue();
      const start = performance.now();
      input.value = i % 2 ? '2023-06-30' : '2024-06-30';
      input.dispatchEvent(new Event('change', { bubbles: true }));
      while (overdue() === before) await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - start);
    }
    return times;
  }, ROUNDS);
  rows.push(['Dashboard recomputed and re-rendered after a new fecha de corte', median(dashboard), '< 50 ms']);

  await ficha.recommendations.recoTab('register');
  await page.waitForSelector('#register-table tbody tr');
  const paging = await page.evaluate(async (rounds) => {
    const first = () => document.querySelector('#register-table tbody tr').dataset.id;
    const times = [];
    for (let i = 0; i < rounds; i++) {
      const before = first();
      const start = performance.now();
      document.querySelector(i % 2 ? '#register-pager-prev' : '#register-pager-next').click();
      while (first() === before) await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - start);
    }
    return times;
  }, ROUNDS);
  rows.push(['Register: next/previous page of 100 rows', median(paging), '']);

  const search = await page.evaluate(async (rounds) => {
    const input = document.querySelector('#filter-search');
    const count = () => document.querySelector('#register-count').textContent;
    const times = [];
    for (let i = 0; i < rounds; i++) {
      const before = count();
      const start = performance.now();
      input.value = i % 2 ? '' : `informe 0${i}`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      while (count() === before) await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - start);
    }
    return times;
  }, ROUNDS);
  rows.push(['Register: search keystroke to filtered count', median(search), '']);
  console.log(`Rows in the register page: ${await page.locator('#register-table tbody tr').count()} of ${await page.textContent('#register-count')}`);
  for (const [what, ms, target] of rows) console.log(`| ${what} | ${ms.toFixed(1)} ms | ${target} |`);
  if (ficha.consoleErrors.length) console.log('console errors:', ficha.consoleErrors);
} finally {
  await browser.close();
  await server.close();
}

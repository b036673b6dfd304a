// Recommendation follow-up on the release build: registers, status history, dashboard, fecha de corte, import.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const REPORT = '005-2024-OCI/0191';
let server, browser, context, ficha;

before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
beforeEach(async () => { context = await browser.newContext(); ficha = new FichaPage(await context.newPage(), server.url); });
afterEach(async () => { await context.close(); });

/** An own (empty) workspace on the Recomendaciones page. */
async function startOwnRecommendations() {
  await ficha.open();
  await ficha.page.click('#start-own');
  await ficha.page.waitForSelector('#open-example');
  await ficha.recommendations.openRecommendations();
}

/** The OCI report received 12 January 2024 with recommendations 1, 2 and 3. */
async function reportWithThreeRecommendations() {
  await ficha.recommendations.addControlReport({ number: REPORT, title: 'Auditoría de cumplimiento a la UFPP', service: 'Auditoría de cumplimiento', origin: 'OCI', issued: '2024-01-10', received: '2024-01-12' });
  assert.equal(await ficha.formMessage('report-done'), `Se registró el informe N° ${REPORT}.`);
  for (const [number, text] of [['1', 'Aprobar la directiva de control interno'], ['2', 'Capacitar al personal'], ['3', 'Actualizar el inventario']]) {
    await ficha.recommendations.addControlRecommendation({ report: REPORT, number, text, unit: 'Oficina de Administración' });
    assert.equal(await ficha.formMessage('rec-error'), '');
  }
}

/** The cells of the register's row for recommendation `number`. */
async function registerRow(number) {
  const rows = await ficha.tableRows('Registro de recomendaciones');
  return rows.find((cells) => cells[3] === number);
}

test('three recommendations, one Implementada and one Inaplicable: 50.0% implemented, overdue by the fecha de corte, all kept on reload', async () => {
  await startOwnRecommendations();
  await reportWithThreeRecommendations();

  await ficha.recommendations.openRecommendation(REPORT, '1');
  await ficha.recommendations.changeStatus({ date: '2024-02-01', status: 'Implementada', note: 'Directiva aprobada', evidence: 'RD N° 010-2024', recordedBy: 'UFPP', verifiedBy: 'OCI' });
  assert.equal(await ficha.formMessage('status-error'), '');
  await ficha.recommendations.closeRecommendation();
  await ficha.recommendations.openRecommendation(REPORT, '2');
  await ficha.recommendations.changeStatus({ date: '2024-02-01', status: 'Inaplicable por causal sobreviniente', recordedBy: 'UFPP' });
  await ficha.recommendations.closeRecommendation();
  await ficha.recommendations.openRecommendation(REPORT, '3');
  await ficha.recommendations.addAction({ description: 'Inventario físico de bienes', responsible: 'Control Patrimonial', start: '2024-02-01', deadline: '2024-06-28' });
  assert.deepEqual((await ficha.tableRows('Acciones del plan de acción'))[0].slice(0, 5), ['1', 'Inventario físico de bienes', 'Control Patrimonial', '01/02/2024', '28/06/2024']);
  await ficha.recommendations.closeRecommendation();

  await ficha.recommendations.recoTab('dashboard');
  assert.equal(await ficha.text('#reco-percent'), '50.0%');
  assert.deepEqual((await ficha.tableRows('Porcentaje de implementación por origen'))[0].slice(0, 9), ['OCI', '3', '1', '0', '1', '1', '0', '2', '50.0%']);
  const chart = await ficha.page.$$eval('#status-chart text.chart-count', (texts) => texts.map((t) => t.textContent));
  assert.deepEqual(chart, ['1', '0', '1', '1', '0']);

  await ficha.recommendations.setAsOf('2024-05-01');
  await ficha.recommendations.recoTab('register');
  assert.equal((await registerRow('3'))[8], '', 'within its deadline on 1 May');
  await ficha.recommendations.setAsOf('2024-07-15');
  assert.equal((await registerRow('3'))[8], 'Vencida');
  assert.equal((await registerRow('1'))[8], '', 'an implemented recommendation is never overdue');
  await ficha.recommendations.recoTab('dashboard');
  assert.equal(await ficha.text('#reco-overdue'), '1');
  assert.deepEqual((await ficha.tableRows('Recomendaciones vencidas'))[0].slice(0, 6), [REPORT, '3', 'Oficina de Administración', 'Pendiente', '28/06/2024', '17']);

  await ficha.reload();
  await ficha.page.waitForSelector('#reco-as-of');
  await ficha.recommendations.recoTab('dashboard');
  assert.equal(await ficha.text('#reco-percent'), '50.0%');
  await ficha.page.selectOption('#dashboard-kind', 'evaluacion');
  assert.equal(await ficha.text('#reco-percent'), '–', 'no previous-evaluation recommendation in this workspace');
  await ficha.recommendations.recoTab('register');
  assert.equal((await ficha.tableRows('Registro de recomendaciones')).length, 3);
  await ficha.page.selectOption('#filter-status', { label: 'Implementada' });
  assert.deepEqual((await ficha.tableRows('Registro de recomendaciones')).map((r) => r[3]), ['1']);
  await ficha.page.selectOption('#filter-status', { label: 'Todos' });
  await ficha.page.selectOption('#filter-origin', 'CGR');
  assert.deepEqual(await ficha.tableRows('Registro de recomendaciones'), []);
  await ficha.page.selectOption('#filter-origin', '');
  await ficha.page.selectOption('#filter-kind', 'control');
  assert.equal((await ficha.tableRows('Registro de recomendaciones')).length, 3);
  await ficha.recommendations.openRecommendation(REPORT, '1');
  assert.deepEqual(await ficha.tableRows('Historial de estados'), [['01/02/2024', 'Implementada', 'Directiva aprobada', 'RD N° 010-2024', 'UFPP', 'OCI']]);
  assert.equal(await ficha.page.locator('#history-table input, #history-table textarea, #history-table button').count(), 0, 'the history is not editable');
  assert.deepEqual(ficha.consoleErrors, []);
});

test('bad input gets its message at the form and changes nothing', async () => {
  await startOwnRecommendations();
  await ficha.recommendations.addControlReport({ number: REPORT, origin: 'CGR', issued: '2024-03-15', received: '2024-03-01' });
  assert.equal(await ficha.formMessage('report-error'), `Informe N° ${REPORT}: la fecha de recepción (01/03/2024) es anterior a la fecha de emisión (15/03/2024)`);
  assert.deepEqual(await ficha.tableRows('Informes de control registrados'), []);

  await ficha.recommendations.addControlReport({ number: REPORT, origin: 'CGR', issued: '2024-03-15', received: '2024-03-20' });
  await ficha.recommendations.addControlRecommendation({ report: REPORT, number: '1', text: 'Primera' });
  await ficha.recommendations.addControlRecommendation({ report: REPORT, number: '1', text: 'Repetida' });
  assert.equal(await ficha.formMessage('rec-error'), `Recomendación N° 1 del informe N° ${REPORT}: ya existe otra recomendación con ese número en el mismo informe`);
  await ficha.recommendations.recoTab('register');
  assert.deepEqual((await ficha.tableRows('Registro de recomendaciones')).map((r) => r[4]), ['Primera']);

  await ficha.recommendations.openRecommendation(REPORT, '1');
  await ficha.recommendations.addAction({ description: 'Directiva', deadline: '2024-03-01' });
  assert.equal(await ficha.formMessage('action-error'), `Acción 1 de la recomendación N° 1 del informe N° ${REPORT}: el plazo (01/03/2024) es anterior a la fecha del informe (15/03/2024)`);
  assert.deepEqual(await ficha.tableRows('Acciones del plan de acción'), []);

  await ficha.recommendations.addAction({ description: 'Directiva', deadline: '2024-06-28' });
  await ficha.page.fill('#reprogram-date-1', '2024-08-30');
  await ficha.page.click('#reprogram-add-1');
  assert.equal(await ficha.formMessage('action-error'), `Acción 1 de la recomendación N° 1 del informe N° ${REPORT}: la reprogramación al 30/08/2024 no indica el motivo`);
  assert.equal((await ficha.tableRows('Acciones del plan de acción'))[0][6], '28/06/2024');
  await ficha.page.fill('#reprogram-reason-1', 'Demora del proveedor');
  await ficha.page.click('#reprogram-add-1');
  await ficha.page.fill('#evidence-1', 'Memorando N° 123-2024-TR/UA');
  await ficha.page.click('#evidence-add-1');
  const action = (await ficha.tableRows('Acciones del plan de acción'))[0];
  assert.match(action[5], /^Al 30\/08\/2024: Demora del proveedor/);
  assert.equal(action[6], '30/08/2024');
  assert.match(action[7], /^Memorando N° 123-2024-TR\/UA/);

  await ficha.page.fill('#detail-number', '');
  await ficha.page.dispatchEvent('#detail-number', 'change');
  assert.equal(await ficha.formMessage('detail-error'), `Recomendación N°  del informe N° ${REPORT}: falta el número de la recomendación`);
  assert.equal(await ficha.page.inputValue('#detail-number'), '1', 'the stored number is shown again');

  await ficha.recommendations.changeStatus({ date: '', status: 'En proceso' });
  assert.equal(await ficha.formMessage('status-error'), `Recomendación N° 1 del informe N° ${REPORT}: el cambio al estado «En proceso» no tiene fecha`);
  const tomorrow = new Date(Date.now() + 86_400_000);
  const iso = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await ficha.recommendations.changeStatus({ date: iso, status: 'Implementada', verifiedBy: 'OCI' });
  assert.match(await ficha.formMessage('status-error'), /la fecha del estado «Implementada» \(\d\d\/\d\d\/\d{4}\) es posterior a la fecha de corte/);
  await ficha.recommendations.changeStatus({ date: '2024-04-01', status: 'Implementada' });
  assert.match(await ficha.formMessage('status-error'), /indique quién verificó la implementación$/);
  assert.deepEqual(await ficha.tableRows('Historial de estados'), []);

  await ficha.reload();
  await ficha.page.waitForSelector('#reco-as-of');
  const stored = JSON.parse(await ficha.stored('own')).workspace.recommendations;
  assert.deepEqual(stored.recommendations.map((r) => [r.number, r.text, r.history.length, r.action_plan.actions.length]), [['1', 'Primera', 0, 1]]);
  assert.deepEqual(stored.recommendations[0].action_plan.actions[0].reprogrammings, [{ new_deadline: '2024-08-30', reason: 'Demora del proveedor' }]);
  assert.equal(stored.reports.length, 1);
});

test('the example holds the reference ficha\'s two recommendations of the first-semester evaluation', async () => {
  await ficha.recommendations.openRecommendations();
  await ficha.recommendations.recoTab('previous');
  const rows = await ficha.tableRows('Registro de recomendaciones');
  assert.equal(rows.length, 2);
  assert.match(rows[0][1], /^Informe de Evaluación de Implementación del Plan Operativo Institucional \(POI\) Anual 2023 correspondiente al primer semestre$/);
  assert.match(rows[0][4], /^Se recomienda la inclusión de los empleos temporales/);
  assert.match(rows[1][4], /^Se recomienda que, a través de las Unidades Territoriales/);
});

test('an import with errors lists them all and adds nothing; a good one adds every row', async () => {
  await startOwnRecommendations();
  const header = 'registro,informe,fecha_informe,origen,fecha_recepcion,numero,recomendacion,plazo_accion,estado,fecha_estado,verificado_por';
  await ficha.recommendations.importRecommendations([header,
    'control,010-2024-OCI,2024-02-01,OCI,2024-02-05,1,Texto,2024-01-01,,,',
    'control,010-2024-OCI,,,,2,Texto,,Terminada,,',
  ].join('\n'));
  await ficha.page.waitForSelector('#reco-import-errors li');
  assert.deepEqual(await ficha.page.$$eval('#reco-import-errors li', (items) => items.map((li) => li.textContent)), [
    'Fila 2, columna plazo_accion: «2024-01-01» Acción 1 de la recomendación N° 1 del informe N° 010-2024-OCI: el plazo (01/01/2024) es anterior a la fecha del informe (01/02/2024)',
    'Fila 3, columna estado: «Terminada» no se reconoce: use Pendiente, En proceso, Implementada, Inaplicable por causal sobreviniente o No aplicable',
  ]);
  await ficha.recommendations.recoTab('register');
  assert.deepEqual(await ficha.tableRows('Registro de recomendaciones'), []);

  await ficha.recommendations.importRecommendations([header,
    'control,010-2024-OCI,2024-02-01,OCI,2024-02-05,1,Texto,2024-06-30,Implementada,2024-03-01,OCI',
    'control,010-2024-OCI,,,,2,Texto,,,,',
  ].join('\n'));
  assert.equal((await ficha.recommendations.recommendationsPreview()).summary, '«recomendaciones.csv»: Se importarán 2 recomendación(es) y 1 informe(s) de control nuevos.');
  assert.equal(await ficha.recommendations.confirmRecommendationsImport(), 'Se importaron 2 recomendación(es) y 1 informe(s) de control nuevos.');
  await ficha.recommendations.recoTab('dashboard');
  assert.equal(await ficha.text('#reco-percent'), '50.0%');
  for (const [button, name] of [['#export-dashboard', /^recomendaciones-tablero-\d{4}-\d\d-\d\d\.csv$/], ['#export-dashboard-xlsx', /\.xlsx$/]]) {
    const download = ficha.page.waitForEvent('download');
    await ficha.page.click(button);
    assert.match((await download).suggestedFilename(), name);
  }
  await ficha.recommendations.recoTab('register');
  const download = ficha.page.waitForEvent('download');
  await ficha.page.click('#export-register');
  const lines = (await readFile(await (await download).path(), 'utf8')).trim().split('\r\n');
  assert.equal(lines.length, 3);
  assert.match(lines[1], /^Informe de control,010-2024-OCI,OCI,1,Texto,Mejora de la gestión,,,Implementada,01\/07\/2024,/, 'the deadline of Sunday 30 June moves to Monday');
});

test('settings are data: due-soon days and holidays change the follow-up and are kept', async () => {
  await startOwnRecommendations();
  await ficha.recommendations.addControlReport({ number: REPORT, origin: 'SOA', issued: '2024-01-10', received: '2024-01-12' });
  await ficha.recommendations.addControlRecommendation({ report: REPORT, number: '1', text: 'Conciliar las cuentas' });
  await ficha.recommendations.openRecommendation(REPORT, '1');
  await ficha.recommendations.addAction({ description: 'Conciliación', deadline: '2024-06-28' });
  await ficha.recommendations.closeRecommendation();
  await ficha.recommendations.setAsOf('2024-06-05');
  await ficha.recommendations.recoTab('register');
  assert.deepEqual((await registerRow('1')).slice(7, 9), ['28/06/2024', ''], '23 days away: not yet due soon');

  await ficha.recommendations.recoTab('settings');
  await ficha.page.fill('#setting-due-soon', '-3');
  await ficha.page.dispatchEvent('#setting-due-soon', 'change');
  assert.equal(await ficha.formMessage('settings-error'), 'Días para «por vencer»: «-3» no es un número entero de días (0 o más).');
  assert.equal(await ficha.page.inputValue('#setting-due-soon'), '15');
  await ficha.page.fill('#setting-due-soon', '30');
  await ficha.page.dispatchEvent('#setting-due-soon', 'change');
  await ficha.page.fill('#holiday-date', '2024-06-28');
  await ficha.page.fill('#holiday-name', 'Día no laborable para el sector público');
  await ficha.page.click('#holiday-add');
  await ficha.recommendations.recoTab('register');
  assert.deepEqual((await registerRow('1')).slice(7, 9), ['01/07/2024', 'Por vencer'], 'the deadline moves past the new holiday and the weekend');

  await ficha.reload();
  await ficha.page.waitForSelector('#reco-as-of');
  await ficha.recommendations.recoTab('settings');
  assert.equal(await ficha.page.inputValue('#setting-due-soon'), '30');
  await ficha.page.selectOption('#holiday-year', '2024');
  const holiday = (await ficha.tableRows('Feriados de 2024')).find((r) => r[0] === '28/06/2024');
  assert.deepEqual(holiday.slice(0, 3), ['28/06/2024', 'viernes', 'Día no laborable para el sector público']);
  await ficha.page.locator('#holidays-table tr', { hasText: '28/06/2024' }).locator('button').click();
  await ficha.recommendations.setAsOf('2024-06-05');
  await ficha.recommendations.recoTab('register');
  assert.equal((await registerRow('1'))[7], '28/06/2024');
});

test('a long register renders one page of 100 rows at a time', async () => {
  await startOwnRecommendations();
  await ficha.recommendations.addControlReport({ number: REPORT, issued: '2024-01-10', received: '2024-01-12' });
  await ficha.recommendations.addControlRecommendation({ report: REPORT, number: '1', text: 'Recomendación' });
  const more = Array.from({ length: 249 }, (_, i) => `control,${REPORT},${i + 2},Recomendación`);
  await ficha.recommendations.importRecommendations(['registro,informe,numero,recomendacion', ...more].join('\r\n'));
  await ficha.recommendations.confirmRecommendationsImport();
  await ficha.recommendations.recoTab('register');
  const numbers = async () => (await ficha.tableRows('Registro de recomendaciones')).map((r) => r[3]);
  assert.equal(await ficha.text('#register-count'), '250 recomendaciones');
  assert.equal((await numbers()).length, 100);
  assert.equal(await ficha.text('.pager-text'), 'Filas 1–100 de 250');
  await ficha.page.click('#register-pager-next');
  assert.equal((await numbers())[0], '101');
  await ficha.page.click('#register-pager-next');
  assert.deepEqual([(await numbers()).length, await ficha.text('.pager-text')], [50, 'Filas 201–250 de 250']);
  assert.equal(await ficha.page.isDisabled('#register-pager-next'), true);
  await ficha.page.fill('#filter-search', '25');
  assert.deepEqual(await numbers(), ['25', '125', '225', '250']);
});

test('undo never removes a status change from a recommendation\'s history', async () => {
  await startOwnRecommendations();
  await reportWithThreeRecommendations();
  await ficha.recommendations.openRecommendation(REPORT, '1');
  await ficha.recommendations.changeStatus({ date: '2024-02-01', status: 'En proceso', note: 'Plan en marcha', recordedBy: 'UFPP' });
  assert.equal(await ficha.formMessage('status-error'), '');
  const history = () => ficha.page.evaluate((key) => JSON.parse(localStorage.getItem(key)).workspace.recommendations.recommendations[0].history.length, ficha.slotKey('own'));
  await ficha.saved();
  assert.equal(await history(), 1);
  await ficha.page.click('#undo');
  await ficha.page.click('#undo');
  await ficha.page.waitForTimeout(200);
  assert.equal(await history(), 1, 'the appended status change is still there');
});

// The structure a planner builds by hand, on the release build: inversiones with AEI and CC picked
// from lists, deletes that name what depends on them, inversiones in the comparison of versions, and
// the correction of the latest version's resolution, which the list of versions and section 2 read.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const AEI = 'AEI.01.01';
const AEI_NAME = 'GESTIÓN DEL PLANEAMIENTO INSTITUCIONAL FORTALECIDA';
const CUI = '2456789';
const RSG = 'Resolución del Secretario General';
let server, browser, context, ficha;

before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
beforeEach(async () => { context = await browser.newContext(); ficha = new FichaPage(await context.newPage(), server.url); });
afterEach(async () => { await context.close(); });

/** On the structure page of an own, empty workspace: one AEI without goal and one CC. */
async function aeiAndCostCenter() {
  await ficha.structure.goStructure();
  await ficha.structure.addAei({ code: AEI, name: AEI_NAME, indicator: 'Porcentaje de avance del PEI', unit: 'Porcentaje', baseline: '40', noGoal: true });
  await ficha.structure.addCostCenter('01', 'OFICINA DE ADMINISTRACIÓN');
}

const investmentRows = async () => (await ficha.tableRows('Inversiones de la última versión')).map((r) => r.slice(0, 6));

test('an inversión is created picking AEI and CC, edited, and deleting its CC names it and asks', async () => {
  await ficha.startOwnWorkspace();
  await aeiAndCostCenter();

  await ficha.structure.saveInvestment({ cui: '24-567', name: ' ', unit: 'ESTUDIO', aei: AEI, cc: '' });
  assert.deepEqual(await ficha.structure.fieldErrors('inv-cui'),
    ['El CUI «24-567» no es válido: el código único de inversión tiene solo dígitos (por ejemplo, 2456789).']);
  assert.deepEqual(await ficha.structure.fieldErrors('inv-name'), ['Indique la denominación de la inversión.']);
  assert.deepEqual(await ficha.structure.fieldErrors('inv-unit'), []);
  assert.deepEqual(await ficha.structure.fieldErrors('inv-cc'), ['Elija el centro de costo.']);
  assert.equal(await ficha.page.getAttribute('#inv-cc', 'aria-invalid'), 'true');
  assert.deepEqual(await investmentRows(), []);

  await ficha.structure.saveInvestment({ cui: CUI, name: 'MEJORAMIENTO DEL SERVICIO DE ATENCIÓN', unit: 'ESTUDIO', aei: AEI, cc: '01' });
  assert.deepEqual(await ficha.structure.fieldErrors('inv-cui'), [], 'the messages go once the inversión is saved');
  assert.deepEqual(await investmentRows(), [[CUI, 'MEJORAMIENTO DEL SERVICIO DE ATENCIÓN', 'ESTUDIO', AEI, '01', 'Sí']]);

  await ficha.structure.editRow('inv-table', CUI);
  assert.equal(await ficha.page.evaluate(() => document.activeElement.id), 'inv-cui', 'the form takes the focus');
  assert.equal(await ficha.page.inputValue('#inv-name'), 'MEJORAMIENTO DEL SERVICIO DE ATENCIÓN');
  assert.equal(await ficha.page.inputValue('#inv-cc'), '01');
  await ficha.structure.saveInvestment({ cui: CUI, name: 'MEJORAMIENTO DEL SERVICIO DE ATENCIÓN AL CIUDADANO', unit: 'PROYECTO', aei: AEI, cc: '01', approved: false });
  const edited = [CUI, 'MEJORAMIENTO DEL SERVICIO DE ATENCIÓN AL CIUDADANO', 'PROYECTO', AEI, '01', 'No'];
  assert.deepEqual(await investmentRows(), [edited]);

  await ficha.structure.deleteRow('cc-table', '01');
  assert.equal(await ficha.text('#confirm-delete p'),
    `El centro de costo «01» tiene una (01) actividad operativa o inversión en la última versión del POI: Inversión ${CUI}: MEJORAMIENTO DEL SERVICIO DE ATENCIÓN AL CIUDADANO. Si lo confirma, se eliminarán también esas inversiones, con su programación y ejecución.`);
  await ficha.page.click('#confirm-delete-no');
  assert.equal(await ficha.page.locator('#confirm-delete').count(), 0);

  await ficha.reload();
  await ficha.page.waitForSelector('#inv-save');
  assert.deepEqual(await investmentRows(), [edited], 'the inversión is stored whole');
  assert.deepEqual((await ficha.tableRows('Centros de costo')).map((r) => r.slice(0, 2)), [['01', 'OFICINA DE ADMINISTRACIÓN']]);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('an inversión added to a new version is compared; the latest version\'s resolution is corrected, the list and section 2 read it, and earlier versions offer no edit', async () => {
  await ficha.startOwnWorkspace();
  await ficha.versions.goVersions();
  await ficha.versions.newVersion({ kind: 'Resolución Ministerial', number: '010-2026-TR', date: '2026-01-05', reason: '' });
  await aeiAndCostCenter();
  await ficha.structure.addActivity({ code: 'AOI00000000001', name: 'ELABORACIÓN DEL INFORME DE EVALUACIÓN', unit: 'INFORME', aei: AEI, cc: '01' });
  await ficha.versions.goVersions();
  await ficha.versions.newVersion({ kind: RSG, number: '015-2026-TR/SG', date: '2026-04-15', reason: 'la incorporación de recursos para el seguimiento' });
  await ficha.structure.goStructure();
  await ficha.structure.saveInvestment({ cui: CUI, name: 'MEJORAMIENTO DEL SERVICIO DE ATENCIÓN', unit: 'ESTUDIO', aei: AEI, cc: '01' });
  await ficha.versions.goVersions();
  assert.equal(await ficha.text('#compare-sentences'), 'Agregando una (01) nueva inversión.');
  assert.deepEqual(await ficha.tableRows('Inversiones agregadas'), [[CUI, 'MEJORAMIENTO DEL SERVICIO DE ATENCIÓN']]);

  await ficha.versions.correctLatestResolution({ number: '', date: '2026-01-04' });
  assert.deepEqual(await ficha.structure.fieldErrors('fix-number'), ['Indique el número de la resolución que aprueba la versión.']);
  assert.deepEqual(await ficha.structure.fieldErrors('fix-date'),
    ['La fecha de la resolución (04/01/2026) es anterior a la del POI consistente con el PIA (05/01/2026): una versión no puede aprobarse antes que la versión que modifica.']);
  await ficha.page.fill('#fix-number', '016-2026-TR/SG');
  await ficha.page.fill('#fix-date', '2026-04-16');
  await ficha.page.click('#fix-save');
  assert.equal(await ficha.text('#version-corrected'), 'Se corrigió la resolución del POI Modificado versión 1.');
  assert.deepEqual((await ficha.tableRows('Versiones del POI')).map((r) => r.slice(0, 4).concat(r[5])), [
    ['POI consistente con el PIA', 'Resolución Ministerial N° 010-2026-TR', '2026-01-05', '', 'Aprobada (solo lectura)'],
    ['POI Modificado versión 1', `${RSG} N° 016-2026-TR/SG`, '2026-04-16', 'la incorporación de recursos para el seguimiento', 'Última versión (editable)'],
  ]);
  assert.equal(await ficha.versions.versionRowButtons(0), 0, 'an approved version offers no edit');
  assert.equal(await ficha.versions.versionRowButtons(1), 1);

  await ficha.document.openDocument(AEI);
  const section2 = await ficha.document.sectionText(2);
  assert.match(section2, /Mediante la Resolución del Secretario General N° 016-2026-TR\/SG, se aprobó la modificación del Plan Operativo Institucional \(POI\) \d{4} versión 1[^.]*, debido a la incorporación de recursos para el seguimiento\./);
  assert.match(section2, /Mediante la Resolución Ministerial N° 010-2026-TR, se aprobó el Plan Operativo Institucional \(POI\)/);
  assert.doesNotMatch(section2, /015-2026/);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('an inversión has its own monthly grid on the AEI page; pasted values total, survive reload and count in Cuadro 1 when chosen', async () => {
  await ficha.startOwnWorkspace();
  await aeiAndCostCenter();
  await ficha.structure.saveInvestment({ cui: CUI, name: 'MEJORAMIENTO DEL SERVICIO DE ATENCIÓN', unit: 'ESTUDIO', aei: AEI, cc: '01' });
  await ficha.aei.goAei(AEI);
  assert.equal(await ficha.page.locator(`table.grid[data-ao="${CUI}"] caption`).textContent(), `Inversión ${CUI}: MEJORAMIENTO DEL SERVICIO DE ATENCIÓN (ESTUDIO)`);
  const tabs = (...cells) => cells.join('\t');
  await ficha.aei.pasteAt(CUI, 0, 1, `${tabs(...Array(12).fill('1'))}\r\n${tabs(...Array(6).fill('1'))}\r\n`);
  await ficha.aei.pasteAt(CUI, 2, 1, `${tabs(...Array(12).fill('S/ 10,000.00'))}\r\n${tabs(...Array(6).fill('5,000.00'))}\r\n`);
  await ficha.page.waitForFunction((cui) => document.querySelector(`table.grid[data-ao="${cui}"] tbody tr:nth-child(4) td.total`).textContent === '30,000.00', CUI);
  assert.deepEqual((await ficha.aei.gridTotals(CUI)).slice(2), [['120,000.00', ''], ['30,000.00', '25.0%']]);
  await ficha.reload();
  await ficha.aei.goAei(AEI);
  assert.deepEqual((await ficha.aei.gridTotals(CUI)).slice(2), [['120,000.00', ''], ['30,000.00', '25.0%']]);
  const cuadro1 = async () => (await ficha.tableRows('Cuadro 1'))[0];
  assert.deepEqual((await cuadro1()).slice(2), ['0', '0', '0.00', '–'], 'inversiones are left out of Cuadro 1 unless chosen');
  await ficha.structure.goStructure();
  await ficha.page.check('#inv-in-average');
  await ficha.aei.goAei(AEI);
  // Six of twelve units executed: 50% of the physical goal; S/ 30,000 spent.
  assert.deepEqual((await cuadro1()).slice(2), ['1', '0', '30,000.00', '50.00']);
  assert.deepEqual(ficha.consoleErrors, []);
});

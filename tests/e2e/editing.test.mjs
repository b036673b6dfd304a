// Editing the POI as a planner would, on the release build: structure typed by hand, paste from
// Excel, keyboard in the grid, undo and redo, versions and their comparison; Cuadro 1 follows each step.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const AEI = 'AEI.01.01';
const AEI_NAME = 'GESTIÓN DEL PLANEAMIENTO INSTITUCIONAL FORTALECIDA';
const AO = 'AOI00000000001';
const CC_ROW = ['01', 'OFICINA DE PLANEAMIENTO Y PRESUPUESTO'];
let server, browser, context, ficha;

before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
beforeEach(async () => { context = await browser.newContext(); ficha = new FichaPage(await context.newPage(), server.url); });
afterEach(async () => { await context.close(); });

const row = (...figures) => [[AEI, AEI_NAME, ...figures], [...CC_ROW, ...figures]];
const tabs = (...cells) => cells.join('\t');

/** An own workspace with one AEI, one CC and one AO without values, on the AEI's page. */
async function buildPoi() {
  await ficha.startOwnWorkspace();
  await ficha.structure.goStructure();
  await ficha.structure.addAei({ code: AEI, name: AEI_NAME, indicator: 'Porcentaje de avance del PEI', unit: 'Porcentaje', baseline: '40', expected: '75' });
  await ficha.structure.addCostCenter(...CC_ROW);
  await ficha.structure.addActivity({ code: AO, name: 'ELABORACIÓN DEL INFORME DE EVALUACIÓN', unit: 'INFORME', aei: AEI, cc: '01' });
  await ficha.aei.goAei(AEI);
}

/** Programs 1 a month, executes 9 of them, S/ 1,000 a month programmed and S/ 750 spent. */
async function pasteYear() {
  await ficha.aei.pasteAt(AO, 0, 1, `${tabs(...Array(12).fill('1'))}\n${tabs(...Array(9).fill('1'), '0', '', '0')}\n`);
  await ficha.aei.pasteAt(AO, 2, 1, `${tabs(...Array(12).fill('S/ 1,000.00'))}\r\n${tabs(...Array(4).fill('750'), ...Array(4).fill('750.00'), ...Array(4).fill('S/ 750.00'))}\r\n`);
}

test('a planner types an AEI, a CC and an AO into an empty workspace and Cuadro 1 lists them', async () => {
  await ficha.startOwnWorkspace();
  await ficha.structure.goStructure();
  await ficha.structure.addAei({ code: ' ', name: AEI_NAME });
  assert.deepEqual(await ficha.structure.formErrors(), [
    'Indique el código de la AEI.',
    'Indique el logro esperado del indicador o marque «Sin meta programada».',
  ]);
  await ficha.structure.addAei({ code: AEI, name: AEI_NAME, indicator: 'Porcentaje de avance del PEI', unit: 'Porcentaje', baseline: '40', noGoal: true });
  assert.deepEqual((await ficha.tableRows('Acciones Estratégicas Institucionales'))[0].slice(0, 7),
    [AEI, AEI_NAME, '', 'Porcentaje de avance del PEI', 'Porcentaje', '40', 'Sin meta programada']);
  await ficha.structure.addCostCenter(...CC_ROW);
  await ficha.structure.addCostCenter('01', 'OTRA OFICINA');
  assert.deepEqual(await ficha.structure.formErrors(), ['Ya existe un centro de costo con el código «01».']);
  await ficha.structure.addActivity({ code: AO, name: 'ELABORACIÓN DEL INFORME DE EVALUACIÓN', unit: 'INFORME', aei: AEI, cc: '01' });
  assert.deepEqual((await ficha.tableRows('Actividades operativas (AO)'))[0].slice(0, 7),
    [AO, 'ELABORACIÓN DEL INFORME DE EVALUACIÓN', 'INFORME', AEI, '01', '', 'Sí']);
  await ficha.aei.goAei(AEI);
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('0', '0', '0.00', '–'));
  assert.deepEqual(await ficha.tableRows('Cuadro 2'), [[AEI, `${AO}: ELABORACIÓN DEL INFORME DE EVALUACIÓN`, 'INFORME', '0', '0', '–']]);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('a 2×12 block pasted from Excel fills the grid, totals and Cuadro 1; a bad block changes nothing', async () => {
  await buildPoi();
  await pasteYear();
  assert.deepEqual(await ficha.aei.gridTotals(AO), [['12', ''], ['9', '75.0%'], ['12,000.00', ''], ['9,000.00', '75.0%']]);
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '9,000.00', '75.00'));
  assert.equal(await ficha.aei.monthlyValue(AO, 3, 12), '750');

  await ficha.aei.pasteAt(AO, 1, 1, `${tabs('1', 'abc', '1')}\n${tabs('-5', '1', '1,000.555')}`);
  assert.deepEqual(await ficha.aei.pasteErrors(AO), [
    'Ejecución física, Feb: «abc» no es un número',
    'Programación financiera (S/), Ene: «-5» no puede ser negativo',
    'Programación financiera (S/), Mar: «1,000.555» un monto en soles admite como máximo 2 decimales',
  ]);
  assert.deepEqual(await ficha.aei.gridTotals(AO), [['12', ''], ['9', '75.0%'], ['12,000.00', ''], ['9,000.00', '75.0%']]);
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '9,000.00', '75.00'));
  assert.equal(await ficha.aei.monthlyValue(AO, 1, 3), '1', 'the good cells of a refused block are not applied either');

  await ficha.aei.pasteAt(AO, 3, 2, tabs(...Array(12).fill('1')));
  assert.match((await ficha.aei.pasteErrors(AO))[0], /^el bloque pegado tiene 1 fila\(s\) y 12 columna\(s\), pero desde Ejecución financiera \(S\/\), Feb solo caben 1 fila\(s\) y 11 columna\(s\)$/);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('undo and redo walk through the edits with Ctrl+Z, Ctrl+Y and the header buttons', async () => {
  await buildPoi();
  await pasteYear();
  await ficha.page.keyboard.press('Control+z');
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '0.00', '75.00'));
  assert.deepEqual(await ficha.aei.gridTotals(AO), [['12', ''], ['9', '75.0%'], ['0.00', ''], ['0.00', '–']]);
  await ficha.undo();
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('0', '0', '0.00', '–'));
  await ficha.redo();
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '0.00', '75.00'));
  await ficha.page.keyboard.press('Control+y');
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '9,000.00', '75.00'));
  assert.ok(await ficha.page.isDisabled('#redo'));

  // Structure edits are undone too: without its AO the AEI has no POI version to evaluate yet.
  await ficha.undo();
  await ficha.undo();
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('0', '0', '0.00', '–'));
  await ficha.undo();
  assert.equal(await ficha.tableRows('Cuadro 1'), null);
  assert.deepEqual(await ficha.tableRows('Cuadro 2'), []);
  await ficha.reload();
  await ficha.page.waitForSelector('#cuadro2');
  assert.deepEqual(await ficha.tableRows('Cuadro 2'), [], 'what undo left is what is saved');
  await ficha.structure.goStructure();
  assert.deepEqual((await ficha.tableRows('Centros de costo')).map((r) => r.slice(0, 2)), [CC_ROW]);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('keyboard in the grid: Enter moves down, arrows move, Escape restores; totals follow each keystroke', async () => {
  await buildPoi();
  await ficha.aei.cell(AO, 0, 1).focus();
  await ficha.page.keyboard.type('5');
  assert.equal((await ficha.aei.gridTotals(AO))[0][0], '5', 'the total follows the typing');
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('0', '0', '0.00', '–'), 'Cuadro 1 waits for the commit');
  await ficha.page.keyboard.press('Enter');
  assert.deepEqual(await ficha.aei.focusedCell(), [1, 1]);
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '0.00', '0.00'));
  await ficha.page.keyboard.type('4');
  assert.deepEqual((await ficha.aei.gridTotals(AO))[1], ['4', '80.0%']);
  await ficha.page.keyboard.press('ArrowRight');
  assert.deepEqual(await ficha.aei.focusedCell(), [1, 2]);
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '0.00', '80.00'));
  await ficha.page.keyboard.press('ArrowUp');
  assert.deepEqual(await ficha.aei.focusedCell(), [0, 2]);
  await ficha.page.keyboard.type('9');
  assert.equal((await ficha.aei.gridTotals(AO))[0][0], '14');
  await ficha.page.keyboard.press('Escape');
  assert.equal(await ficha.aei.monthlyValue(AO, 0, 2), '0');
  assert.equal((await ficha.aei.gridTotals(AO))[0][0], '5');
  await ficha.page.keyboard.press('ArrowLeft');
  await ficha.page.keyboard.press('ArrowDown');
  assert.deepEqual(await ficha.aei.focusedCell(), [1, 1]);
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '0.00', '80.00'));
});

test('a new POI version is edited while the old one stays unchanged, and the comparison lists the change', async () => {
  await buildPoi();
  await pasteYear();
  await ficha.versions.goVersions();
  assert.deepEqual((await ficha.tableRows('Versiones del POI')).map((r) => [r[0], r[4], r[5]]), [['POI consistente con el PIA', '1', 'Última versión (editable)']]);
  await ficha.versions.newVersion({ kind: 'Resolución del Secretario General', number: '015-2026-TR/SG', date: '2026-04-15', reason: 'la incorporación de recursos para el seguimiento' });
  assert.deepEqual((await ficha.tableRows('Versiones del POI')).map((r) => [r[0], r[1], r[5]]), [
    ['POI consistente con el PIA', '', 'Aprobada (solo lectura)'],
    ['POI Modificado versión 1', 'Resolución del Secretario General N° 015-2026-TR/SG', 'Última versión (editable)'],
  ]);
  assert.equal(await ficha.text('#compare-sentences'), 'Las dos versiones tienen las mismas actividades operativas con los mismos datos.');

  await ficha.aei.goAei(AEI);
  await ficha.aei.setMonthly(AO, 2, 1, '2,000');
  await ficha.aei.setMonthly(AO, 3, 1, '2,000');
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '10,250.00', '75.00'));
  await ficha.structure.goStructure();
  await ficha.structure.addActivity({ code: 'AOI00000000002', name: 'ASISTENCIA TÉCNICA', unit: 'ACCIÓN', aei: AEI, cc: '01' });
  await ficha.aei.goAei(AEI);
  assert.equal((await ficha.tableRows('Cuadro 2')).length, 2);

  await ficha.chooseVersion('POI consistente con el PIA');
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '9,000.00', '75.00'), 'the approved version is unchanged');
  assert.equal((await ficha.tableRows('Cuadro 2')).length, 1);
  assert.equal(await ficha.aei.monthlyValue(AO, 3, 1), '750');
  assert.ok(await ficha.aei.cell(AO, 3, 1).evaluate((el) => el.readOnly), 'an approved version is read-only');

  await ficha.versions.goVersions();
  await ficha.versions.compareVersions('POI consistente con el PIA', 'POI Modificado versión 1');
  assert.equal(await ficha.text('#compare-sentences'),
    'Agregando una (01) nueva actividad operativa. Modificando la programación de una (01) actividad operativa.');
  assert.deepEqual(await ficha.tableRows('AO agregadas'), [['AOI00000000002', 'ASISTENCIA TÉCNICA']]);
  assert.deepEqual(await ficha.tableRows('AO modificadas'), [[AO, 'ELABORACIÓN DEL INFORME DE EVALUACIÓN',
    'Programación financiera (S/): 12,000.00 → 13,000.00 (Ene: 1,000.00 → 2,000.00)'
    + 'Ejecución financiera (S/): 9,000.00 → 10,250.00 (Ene: 750.00 → 2,000.00)']]);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('deleting an AEI with AO says what depends on it and asks; "Nuevo año" copies the structure', async () => {
  await buildPoi();
  await pasteYear();
  await ficha.structure.goStructure();
  await ficha.structure.deleteRow('aei-table', AEI);
  assert.equal(await ficha.text('#confirm-delete p'),
    `La AEI «${AEI}» tiene una (01) actividad operativa o inversión en la última versión del POI: ${AO}: ELABORACIÓN DEL INFORME DE EVALUACIÓN. Si lo confirma, se eliminarán también esas actividades, con su programación y ejecución.`);
  await ficha.page.click('#confirm-delete-no');
  assert.equal((await ficha.tableRows('Acciones Estratégicas Institucionales')).length, 1);

  const year = Number(await ficha.page.inputValue('#new-year'));
  await ficha.page.click('#new-year-create');
  assert.match(await ficha.text('#new-year-message'), new RegExp(`^Se creó el año ${year} con la estructura del año anterior`));
  assert.equal(await ficha.page.inputValue('#select-year'), String(year));
  assert.deepEqual((await ficha.tableRows('Actividades operativas (AO)')).map((r) => r[0]), [AO]);
  await ficha.aei.goAei(AEI);
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('0', '0', '0.00', '–'), 'the new year starts without values');
  await ficha.page.selectOption('#select-year', String(year - 1));
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), row('1', '0', '9,000.00', '75.00'), 'the previous year keeps its values');

  await ficha.structure.goStructure();
  await ficha.structure.deleteRow('aei-table', AEI);
  await ficha.page.click('#confirm-delete-yes');
  assert.deepEqual(await ficha.tableRows('Acciones Estratégicas Institucionales'), []);
  assert.deepEqual(await ficha.tableRows('Actividades operativas (AO)'), []);
  await ficha.undo();
  assert.equal((await ficha.tableRows('Actividades operativas (AO)'))[0][0], AO);
  assert.deepEqual(ficha.consoleErrors, []);
});

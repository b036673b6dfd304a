// The one Importar on the release build: the Aplicativo CEPLAN's export as .xlsx and as .ods gives the
// Cuadro 1 computed by hand, and so does its variant with annual financial totals only (its Gráfico 2
// says so); a layout Ficha does not know is mapped once, then imports in one click; a file of several
// Unidades Ejecutoras asks which one. The workbooks are tests/e2e/fixtures/, written by the host tests'
// builder (tests/it/support/ceplan.rs, `FICHA_WRITE_FIXTURES=1 cargo test --test it ceplan`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, inFreshProfile } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
let server, browser, dir;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'ficha-import-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const withApp = (fn) => inFreshProfile(browser, server.url, fn);

// The export (tests/it/ceplan.rs, `book()`): AEI.01.01, four AO over seven rows.
//   AO1 in LIMA and CUSCO, CC «Direccion de Adopciones» ('13.05): programmed 4 + 3 = 7, executed
//       2 + 1 = 3 → EF = 3 / 7 × 100 = 42.857…; financial execution 900.00 × 6 + 500.00 × 6 = 8,400.00.
//   AO2 in LIMA, CUSCO, PIURA, CC «OFICINA DE PLANEAMIENTO» ('13.10): programmed 3 + 2 + 1 = 6,
//       executed 3 + 2 + 2 = 7 → EF ≥ 100, counted as 100; financial 1,234.56 × 3 months × 3 = 11,111.04.
//   AO3 Estado(SE) PENDIENTE: not approved, not counted. AO4 Activo AO = NO: left out.
// A fresh workspace has no centro de costo, so both names are new and keep the file's codes.
// Cuadro 1, annual: AEI row 2 AO, 1 at 100 %, 8,400.00 + 11,111.04 = 19,511.04, (42.857… + 100) / 2 = 71.43.
const CUADRO1 = [
  ['AEI.01.01', 'PROTECCIÓN INTEGRAL DE NIÑAS, NIÑOS Y ADOLESCENTES', '2', '1', '19,511.04', '71.43'],
  ['13.05', 'Direccion de Adopciones', '1', '0', '8,400.00', '42.86'],
  ['13.10', 'OFICINA DE PLANEAMIENTO', '1', '1', '11,111.04', '100.00'],
];

/** Imports a fixture into a fresh own workspace and returns Cuadro 1 of AEI.01.01. */
async function importCeplan(ficha, file) {
  await ficha.startOwnWorkspace();
  await ficha.data.openData();
  await ficha.data.chooseAoFile(join(FIXTURES, file));
  assert.match(await ficha.text('#import-recognised'), /^Se reconoció: Exporta POI del Aplicativo CEPLAN V\.01 \(hoja POI_Por_ActividadOperativaAnual\)/);
  const stats = await ficha.page.$$eval('#import-stats li', (items) => items.map((li) => li.textContent.trim()));
  assert.deepEqual(stats.slice(0, 2), ['6 filas → 3 AO; 3 filas sumadas por departamento', '1 fila de AO inactiva omitida']);
  assert.deepEqual((await ficha.data.importPreview()).slice(0, 5), [
    ['AO a agregar', '3'], ['AO a reemplazar', '0'], ['AO que se mantienen (no están en el archivo)', '0'], ['AEI a crear', '1'],
    ['Centros de costo a crear', '2'],
  ]);
  assert.match(await ficha.data.confirmImport(), /AO agregadas: 3, reemplazadas: 0, mantenidas: 0\. AEI creadas: 1, centros de costo creados: 2/);
  await ficha.aei.openAei('AEI.01.01');
  return ficha.tableRows('Cuadro 1');
}

test('the CEPLAN export as .xlsx imports through the page and gives the Cuadro 1 computed by hand', async () => {
  await withApp(async (ficha) => {
    assert.deepEqual(await importCeplan(ficha, 'ceplan.xlsx'), CUADRO1);
    // The motives of both departments are kept, as March's note under the AO's grid.
    const note = await ficha.page.$eval('table.grid[data-ao="AOI00012700001"] tfoot td:nth-child(4)', (td) => td.textContent);
    assert.equal(note, 'LIMA: Se realizó el taller; CUSCO: Falta personal');
  });
});

test('the same export saved as .ods gives the same Cuadro 1', async () => {
  await withApp(async (ficha) => {
    assert.deepEqual(await importCeplan(ficha, 'ceplan.ods'), CUADRO1);
  });
});

// The same export with the financial columns as annual totals only (`Fn(RE) Total`, `Fn(SE) Total`):
// the same Cuadro 1 (AO1 18,000.00 programmed, AO2 72,000.00; executed 8,400.00 + 11,111.04), and
// Gráfico 2 draws no months that are not the data but says what the totals are.
test('an export with annual financial totals only gives the same Cuadro 1 and a Gráfico 2 that says so', async () => {
  await withApp(async (ficha) => {
    assert.deepEqual(await importCeplan(ficha, 'ceplan-totales.xlsx'), CUADRO1);
    await ficha.document.openDocumentFromAei();
    assert.equal(await ficha.page.locator('#chart-physical svg').count(), 1);
    assert.equal(await ficha.page.locator('#chart-financial svg').count(), 0);
    assert.equal(await ficha.text('#chart-financial .note'),
      'Sin detalle mensual: las 2 AO contadas solo registran totales anuales (programado S/ 90,000.00, ejecutado S/ 19,511.04); no hay avance financiero mensual que graficar.');
  });
});

test('a file of several Unidades Ejecutoras asks which one to import', async () => {
  await withApp(async (ficha) => {
    await ficha.startOwnWorkspace();
    await ficha.data.openData();
    await ficha.chooseFile('#ao-file', join(FIXTURES, 'ceplan-dos-ue.xlsx'), '#import-ue, #import-errors');
    const options = await ficha.page.$$eval('#import-ue button', (buttons) => buttons.map((b) => b.textContent.trim()));
    assert.deepEqual(options, [
      '000127 INSTITUTO NACIONAL MATERNO PERINATAL (6 filas, 3 AO)',
      '000999 OTRA UNIDAD EJECUTORA (1 filas, 1 AO)',
    ]);
    await ficha.page.click('#import-ue button[data-ue="000999"]');
    await ficha.page.waitForSelector('#import-preview');
    assert.deepEqual((await ficha.data.importPreview())[0], ['AO a agregar', '1']);
  });
});

// A planner's own sheet: code, name, unit, office, twelve monthly physical goals and their
// execution, and the year's budget and spending as totals.
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const OWN_HEADER = ['Código', 'Actividad', 'Medida', 'Oficina', ...MONTHS.map((m) => `Prog fis ${m}`), ...MONTHS.map((m) => `Ejec fis ${m}`), 'Presupuesto', 'Gastado'];
const OWN_ROWS = [
  ['AO-1', 'Taller de ética', 'TALLER', 'OFICINA DE PLANEAMIENTO', '1', ...Array(11).fill('0'), '1', ...Array(11).fill('0'), '5000', '4500'],
  ['AO-2', 'Informe de gestión', 'INFORME', 'OFICINA DE PLANEAMIENTO', ...Array(11).fill('0'), '2', ...Array(11).fill('0'), '1', '3000', '1000'],
];

test('another layout is mapped in the mapping step, and the same file then imports in one click', async () => {
  const path = join(dir, 'mi-hoja.csv');
  await writeFile(path, [OWN_HEADER, ...OWN_ROWS].map((r) => r.join(';')).join('\r\n'));
  await withApp(async (ficha) => {
    await ficha.startOwnWorkspace();
    await ficha.data.openData();
    await ficha.chooseFile('#ao-file', path, '#import-mapping, #import-errors');
    assert.match(await ficha.text('#import-mapping'), /Se reconoció: otro formato/);
    assert.equal(await ficha.page.inputValue('select[data-family="fis_prog"]'), '0', 'the family «Prog fis» is guessed');
    assert.ok(await ficha.page.isDisabled('#confirm-mapping'), 'code, name, unit and centro de costo are still missing');
    for (const [field, column] of [['ao_codigo', '0'], ['ao_nombre', '1'], ['unidad_medida', '2'], ['cc_nombre', '3'],
      ['fin_prog_total', '28'], ['fin_ejec_total', '29']]) {
      await ficha.page.selectOption(`select[data-field="${field}"]`, column);
    }
    await ficha.page.click('#confirm-mapping');
    await ficha.page.waitForSelector('#import-preview');
    assert.deepEqual((await ficha.data.importPreview())[0], ['AO a agregar', '2']);
    assert.match(await ficha.data.confirmImport(), /AO agregadas: 2/);
    await ficha.data.openData();
    await ficha.chooseFile('#ao-file', path, '#import-preview, #import-mapping, #import-errors');
    assert.equal(await ficha.page.locator('#import-mapping').count(), 0, 'no mapping step the second time');
    assert.deepEqual((await ficha.data.importPreview())[1], ['AO a reemplazar', '2']);
    assert.match(await ficha.data.confirmImport(), /reemplazadas: 2/);
  });
});

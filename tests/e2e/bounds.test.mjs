// Figures past their bounds (docs/LIMITS.md) on the release build: refused where they are typed
// or imported, and stored data holding one is rescued, never opened into a dead page.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const AO = 'AOI00106600085';
// Decimal's largest value: what a user typed in two months of the example's grid, and what used to stop the app.
const HUGE = '79228162514264337593543950335';
const TOO_LARGE = 'el monto supera el máximo de 1,000,000,000,000,000.00';
let server, browser, context, ficha;

before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
// Each test in a fresh profile (empty storage), and none leaves a console error.
beforeEach(async () => {
  context = await browser.newContext({ acceptDownloads: true });
  ficha = new FichaPage(await context.newPage(), server.url);
});
afterEach(async () => {
  const errors = ficha.consoleErrors;
  await context.close();
  assert.deepEqual(errors, []);
});

test('the huge number typed in two months of the grid is refused at each cell and the app goes on', async () => {
  await ficha.aei.openAei('AEI.08.05');
  const cuadro1 = await ficha.tableRows('Cuadro 1');
  await ficha.aei.setMonthly(AO, 3, 3, HUGE);
  await ficha.aei.setMonthly(AO, 3, 4, HUGE);
  assert.deepEqual(await ficha.page.$$eval('.grid-wrap ul.errors li', (items) => items.map((li) => li.textContent.trim())), [
    `Ejecución financiera (S/), Mar: «${HUGE}» ${TOO_LARGE}`,
    `Ejecución financiera (S/), Abr: «${HUGE}» ${TOO_LARGE}`,
  ]);
  assert.deepEqual(await ficha.tableRows('Cuadro 1'), cuadro1, 'nothing changed');
  // Another edit still works, and recomputes.
  await ficha.aei.setMonthly(AO, 1, 12, '0');
  assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '21,000.00', '0.00']);
});

// The AO sheet's columns, as docs/FORMAT-ao-sheet.md lists them.
const SERIES = ['fis_prog', 'fis_ejec', 'fin_prog', 'fin_ejec'];
const HEADER = ['aei_codigo', 'cc_codigo', 'ao_codigo', 'ao_nombre', 'unidad_medida',
  ...SERIES.flatMap((s) => Array.from({ length: 12 }, (_, i) => `${s}_${String(i + 1).padStart(2, '0')}`))];

function sheetCsv(cells) {
  const row = HEADER.map((name) => cells[name] ?? '');
  return { name: 'enorme.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, row].map((r) => r.join(';')).join('\r\n') + '\r\n') };
}

test('an AO sheet holding the huge amount is refused at its row and column, imports nothing, and a reload works', async () => {
  await ficha.startOwnWorkspace();
  await ficha.data.openData();
  const stored = await ficha.stored('own');
  await ficha.data.chooseAoFile(sheetCsv({ aei_codigo: 'AEI.01.01', cc_codigo: '07', ao_codigo: 'AOI00000000001',
    ao_nombre: 'INFORME DE GESTIÓN', unidad_medida: 'INFORME', fis_prog_12: '1', fin_prog_12: HUGE, fin_ejec_12: '1000000000000000.00' }));
  assert.match(await ficha.text('#import-errors'), /«enorme\.csv» no se puede importar; no se cambió nada/);
  assert.deepEqual(await ficha.data.importErrors(), [`Fila 2, columna fin_prog_12: «${HUGE}» ${TOO_LARGE}`]);
  assert.equal(await ficha.page.locator('#confirm-import').count(), 0, 'nothing to confirm');
  assert.equal(await ficha.stored('own'), stored, 'nothing imported');
  await ficha.reload();
  await ficha.data.openData();
  // At the edge the same row imports.
  await ficha.data.chooseAoFile(sheetCsv({ aei_codigo: 'AEI.01.01', cc_codigo: '07', ao_codigo: 'AOI00000000001',
    ao_nombre: 'INFORME DE GESTIÓN', unidad_medida: 'INFORME', fis_prog_12: '1', fin_prog_12: '1000000000000000.00', fin_ejec_12: '1000000000000000.00' }));
  await ficha.data.confirmImport();
  await ficha.reload();
  await ficha.aei.openAei('AEI.01.01');
  assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '1,000,000,000,000,000.00', '0.00']);
});

test('stored data holding a figure past its bounds opens the rescue notice with its download, not a dead page', async () => {
  await ficha.aei.openAei('AEI.08.05');
  await ficha.aei.setMonthly(AO, 3, 12, '3,600');
  await ficha.saved();
  // What an import accepted before the bounds existed: the stored text reads, a figure does not fit.
  const raw = await ficha.page.evaluate(([key, code, huge]) => {
    const doc = JSON.parse(localStorage.getItem(key));
    const version = doc.workspace.years[0].poi.versions.at(-1);
    version.activities.find((a) => a.code === code).financial.e = `|||${huge}`;
    localStorage.setItem(key, JSON.stringify(doc));
    return localStorage.getItem(key);
  }, [ficha.slotKey('example'), AO, HUGE]);
  await ficha.reload();
  assert.equal(await ficha.text('#stored-problem p'), `No se pudo abrir su espacio de trabajo guardado: contiene una cifra fuera de los límites de Ficha (Año 2023, POI Modificado versión 3, AO ${AO}, Ejecución financiera (S/), Abr: «${HUGE}» ${TOO_LARGE}).`);
  const keys = (await ficha.storageKeys()).filter((k) => k.startsWith(ficha.appKey('rescued.')));
  assert.equal(keys.length, 1);
  assert.equal(await ficha.storage(keys[0]), raw, 'copied aside as it was');
  const file = await ficha.downloadFrom('#download-rescued');
  assert.equal(file.name, 'ficha-datos-recuperados.json');
  assert.equal(await readFile(file.path, 'utf8'), raw);
  // The example opens meanwhile and works.
  await ficha.aei.openAei('AEI.08.05');
  assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '21,000.00', '100.00']);
});

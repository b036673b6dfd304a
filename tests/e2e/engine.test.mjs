// The ficha engine on the release build: the example's figures, edits that persist, unreadable storage.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
let server, browser, context, ficha;

before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
beforeEach(async () => { context = await browser.newContext(); ficha = new FichaPage(await context.newPage(), server.url); });
afterEach(async () => { await context.close(); });

test('the app starts on the example without console errors', async () => {
  await ficha.open();
  assert.match(await ficha.text('#workspace-banner'), /EJEMPLO/);
  const list = await ficha.tableRows('AEI del año');
  assert.deepEqual(list, [['AEI.08.05', 'MODELO DE INTEGRIDAD IMPLEMENTADO EN LA GESTIÓN INTERNA DEL MINISTERIO DE TRABAJO Y PROMOCION DEL EMPLEO.', '1', '100.00']]);
  await ficha.aei.openAei('AEI.08.05');
  assert.deepEqual(ficha.consoleErrors, []);
});

test('the build served to users holds no benchmark entry point, only the recovery test hook', async () => {
  await ficha.open();
  const exported = await ficha.page.evaluate(() => Object.keys(window.wasmBindings).filter((k) => /^(bench_|ficha_test_)/.test(k)).sort());
  assert.deepEqual(exported, ['ficha_test_panic']);
});

test('Cuadro 1 of AEI.08.05 shows 1 / 1 / 21,000.00 / 100.00 on both rows', async () => {
  await ficha.aei.openAei('AEI.08.05');
  const rows = await ficha.tableRows('Cuadro 1');
  assert.deepEqual(rows, [
    ['AEI.08.05', 'MODELO DE INTEGRIDAD IMPLEMENTADO EN LA GESTIÓN INTERNA DEL MINISTERIO DE TRABAJO Y PROMOCION DEL EMPLEO.', '1', '1', '21,000.00', '100.00'],
    ['07', 'OFICINA NACIONAL Y UNIDADES ZONALES', '1', '1', '21,000.00', '100.00'],
  ]);
  const marks = await ficha.tableRows('Cuadro 1', 'thead');
  assert.deepEqual(marks[1], ['', '', '1/', '2/', '3/', '4/']);
  const page = await ficha.page.textContent('main');
  assert.match(page, /1\/ Se contabiliza el número de AO con programación física anual mayor a cero y con seguimiento aprobado/);
  assert.match(page, /Fuente: Aplicativo CEPLAN V\.01\./);
  assert.match(page, /Elaboración: Unidad Funcional de Planeamiento y Presupuesto – UFPP\./);
});

test('Cuadro 2 and Tabla 3 reproduce the reference, Total over the whole POI', async () => {
  await ficha.aei.openAei('AEI.08.05');
  assert.deepEqual(await ficha.tableRows('Cuadro 2'), [
    ['AEI.08.05', 'AOI00106600085: SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD', 'INFORME', '1', '1', '100.0%'],
  ]);
  assert.equal(await ficha.tableCaption('Tabla 3'), 'Tabla 3. Avance de ejecución física y financiera del POI Modificado versión 3 al año 2023');
  assert.deepEqual(await ficha.tableRows('Tabla 3'), [
    ['SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD', 'INFORME', '1', '1', '100.0%', '21,000.00', '21,000.00', '100.0%'],
  ]);
  assert.deepEqual(await ficha.tableRows('Tabla 3', 'tfoot'), [['Total', '650,769,332.00', '646,150,876.90', '99.3%']]);
  assert.equal(await ficha.text('#icp-total'), '1.80');
});

test('switching period or version recomputes every table', async () => {
  await ficha.aei.openAei('AEI.08.05');
  await ficha.choosePeriod('I Semestre');
  const rows = await ficha.tableRows('Cuadro 1');
  assert.deepEqual(rows[0].slice(2), ['0', '0', '0.00', '–']);
  assert.match(await ficha.tableCaption('Tabla 3'), /al primer semestre 2023$/);
  await ficha.choosePeriod('Anual');
  await ficha.chooseVersion('POI Modificado versión 1');
  assert.deepEqual(await ficha.tableRows('Cuadro 2'), [], 'the integrity AO arrives in version 2');
  assert.match(await ficha.tableCaption('Tabla 3'), /POI Modificado versión 1/);
});

test('a value changed in the grid updates Cuadro 1 and survives a reload', async () => {
  await ficha.aei.openAei('AEI.08.05');
  await ficha.aei.setMonthly('AOI00106600085', 1, 12, '0');
  assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '21,000.00', '0.00']);
  await ficha.aei.setMonthly('AOI00106600085', 3, 12, '1,500.50');
  await ficha.reload();
  await ficha.page.waitForSelector('#cuadro1');
  assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '19,000.50', '0.00']);
  assert.equal(await ficha.aei.monthlyValue('AOI00106600085', 3, 12), '1500.5');
});

test('a bad value is refused at its cell and changes nothing', async () => {
  await ficha.aei.openAei('AEI.08.05');
  await ficha.aei.setMonthly('AOI00106600085', 2, 7, '-20');
  assert.match(await ficha.text('.grid-wrap ul.errors'), /Programación financiera \(S\/\), Jul: «-20» no puede ser negativo/);
  assert.deepEqual((await ficha.tableRows('Tabla 3'))[0].slice(5), ['21,000.00', '21,000.00', '100.0%']);
  await ficha.aei.setMonthly('AOI00106600085', 2, 7, '3,500.123');
  assert.match(await ficha.text('.grid-wrap ul.errors'), /máximo 2 decimales/);
});

test('broken stored data shows the message and keeps the raw text', async () => {
  await ficha.open();
  await ficha.page.evaluate((key) => localStorage.setItem(key, '{"format":"ficha-workspace", broken'), ficha.slotKey('example'));
  await ficha.reload();
  assert.match(await ficha.text('#stored-problem'), /No se pudo abrir su espacio de trabajo guardado/);
  const keys = (await ficha.storageKeys()).filter((k) => k.startsWith(ficha.appKey('rescued.')));
  assert.equal(keys.length, 1);
  assert.equal(await ficha.storage(keys[0]), '{"format":"ficha-workspace", broken');
  const download = ficha.page.waitForEvent('download');
  await ficha.page.click('#download-rescued');
  assert.equal((await download).suggestedFilename(), 'ficha-datos-recuperados.json');
  assert.deepEqual((await ficha.tableRows('AEI del año'))[0][0], 'AEI.08.05', 'the example opens meanwhile');
});

test('a newcomer can start an own workspace and go back to the example', async () => {
  await ficha.open();
  await ficha.page.click('#start-own');
  await ficha.page.waitForSelector('#open-example');
  assert.deepEqual(await ficha.tableRows('AEI del año'), []);
  await ficha.page.fill('#entity-name', 'Mi Unidad Ejecutora');
  await ficha.page.press('#entity-name', 'Tab');
  await ficha.reload();
  assert.equal(await ficha.page.inputValue('#entity-name'), 'Mi Unidad Ejecutora');
  await ficha.page.click('#open-example');
  await ficha.page.waitForSelector('#start-own');
  assert.equal((await ficha.tableRows('AEI del año'))[0][0], 'AEI.08.05');
  assert.equal(await ficha.text('#start-own'), 'Ir a mi espacio de trabajo');
});

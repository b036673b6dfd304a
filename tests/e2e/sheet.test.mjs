// The AEI sheet on the release build: a thousand AO in one grid that renders only the rows in view,
// typed and pasted into across AO, with the tables following; and the grid's "far above" warning.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';
import { syntheticAoRows } from './pages/data.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
let server, browser, context, ficha, page;

before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });
beforeEach(async () => { context = await browser.newContext(); page = await context.newPage(); ficha = new FichaPage(page, server.url); });
afterEach(async () => { await context.close(); });

/** es-PE figures ("21,000.00", "12") as numbers. */
const figure = (text) => Number(text.replace(/,/g, ''));

/** An own workspace of 1,000 AO in one AEI, imported as a planner would, open on that AEI's sheet. */
async function openThousandAoSheet() {
  await ficha.startOwnWorkspace();
  await ficha.data.importAoSheet(syntheticAoRows(1000));
  await ficha.go('#/aei', '#aei-list a');
  await page.click('#aei-list a');
  await page.waitForSelector('#cuadro1');
  await ficha.aei.openSheet();
}

const sheetCell = (row, month) => page.locator(`table.sheet input[data-row="${row}"][data-month="${month}"]`);
const sheetTotal = (row) => page.locator(`table.sheet tr[data-row="${row}"] td.total`).textContent();

const pasteInSheet = (row, month, text) => ficha.aei.pasteInto(sheetCell(row, month), text);

test('the sheet of 1,000 AO renders only the rows in view and reaches the last AO by scrolling and by keyboard', async () => {
  await openThousandAoSheet();
  assert.equal(await page.getAttribute('table.sheet', 'aria-rowcount'), '4001', '4,000 rows and the header');
  assert.equal(await page.getAttribute('table.sheet tr[data-row="0"]', 'aria-rowindex'), '2', 'the header is row 1');
  const rendered = await page.locator('table.sheet tr[data-row]').count();
  assert.ok(rendered > 10 && rendered < 100, `${rendered} rows rendered`);
  const lastAo = (await ficha.aei.tableRow('Cuadro 2', -1))[1];
  await page.locator('.sheet-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForSelector('table.sheet tr[data-row="3999"]');
  assert.ok((await page.locator('table.sheet tr[data-row="3996"] th.ao-name').textContent()).trim().startsWith(lastAo));
  assert.ok(await page.locator('table.sheet tr[data-row]').count() < 100);
  // Arrow keys walk down past the rows first rendered; the sheet follows the focus.
  await page.locator('.sheet-scroll').evaluate((el) => { el.scrollTop = 0; });
  await page.waitForSelector('table.sheet tr[data-row="0"]');
  await sheetCell(0, 1).focus();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(15);
  }
  assert.deepEqual(await page.evaluate(() => [document.activeElement.dataset.row, document.activeElement.dataset.month]), ['60', '1']);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('the AEI page of 1,000 AO shows Cuadro 2 and Tabla 3 as tables of which only the rows in view are in the page, and prints every row', async () => {
  await ficha.startOwnWorkspace();
  await ficha.data.importAoSheet(syntheticAoRows(1000));
  await ficha.aei.openAei('AEI.01.02');
  for (const id of ['#cuadro2', '#tabla3']) {
    assert.equal(await page.locator(`${id} caption`).count(), 1);
    assert.ok(await page.locator(`${id} thead th[scope="col"]`).count() > 3);
    const rendered = await page.locator(`${id} tbody tr:not(.spacer)`).count();
    assert.ok(rendered > 10 && rendered < 100, `${id}: ${rendered} rows rendered`);
  }
  const heads = await page.locator('#tabla3 thead tr').count();
  assert.equal(await page.getAttribute('#tabla3', 'aria-rowcount'), String(heads + 1000 + 1), 'the header rows, 1,000 AO and the Total');
  assert.equal(await page.getAttribute('#tabla3 tbody tr:not(.spacer)', 'aria-rowindex'), String(heads + 1));
  const [first, last] = [await ficha.aei.tableRow('Tabla 3', 0), await ficha.aei.tableRow('Tabla 3', -1)];
  assert.match(first[0], /ACTIVIDAD OPERATIVA SINTÉTICA NÚMERO 0$/);
  assert.match(last[0], /ACTIVIDAD OPERATIVA SINTÉTICA NÚMERO 999$/);
  assert.equal((await ficha.tableRows('Tabla 3', 'tfoot'))[0][0], 'Total');
  // Printing lays out every row; afterwards only those in view again.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => document.querySelectorAll('#tabla3 tbody tr').length === 1000);
  assert.equal((await ficha.tableRows('Tabla 3')).at(-1)[0], last[0]);
  assert.equal((await ficha.tableRows('Cuadro 2')).length, 1000);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => document.querySelectorAll('#tabla3 tbody tr').length < 100);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('a value typed in the sheet updates its row total and Tabla 3', async () => {
  await openThousandAoSheet();
  const row = 3; // the first AO's financial execution
  const before = figure(await sheetTotal(row));
  const january = figure(await sheetCell(row, 1).inputValue());
  await sheetCell(row, 1).fill('12345.67');
  await sheetCell(row, 1).press('Tab');
  const expected = before - january + 12345.67;
  await page.waitForFunction(([r, e]) => Number(document.querySelector(`table.sheet tr[data-row="${r}"] td.total`).textContent.replace(/,/g, '')).toFixed(2) === e.toFixed(2), [row, expected]);
  const tabla3 = (await ficha.tableRows('Tabla 3'))[0];
  assert.equal(figure(tabla3[6]).toFixed(2), expected.toFixed(2));
  assert.deepEqual(ficha.consoleErrors, []);
});

test('a block pasted in the sheet runs across AO; a block with a bad cell changes nothing; undo takes the paste back', async () => {
  await openThousandAoSheet();
  const values = async () => Promise.all([[3, 11], [3, 12], [4, 11], [4, 12]].map(([r, m]) => sheetCell(r, m).inputValue()));
  const original = await values();
  await pasteInSheet(3, 11, '100\t200\r\n3\t4\r\n');
  await page.waitForFunction(() => document.querySelector('table.sheet input[data-row="4"][data-month="12"]').value === '4');
  assert.deepEqual(await values(), ['100', '200', '3', '4']);
  const firstAo = (await page.locator('table.sheet tr[data-row="0"] th.ao-name').textContent()).split(':')[0];
  const secondAo = (await page.locator('table.sheet tr[data-row="4"] th.ao-name').textContent()).split(':')[0];
  await pasteInSheet(3, 11, '1\t-2\r\nabc\t4\r\n');
  await page.waitForSelector('.sheet-wrap .paste-errors li');
  assert.deepEqual(await page.$$eval('.sheet-wrap .paste-errors li', (li) => li.map((l) => l.textContent.trim())), [
    `AO ${firstAo}, Ejecución financiera (S/), Dic: «-2» no puede ser negativo`,
    `AO ${secondAo}, Programación física, Nov: «abc» no es un número`,
  ]);
  assert.deepEqual(await values(), ['100', '200', '3', '4']);
  // Ctrl+Z while typing drops the typing only; the paste stays until undone.
  await sheetCell(3, 11).fill('777');
  await sheetCell(3, 11).press('Control+z');
  assert.deepEqual(await values(), ['100', '200', '3', '4']);
  await page.click('#undo');
  await page.waitForFunction((v) => document.querySelector('table.sheet input[data-row="4"][data-month="12"]').value === v, original[3]);
  assert.deepEqual(await values(), original);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('an execution far above its programming is flagged at the cell as a warning, and the value is kept', async () => {
  await ficha.aei.openAei('AEI.08.05');
  const ao = await page.getAttribute('table.grid', 'data-ao');
  await ficha.aei.setMonthly(ao, 3, 1, '999999');
  const warning = page.locator(`.grid-wrap:has(table.grid[data-ao="${ao}"]) ul.warnings li`);
  await warning.waitFor();
  assert.match(await warning.textContent(), /^Ejecución financiera \(S\/\): la ejecución anual \([\d,]+\.\d\d\) supera en más de 50% a la programación \([\d,]+\.\d\d\)\. Verifique el valor/);
  assert.equal(await ficha.aei.cell(ao, 3, 1).getAttribute('class'), 'cell warn');
  assert.equal(await ficha.aei.monthlyValue(ao, 3, 1), '999999');
  await ficha.undo();
  await warning.waitFor({ state: 'detached' });
  assert.deepEqual(ficha.consoleErrors, []);
});

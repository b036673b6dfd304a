// Importar / Exportar on the release build: AO sheets in (CSV, XLSX), every error of a broken file,
// exports that parse back, the workspace backup restored elsewhere, and a 5,000-AO import timed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { serve } from './server.mjs';
import { zip } from './zip.mjs';
import { launch, inFreshProfile } from './pages/app.mjs';
import { aoRow, HEADER } from './pages/data.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
let server, browser, dir;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'ficha-data-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A fresh browser profile (empty storage) with the app open. */
const withApp = (fn) => inFreshProfile(browser, server.url, fn);

// --- The AO sheet, as a planner's spreadsheet holds it -----------------------------------------

// Three AO of AEI.01.01: one fully executed, one at 25 %, one without approved follow-up (not counted).
const SHEET = [
  aoRow({ aei_codigo: 'AEI.01.01', aei_nombre: 'GESTIÓN INSTITUCIONAL MODERNIZADA', cc_codigo: '07', cc_nombre: 'OFICINA DE ADMINISTRACIÓN',
    ao_codigo: 'AOI00000000001', ao_nombre: 'INFORME DE GESTIÓN', unidad_medida: 'INFORME', seguimiento_aprobado: 'SI',
    fis_prog_06: '2', fis_ejec_06: '2', fin_prog_03: '1500,50', fin_ejec_03: 'S/ 1.500,50' }),
  aoRow({ aei_codigo: 'AEI.01.01', cc_codigo: '07', ao_codigo: 'AOI00000000002', ao_nombre: 'TALLER; "ÉTICA" Y GESTIÓN',
    unidad_medida: 'TALLER', fis_prog_12: '4', fis_ejec_12: '1', fin_prog_01: '2000', fin_ejec_01: '2000' }),
  aoRow({ aei_codigo: 'AEI.01.01', cc_codigo: '12', cc_nombre: 'OFICINA DE PLANEAMIENTO', ao_codigo: 'AOI00000000003',
    ao_nombre: 'SUPERVISIÓN', unidad_medida: 'INFORME', seguimiento_aprobado: 'NO', fis_prog_01: '1', fin_ejec_02: '100' }),
];

const CUADRO1_AFTER_CSV = [
  ['AEI.01.01', 'GESTIÓN INSTITUCIONAL MODERNIZADA', '2', '1', '3,500.50', '62.50'],
  ['07', 'OFICINA DE ADMINISTRACIÓN', '2', '1', '3,500.50', '62.50'],
  ['12', 'OFICINA DE PLANEAMIENTO', '0', '0', '0.00', '–'],
];

function csvField(value) {
  return /[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** What Excel in Spanish saves as "CSV (delimitado por comas)": `;`, Windows-1252, decimal comma. */
function excelSpanishCsv(rows) {
  return Buffer.from([HEADER, ...rows].map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n', 'latin1');
}

// --- A tiny XLSX writer (deflated entries, shared strings; tests/e2e/zip.mjs) and reader, to check the app's files ---

const escapeXml = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const columnName = (i) => (i >= 26 ? columnName(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** An .xlsx as Excel writes it: header in shared strings, codes as inline strings, figures as numbers. */
function xlsxOf(rows) {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const cell = (value, r, c) => {
    const ref = `${columnName(c)}${r}`;
    if (r === 1) return `<c r="${ref}" t="s"><v>${c}</v></c>`;
    if (value === '') return '';
    if (c >= 9 && /^[0-9.]+$/.test(value)) return `<c r="${ref}"><v>${value}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  };
  const sheetRows = [HEADER, ...rows].map((cells, i) => `<row r="${i + 1}">${cells.map((v, c) => cell(v, i + 1, c)).join('')}</row>`).join('');
  return zip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="AO" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/></Relationships>'],
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}">${HEADER.map((h) => `<si><t>${h}</t></si>`).join('')}</sst>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${sheetRows}</sheetData></worksheet>`],
  ]);
}

/** The entries of a ZIP (stored or deflated) by name. */
function unzip(buffer) {
  const entries = new Map();
  for (let at = 0; buffer.readUInt32LE(at) === 0x04034B50;) {
    const method = buffer.readUInt16LE(at + 8); const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26); const extra = buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const data = buffer.subarray(at + 30 + nameLength + extra, at + 30 + nameLength + extra + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 30 + nameLength + extra + size;
  }
  return entries;
}

/** The cells of one worksheet of an .xlsx: { A1: { value, style } }. */
function xlsxCells(buffer, sheet = 'xl/worksheets/sheet1.xml') {
  const xml = unzip(buffer).get(sheet);
  const cells = {};
  for (const [, ref, attrs, body] of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
    const text = body?.match(/<(?:v|t[^>]*)>(.*?)<\/(?:v|t)>/)?.[1] ?? '';
    cells[ref] = { value: text.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"'), style: attrs.match(/s="(\d+)"/)?.[1] };
  }
  return cells;
}

/** Splits a comma-separated file (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [[]]; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\n') { rows.at(-1).push(field.replace(/\r$/, '')); field = ''; rows.push([]); }
    else field += c;
  }
  if (field !== '' || rows.at(-1).length) rows.at(-1).push(field); else rows.pop();
  return rows;
}

async function writeTemp(name, bytes) {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** A download copied out of the browser's profile, which goes away with its context. */
async function keep(ficha, selector) {
  const file = await ficha.downloadFrom(selector);
  return { name: file.name, path: await writeTemp(`descarga-${file.name}`, await readFile(file.path)) };
}

async function importSheet(ficha, path) {
  await ficha.data.openData();
  await ficha.data.chooseAoFile(path);
  return ficha.data.confirmImport();
}

// --- The tests --------------------------------------------------------------------------------

test('a CSV saved by Excel in Spanish and an XLSX made elsewhere import into an own workspace', async () => {
  const csv = await writeTemp('hoja-ao.csv', excelSpanishCsv(SHEET));
  const xlsx = await writeTemp('hoja-ao.xlsx', xlsxOf([
    aoRow({ aei_codigo: 'AEI.02.01', aei_nombre: 'SERVICIOS DIGITALES', cc_codigo: '07', ao_codigo: 'AOI00000000010', ao_nombre: 'PLATAFORMA EN LÍNEA',
      unidad_medida: 'SERVICIO', fis_prog_03: '3', fis_ejec_03: '3', fis_prog_09: '1', fin_prog_03: '12000.25', fin_ejec_03: '11999.75' }),
    aoRow({ aei_codigo: 'AEI.01.01', cc_codigo: '07', ao_codigo: 'AOI00000000002', ao_nombre: 'TALLER; "ÉTICA" Y GESTIÓN',
      unidad_medida: 'TALLER', fis_prog_12: '4', fis_ejec_12: '4', fin_prog_01: '2000', fin_ejec_01: '1800.5' }),
  ]));
  await withApp(async (ficha) => {
    await ficha.startOwnWorkspace();
    await ficha.data.openData();
    await ficha.data.chooseAoFile(csv);
    assert.deepEqual((await ficha.data.importPreview()).slice(0, 4), [
      ['AO a agregar', '3'], ['AO a reemplazar', '0'], ['AO que se mantienen (no están en el archivo)', '0'], ['AEI a crear', '1'],
    ]);
    assert.match(await ficha.text('#import-preview'), /Se importarán en POI \d{4} · POI consistente con el PIA \(se creará\)/);
    assert.match(await ficha.data.confirmImport(), /AO agregadas: 3, reemplazadas: 0, mantenidas: 0\. AEI creadas: 1, centros de costo creados: 2/);
    await ficha.aei.openAei('AEI.01.01');
    assert.deepEqual(await ficha.tableRows('Cuadro 1'), CUADRO1_AFTER_CSV);

    await ficha.data.openData();
    await ficha.data.chooseAoFile(xlsx);
    assert.deepEqual((await ficha.data.importPreview()).slice(0, 4), [
      ['AO a agregar', '1'], ['AO a reemplazar', '1'], ['AO que se mantienen (no están en el archivo)', '2'], ['AEI a crear', '1'],
    ]);
    await ficha.data.confirmImport();
    await ficha.aei.openAei('AEI.01.01');
    assert.deepEqual(await ficha.tableRows('Cuadro 1'), [
      ['AEI.01.01', 'GESTIÓN INSTITUCIONAL MODERNIZADA', '2', '2', '3,301.00', '100.00'],
      ['07', 'OFICINA DE ADMINISTRACIÓN', '2', '2', '3,301.00', '100.00'],
      ['12', 'OFICINA DE PLANEAMIENTO', '0', '0', '0.00', '–'],
    ]);
    await ficha.aei.openAei('AEI.02.01');
    assert.deepEqual(await ficha.tableRows('Cuadro 1'), [
      ['AEI.02.01', 'SERVICIOS DIGITALES', '1', '0', '11,999.75', '75.00'],
      ['07', 'OFICINA DE ADMINISTRACIÓN', '1', '0', '11,999.75', '75.00'],
    ]);
    await ficha.reload();
    await ficha.page.waitForSelector('#cuadro1');
    assert.equal((await ficha.tableRows('Cuadro 1'))[0][4], '11,999.75', 'the import was saved');
  });
});

test('a broken file lists every error and changes nothing', async () => {
  const broken = SHEET.map((row) => [...row]);
  const at = (name) => HEADER.indexOf(name);
  broken[0][at('fin_prog_05')] = '-20';
  broken[1][at('fis_prog_02')] = 'dos';
  broken[1][at('seguimiento_aprobado')] = 'quizás';
  broken[2][at('ao_codigo')] = 'AOI00000000001';
  broken[2][at('fin_ejec_07')] = '12.345,678';
  const good = await writeTemp('buena.csv', excelSpanishCsv(SHEET));
  const bad = await writeTemp('con-errores.csv', excelSpanishCsv(broken));
  await withApp(async (ficha) => {
    await ficha.startOwnWorkspace();
    await importSheet(ficha, good);
    const stored = await ficha.stored('own');
    await ficha.data.openData();
    await ficha.data.chooseAoFile(bad);
    assert.match(await ficha.text('#import-errors'), /«con-errores\.csv» tiene 5 errores; no se importó nada/);
    assert.deepEqual(await ficha.data.importErrors(), [
      'Fila 2, columna fin_prog_05: «-20» no puede ser negativo',
      'Fila 3, columna seguimiento_aprobado: «quizás» no se reconoce: use SI o NO (también S/N, 1/0, true/false o X)',
      'Fila 3, columna fis_prog_02: «dos» no es un número',
      'Fila 4, columna ao_codigo: «AOI00000000001» ya figura en la fila 2; cada AO va en una sola fila',
      'Fila 4, columna fin_ejec_07: «12.345,678» tiene más de 2 decimales; un monto en soles admite como máximo 2',
    ]);
    assert.equal(await ficha.page.locator('#confirm-import').count(), 0, 'nothing to confirm');
    assert.equal(await ficha.stored('own'), stored);
    const notAWorkbook = await writeTemp('no-es-excel.xlsx', zip([['word/document.xml', '<w:document/>']]));
    await ficha.data.chooseAoFile(notAWorkbook);
    assert.deepEqual(await ficha.data.importErrors(), ['El archivo comprimido no es un libro de Excel (.xlsx): no contiene xl/workbook.xml']);
    const tooLarge = await writeTemp('enorme.csv', Buffer.alloc(21 * 1024 * 1024, 0x41));
    await ficha.data.chooseAoFile(tooLarge);
    assert.deepEqual(await ficha.data.importErrors(), [
      'El archivo pesa 21.0 MB y el máximo es 20.0 MB; impórtelo en partes (lo que no está en el archivo se mantiene)',
    ]);
    await ficha.aei.openAei('AEI.01.01');
    assert.deepEqual(await ficha.tableRows('Cuadro 1'), CUADRO1_AFTER_CSV);
    assert.equal(await ficha.stored('own'), stored);
  });
});

test('exports parse back: the AO sheet re-imports to the same tables, every table downloads as XLSX and CSV', async () => {
  const files = {};
  let cuadro1, tabla3;
  await withApp(async (ficha) => {
    await ficha.aei.openAei('AEI.08.05');
    cuadro1 = await ficha.tableRows('Cuadro 1');
    tabla3 = [...await ficha.tableRows('Tabla 3'), ...await ficha.tableRows('Tabla 3', 'tfoot')];
    await ficha.data.openData();
    files.aoCsv = await keep(ficha, '#export-ao-csv');
    files.aoXlsx = await keep(ficha, '#export-ao-xlsx');
    files.cuadro1 = await keep(ficha, '#export-cuadro1-xlsx');
    files.tabla3Csv = await keep(ficha, '#export-tabla3-csv');
    files.tables = await keep(ficha, '#export-tables-xlsx');
  });
  assert.equal(files.aoCsv.name, 'Hoja-AO-2023-v3.csv');
  assert.equal(files.cuadro1.name, 'Cuadro-1-AEI.08.05-2023.xlsx');
  const aoCsv = parseCsv((await readFile(files.aoCsv.path, 'utf8')).replace(/^\uFEFF/, ''));
  assert.deepEqual(aoCsv[0], HEADER);
  const integrity = aoCsv.find((r) => r[4] === 'AOI00106600085');
  assert.deepEqual(integrity.slice(0, 9), ['AEI.08.05', cuadro1[0][1], '07', 'OFICINA NACIONAL Y UNIDADES ZONALES', 'AOI00106600085',
    'SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD', 'INFORME',
    'PP 0073: Programa para la Generación de Empleo Social Inclusivo – Trabaja Perú', 'SI']);
  const c1 = xlsxCells(await readFile(files.cuadro1.path));
  assert.deepEqual(['A4', 'C4', 'D4', 'E4', 'F4', 'A5'].map((r) => c1[r].value), ['AEI.08.05', '1', '1', '21000', '100', '07']);
  assert.notEqual(c1.E4.style, c1.A4.style, 'the money cell has its number format');
  const tabla3Csv = parseCsv((await readFile(files.tabla3Csv.path, 'utf8')).replace(/^\uFEFF/, ''));
  assert.deepEqual(tabla3Csv.find((r) => r[0] === 'Total'), ['Total', '', '', '', '', ...tabla3.at(-1).slice(1)]);
  assert.deepEqual(tabla3Csv[3], tabla3[0]);
  const workbook = unzip(await readFile(files.tables.path)).get('xl/workbook.xml');
  assert.deepEqual([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]), ['Cuadro 1', 'Cuadro 2', 'Tabla 3']);
  assert.equal(xlsxCells(await readFile(files.tables.path), 'xl/worksheets/sheet3.xml').F5.value, '650769332');

  for (const file of [files.aoCsv, files.aoXlsx]) {
    await withApp(async (ficha) => {
      await ficha.startOwnWorkspace();
      await importSheet(ficha, file.path);
      await ficha.aei.openAei('AEI.08.05');
      assert.deepEqual(await ficha.tableRows('Cuadro 1'), cuadro1, `${file.name}: Cuadro 1 to the cent`);
      assert.deepEqual(await ficha.tableRows('Tabla 3'), tabla3.slice(0, -1));
      assert.deepEqual((await ficha.tableRows('Tabla 3', 'tfoot'))[0], ['Total', '650,769,332.00', '646,150,876.90', '99.3%']);
    });
  }
});

test('a backup downloads and restores in another browser, after showing what it replaces', async () => {
  let backup;
  await withApp(async (ficha) => {
    await ficha.startOwnWorkspace();
    await ficha.page.fill('#entity-name', 'UE 123 - RESPALDO DE PRUEBA');
    await ficha.page.press('#entity-name', 'Tab');
    await importSheet(ficha, await writeTemp('para-respaldo.csv', excelSpanishCsv(SHEET)));
    backup = await keep(ficha, '#backup-download');
  });
  assert.match(backup.name, /^ficha-respaldo-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(backup.path, 'utf8');
  assert.deepEqual(Object.keys(JSON.parse(text)).slice(0, 2), ['format', 'version']);
  const newer = await writeTemp('nuevo.json', text.replace(/"version":\d+,/, '"version":9,'));
  const broken = await writeTemp('roto.json', text.slice(0, 200));

  await withApp(async (ficha) => {
    await ficha.data.openData();
    await ficha.data.chooseBackup(newer);
    assert.match(await ficha.text('#restore-error'), /No se puede restaurar «nuevo\.json»: .*versión más reciente de Ficha \(formato 9.*No se cambió nada\./);
    await ficha.data.chooseBackup(broken);
    assert.match(await ficha.text('#restore-error'), /No se puede restaurar «roto\.json»: el contenido está dañado/);
    await ficha.data.chooseBackup(backup.path);
    const compare = await ficha.tableRows('Qué se reemplaza');
    assert.deepEqual(compare[0], ['Unidad Ejecutora', '(sin nombre)', 'UE 123 - RESPALDO DE PRUEBA']);
    assert.deepEqual(compare[2], ['AO (última versión de cada año)', '0', '3']);
    assert.match(await ficha.text('#restore-confirm'), /Está viendo el ejemplo: el respaldo reemplazará su espacio de trabajo, no el ejemplo/);
    await ficha.page.click('#confirm-restore');
    await ficha.page.waitForSelector('#restore-done');
    assert.match(await ficha.text('#restore-done'), /Respaldo restaurado en su espacio de trabajo: UE 123 - RESPALDO DE PRUEBA/);
    await ficha.page.waitForSelector('#open-example');
    await ficha.reload();
    await ficha.aei.openAei('AEI.01.01');
    assert.deepEqual(await ficha.tableRows('Cuadro 1'), CUADRO1_AFTER_CSV);
    const stored = JSON.parse(await ficha.stored('own'));
    assert.deepEqual(stored.workspace, JSON.parse(text).workspace, 'restored exactly');
  });
});

test('a 5,000-AO CSV imports with its progress shown (time printed)', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => aoRow({
    aei_codigo: `AEI.0${1 + (i % 8)}.01`, cc_codigo: String(1 + (i % 40)).padStart(2, '0'), ao_codigo: `AOI${String(i).padStart(11, '0')}`,
    ao_nombre: `ACTIVIDAD OPERATIVA ${i}`, unidad_medida: 'INFORME',
    ...Object.fromEntries(HEADER.slice(9).map((name, k) => [name, name.startsWith('fin') ? `${(i * 7 + k) % 5000}.50` : String((i + k) % 4)])),
  }));
  const path = await writeTemp('cinco-mil.csv', Buffer.from([HEADER, ...rows].map((r) => r.join(',')).join('\n'), 'utf8'));
  await withApp(async (ficha) => {
    await ficha.startOwnWorkspace();
    await ficha.data.openData();
    await ficha.page.evaluate(() => {
      window.progressSeen = [];
      new MutationObserver(() => {
        const status = document.querySelector('#import-status');
        if (status && window.progressSeen.at(-1) !== status.textContent) window.progressSeen.push(status.textContent);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const start = Date.now();
    await ficha.data.chooseAoFile(path);
    const previewed = Date.now();
    assert.equal((await ficha.data.importPreview())[0][1], '5000');
    const preview = (await ficha.text('#import-preview p')).split('. ')[0];
    const confirmed = Date.now();
    const done = await ficha.data.confirmImport();
    const imported = Date.now();
    const seen = await ficha.page.evaluate(() => window.progressSeen);
    assert.ok(seen.some((s) => /^Validando 5000 filas/.test(s)), seen.join(' | '));
    assert.ok(seen.some((s) => /^Importando 5000 AO/.test(s)), seen.join(' | '));
    console.log(`5,000-AO CSV: chosen → preview ${previewed - start} ms, confirm → done ${imported - confirmed} ms, total ${previewed - start + imported - confirmed} ms`);
    console.log(`  the app says: ${preview}; ${done.split('. ')[0]}`);
    await ficha.open('#/');
    assert.equal(await ficha.page.locator('#aei-list tbody tr').count(), 8);
  });
});

// Files in and out on the release build: hostile files refused with their limit while the app keeps
// working, the recommendations import previewed and confirmed (all or nothing), and CSV exports
// whose formula-like text opens as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { serve } from './server.mjs';
import { launch, inFreshProfile } from './pages/app.mjs';
import { zip, zipRaw } from './zip.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const MIB = 1024 * 1024;
let server, browser;

before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A fresh browser profile (empty storage) with the app open. */
const withApp = (fn) => inFreshProfile(browser, server.url, fn);

const xlsxFile = (name, buffer) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
const csvFile = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

/** A workbook whose first sheet has these rows, with shared strings and styles when given. */
function workbook(rows, { sharedStrings, styles } = {}) {
  const entries = [['xl/workbook.xml', '<workbook/>']];
  if (sharedStrings) entries.push(['xl/sharedStrings.xml', sharedStrings]);
  if (styles) entries.push(['xl/styles.xml', styles]);
  entries.push(['xl/worksheets/sheet1.xml', `<worksheet><sheetData>${rows}</sheetData></worksheet>`]);
  return zip(entries);
}

const textRow = (row, ref, text) => `<row r="${row}"><c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c></row>`;

/** Three parts of 100 MiB each: a 300 KB file that would inflate to 300 MiB. */
function zipBomb() {
  const packed = deflateRawSync(Buffer.alloc(100 * MIB, 0x20));
  const part = (name) => ({ name, packed, crc: 0, size: 100 * MIB });
  const workbookXml = Buffer.from('<workbook/>');
  return zipRaw([
    { name: 'xl/workbook.xml', packed: deflateRawSync(workbookXml), crc: 0, size: workbookXml.length },
    part('xl/sharedStrings.xml'), part('xl/styles.xml'), part('xl/worksheets/sheet1.xml'),
  ]);
}

const ROWS = 'el archivo pasa del máximo de 100,000 filas (las filas vacías también cuentan); importe la hoja en partes';

test('hostile files chosen as the AO sheet are refused with their limit and the app keeps working', async () => {
  const hostile = [
    [{ name: 'lineas-vacias.csv', mimeType: 'text/csv', buffer: Buffer.alloc(2_600_000, 0x0A) }, `Fila 100,001: ${ROWS}`],
    [xlsxFile('columna-xfd.xlsx', workbook(textRow(1, 'A1', 'aei_codigo') + textRow(2, 'XFD2', 'x'))),
      'Celda XFD2: la columna XFD pasa del máximo de 1,024 columnas (la última es la AMJ)'],
    [xlsxFile('fila-final.xlsx', workbook(textRow(1_048_576, 'A1048576', 'x'))), `Fila 1,048,576: ${ROWS}`],
    [xlsxFile('formato-enorme.xlsx', workbook('<row r="1"><c r="A1" s="1"><v>7</v></c></row>', {
      styles: `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="${'0'.repeat(65_536)}"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`,
    })), 'El libro tiene un formato de número de 65,536 caracteres y el máximo es 255'],
    [xlsxFile('texto-repetido.xlsx', workbook(
      Array.from({ length: 2_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`).join(''),
      { sharedStrings: `<sst><si><t>${'a'.repeat(10 * MIB)}</t></si></sst>` },
    )), 'El texto compartido n.° 1 del libro pasa del máximo de 32,767 caracteres de una celda'],
    [xlsxFile('bomba.xlsx', zipBomb()),
      'No se pudo abrir el libro de Excel: su contenido ocupa 300.1 MB descomprimido y el máximo es 256.0 MB por archivo'],
  ];
  await withApp(async (ficha) => {
    await ficha.data.openData();
    const ownExport = await ficha.downloadFrom('#export-ao-csv');
    const sheet = await readFile(ownExport.path);
    for (const [file, refusal] of hostile) {
      await ficha.data.chooseAoFile(file);
      assert.deepEqual(await ficha.data.importErrors(), [refusal], file.name);
      assert.match(await ficha.text('#import-errors'), new RegExp(`^«${file.name}» no se puede importar; no se cambió nada`));
    }
    await ficha.data.chooseAoFile({ name: 'hoja.csv', mimeType: 'text/csv', buffer: sheet });
    assert.deepEqual((await ficha.data.importPreview())[1], ['AO a reemplazar', '2'], 'a good file still previews');
    await ficha.aei.openAei('AEI.08.05');
    assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '21,000.00', '100.00']);
  });
});

const RECO_HEADER = 'registro,informe,fecha_informe,origen,fecha_recepcion,numero,recomendacion,plazo_accion,estado,fecha_estado,verificado_por';

test('the recommendations import checks the size, previews, confirms, and imports nothing from a file with one bad row', async () => {
  await withApp(async (ficha) => {
    await ficha.startOwnWorkspace();
    await ficha.recommendations.openRecommendations();
    await ficha.recommendations.recoTab('import');
    await ficha.page.setInputFiles('#reco-import-file', { name: 'enorme.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * MIB, 0x41) });
    await ficha.page.waitForSelector('#reco-import-errors li');
    assert.deepEqual(await ficha.page.$$eval('#reco-import-errors li', (items) => items.map((li) => li.textContent)), [
      'El archivo pesa 21.0 MB y el máximo es 20.0 MB; impórtelo en partes (lo que no está en el archivo se mantiene)',
    ]);


    const good = [`${RECO_HEADER},observacion`,
      'control,010-2024-OCI,2024-02-01,OCI,2024-02-05,1,Texto uno,2024-06-30,Implementada,2024-03-01,OCI,x',
      'control,010-2024-OCI,,,,2,Texto dos,,,,,',
    ].join('\n');
    await ficha.recommendations.importRecommendations(good);
    const preview = await ficha.recommendations.recommendationsPreview();
    assert.equal(preview.summary, '«recomendaciones.csv»: Se importarán 2 recomendación(es) y 1 informe(s) de control nuevos. Columnas no reconocidas, omitidas: observacion.');
    assert.deepEqual(preview.rows, [
      ['2', 'Informe de control', '010-2024-OCI', '1', 'Texto uno', 'Implementada'],
      ['3', 'Informe de control', '010-2024-OCI', '2', 'Texto dos', 'Pendiente'],
    ]);
    assert.equal(await ficha.page.locator('#reco-import-errors li').count(), 0);
    assert.equal(await ficha.recommendations.confirmRecommendationsImport(), 'Se importaron 2 recomendación(es) y 1 informe(s) de control nuevos. Columnas no reconocidas, omitidas: observacion.');
    assert.equal(await ficha.page.locator('#reco-import-preview').count(), 0);

    await ficha.recommendations.importRecommendations([RECO_HEADER,
      'control,010-2024-OCI,,,,3,Tercera,,,,',
      'control,010-2024-OCI,,,,4,Cuarta,,Terminada,,',
    ].join('\n'));
    await ficha.page.waitForSelector('#reco-import-errors li');
    assert.equal(await ficha.text('#reco-import-error-count'), 'No se importó nada: el archivo tiene 1 error(es).');
    assert.deepEqual(await ficha.page.$$eval('#reco-import-errors li', (items) => items.map((li) => li.textContent)), [
      'Fila 3, columna estado: «Terminada» no se reconoce: use Pendiente, En proceso, Implementada, Inaplicable por causal sobreviniente o No aplicable',
    ]);
    assert.equal(await ficha.page.locator('#reco-import-confirm').count(), 0, 'nothing to confirm');

    await ficha.recommendations.importRecommendations([RECO_HEADER, 'control,010-2024-OCI,,,,3,Tercera,,,,'].join('\n'));
    assert.match((await ficha.recommendations.recommendationsPreview()).summary, /Se importarán 1 recomendación\(es\) y 0 informe\(s\)/);
    await ficha.page.click('#reco-import-cancel');
    assert.equal(await ficha.page.locator('#reco-import-preview').count(), 0);

    await ficha.recommendations.recoTab('register');
    assert.deepEqual((await ficha.tableRows('Registro de recomendaciones')).map((cells) => [cells[3], cells[4]]), [['1', 'Texto uno'], ['2', 'Texto dos']]);
    await ficha.reload();
    await ficha.page.waitForSelector('#reco-as-of');
    const stored = JSON.parse(await ficha.stored('own')).workspace.recommendations;
    assert.deepEqual(stored.recommendations.map((r) => r.number), ['1', '2']);
  });
});

const HYPERLINK = '=HYPERLINK("http://example.com","clic")';
const INTEGRITY_NAME = 'SEGUIMIENTO DE LA IMPLEMENTACIÓN DEL MODELO DE INTEGRIDAD';

test('an AO named =HYPERLINK(...) is exported with an apostrophe and reads back as it was', async () => {
  let exported, tabla3Csv;
  await withApp(async (ficha) => {
    await ficha.data.openData();
    const example = (await readFile((await ficha.downloadFrom('#export-ao-csv')).path, 'utf8'))
      .replace(INTEGRITY_NAME, `"${HYPERLINK.replaceAll('"', '""')}"`);
    await ficha.startOwnWorkspace();
    await ficha.data.openData();
    await ficha.data.chooseAoFile(csvFile('hoja.csv', example));
    await ficha.data.confirmImport();
    exported = await readFile((await ficha.downloadFrom('#export-ao-csv')).path, 'utf8');
    tabla3Csv = await readFile((await ficha.downloadFrom('#export-tabla3-csv')).path, 'utf8');
  });
  assert.ok(exported.includes(`,"'=HYPERLINK(""http://example.com"",""clic"")",INFORME,`), exported);
  assert.ok(tabla3Csv.includes(`\r\n"'=HYPERLINK(""http://example.com"",""clic"")",INFORME,1,1,100.0%,`), tabla3Csv);
  assert.ok(tabla3Csv.includes('\r\nTotal,,,,,"650,769,332.00","646,150,876.90",99.3%\r\n'), 'numbers stay numbers');
  await withApp(async (ficha) => {
    await ficha.startOwnWorkspace();
    await ficha.data.openData();
    await ficha.data.chooseAoFile(csvFile('exportada.csv', exported));
    await ficha.data.confirmImport();
    await ficha.aei.openAei('AEI.08.05');
    assert.deepEqual((await ficha.tableRows('Tabla 3'))[0].slice(0, 2), [HYPERLINK, 'INFORME']);
  });
});

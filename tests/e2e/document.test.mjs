// The ficha as a document on the release build: printed to PDF, edited, flagged when stale, downloaded as Word.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';
import { aoRow } from './pages/data.mjs';
import { unzip, wordTables } from './zip.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const AEI = 'AEI.08.05';
const AO = 'AOI00106600085';
const SECTION_EDITOR_NOTE = 'section[data-section="4"] .section-editor-wrap .note';
let server, browser, context, ficha, scratch;

before(async () => { server = await serve(DIST); browser = await launch(); scratch = await mkdtemp(join(tmpdir(), 'ficha-doc-')); });
after(async () => { await browser?.close(); await server?.close(); await rm(scratch, { recursive: true, force: true }); });
beforeEach(async () => { context = await browser.newContext({ acceptDownloads: true }); ficha = new FichaPage(await context.newPage(), server.url); });
afterEach(async () => { await context.close(); });

// The reference ficha's table rows (ficha-aei-08-05-llamkasun-2023.md): first cell, then the figures that close the row.
const REFERENCE_ROWS = {
  'Cuadro 1, AEI': ['AEI.08.05', ['1', '1', '21,000.00', '100.00']],
  'Cuadro 1, CC 07': ['07', ['1', '1', '21,000.00', '100.00']],
  'Cuadro 2': ['AEI.08.05', ['INFORME', '1', '1', '100.0%']],
  'Tabla 3': ['SEGUIMIENTO', ['INFORME', '1', '1', '100.0%', '21,000.00', '21,000.00', '100.0%']],
  'Tabla 3, Total': ['Total', ['650,769,332.00', '646,150,876.90', '99.3%']],
};

/** The line of a `pdftotext -layout` page that starts with `first` and ends with `figures`, in order. */
function rowLine(text, first, figures) {
  return text.split('\n').find((line) => {
    const cells = line.trim().split(/\s+/);
    return cells[0] === first && cells.slice(-figures.length).join(' ') === figures.join(' ');
  });
}

function pdfText(path) {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

test('the document reads like the reference: title block, seven sections, the tables in place', async () => {
  await ficha.aei.openAei(AEI);
  await ficha.document.openDocumentFromAei();
  assert.match(await ficha.text('.doc-entity'), /^001066 - PROGRAMA PARA LA GENERACION DE EMPLEO SOCIAL INCLUSIVO "TRABAJA PERU"$/);
  assert.equal(await ficha.text('.doc-title'), 'Ficha de implementación de la AEI.08.05: MODELO DE INTEGRIDAD IMPLEMENTADO EN LA GESTIÓN INTERNA DEL MINISTERIO DE TRABAJO Y PROMOCION DEL EMPLEO.');
  assert.equal(await ficha.text('.doc-period'), 'Correspondiente al año 2023');
  assert.equal(await ficha.text('.doc-date'), '13 de mayo, 2024');
  const headings = await ficha.page.$$eval('.doc-section h2', (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(headings.map((h) => h.split(' ')[0]), ['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
  assert.equal(headings[6], '7. Conclusión');
  // Each table sits in its section, after the sentence that leads to it.
  assert.equal(await ficha.document.section(1).locator('#cuadro1').count(), 1);
  assert.equal(await ficha.document.section(1).locator('#cuadro2').count(), 1);
  assert.equal(await ficha.document.section(3).locator('#tabla3').count(), 1);
  assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '1', '21,000.00', '100.00']);
  assert.deepEqual(await ficha.tableRows('Tabla 3', 'tfoot'), [['Total', '650,769,332.00', '646,150,876.90', '99.3%']]);
  assert.match(await ficha.document.sectionText(1), /un \(01\) informe .* lo que representó el 100% de la meta física anual programada \(01 informe\)\./);
  assert.match(await ficha.document.sectionText(2), /Agregando cuatro \(04\) nuevas actividades operativas\./);
  assert.deepEqual(ficha.consoleErrors, []);
});

test('printed to PDF, the document holds the reference tables with identical figures and numbered pages', async () => {
  await ficha.document.openDocument(AEI);
  const path = join(scratch, 'ficha.pdf');
  await ficha.document.printPdf(path);
  const text = pdfText(path);
  for (const [table, [first, figures]] of Object.entries(REFERENCE_ROWS)) {
    assert.ok(rowLine(text, first, figures), `${table}: no line «${first} … ${figures.join(' ')}» in the PDF`);
  }
  for (const line of [
    'Cuadro 1: Ejecución física de las AO e inversiones vinculadas a la AEI',
    'Cuadro 2: Actividades Operativas del POI 2023, relacionadas con la AEI.08.05',
    'Tabla 3. Avance de ejecución física y financiera del POI Modificado versión 3 al año 2023',
    '1/ Se contabiliza el número de AO con programación física anual mayor a cero y con seguimiento aprobado',
    'Fuente: Aplicativo CEPLAN V.01.',
    'Elaboración: Unidad Funcional de Planeamiento y Presupuesto – UFPP.',
    '1. Implementación de la AEI.08.05',
    '7. Conclusión',
    'Gráfico 1: Avance físico acumulado',
    'Gráfico 2: Avance financiero acumulado',
  ]) {
    assert.ok(text.includes(line), `PDF lacks «${line}»`);
  }
  const pages = [...text.matchAll(/Página (\d+) de (\d+)/g)];
  assert.ok(pages.length >= 2, 'a number on every page');
  assert.deepEqual(pages.map((m) => Number(m[1])), pages.map((_, i) => i + 1));
  assert.equal(new Set(pages.map((m) => m[2])).size, 1);
  for (const chrome of ['Resumen', 'EJEMPLO', 'Imprimir / Guardar PDF', 'Editar esta sección', 'Versión del POI evaluada']) {
    assert.ok(!text.includes(chrome), `app chrome «${chrome}» printed`);
  }
});

/** The PDF's pages, each without its empty lines. */
function pdfPages(text) {
  return text.split('\f').map((page) => page.split('\n').filter((line) => line.trim())).filter((lines) => lines.length);
}

test('printed, long tables run over pages with their headers repeated, and no heading is left at a page foot', async () => {
  // 40 more AO like the integrity AO (one informe, S/ 3,500 a month from July), with long names.
  const twoDigits = (n) => String(n).padStart(2, '0');
  const months = (prefix, from, value) => Object.fromEntries(Array.from({ length: 13 - from }, (_, i) => [`${prefix}_${twoDigits(from + i)}`, value]));
  await ficha.data.importAoSheet(Array.from({ length: 40 }, (_, i) => aoRow({
    aei_codigo: AEI, cc_codigo: '07', ao_codigo: `AOI9${String(i + 1).padStart(9, '0')}`,
    ao_nombre: `ACTIVIDAD DE PRUEBA ${twoDigits(i + 1)} CON UN NOMBRE LARGO QUE OCUPA DOS LÍNEAS EN LA TABLA`,
    unidad_medida: 'INFORME', categoria_presupuestal: 'PP 0073', seguimiento_aprobado: 'SI',
    fis_prog_12: '1', fis_ejec_12: '1', ...months('fin_prog', 7, '3500'), ...months('fin_ejec', 7, '3500'),
  })));
  await ficha.document.openDocument(AEI);
  assert.equal((await ficha.tableRows('Tabla 3')).length, 41);
  const path = join(scratch, 'long.pdf');
  await ficha.document.printPdf(path);
  const pages = pdfPages(pdfText(path));
  const withRows = (pattern) => pages.filter((lines) => lines.some((line) => pattern.test(line)));
  const cuadro2Pages = withRows(/^\s*AEI\.08\.05\s+AOI9\d+: ACTIVIDAD DE PRUEBA/);
  const tabla3Pages = withRows(/^\s*ACTIVIDAD DE\b.*\bINFORME\s+1\s+1\s+100\.0%\s+21,000\.00\s+21,000\.00\s+100\.0%$/);
  assert.ok(cuadro2Pages.length >= 2 && tabla3Pages.length >= 2, 'both tables run over more than one page');
  for (const lines of cuadro2Pages) assert.ok(lines.some((l) => l.includes('METAS FÍSICAS DEL POI ANUAL 2023')), 'Cuadro 2 header on each of its pages');
  for (const lines of tabla3Pages) assert.ok(lines.some((l) => l.includes('METAS FINANCIERA')), 'Tabla 3 header on each of its pages');
  assert.equal(pages.flat().filter((l) => /^\s*Total\s+/.test(l)).length, 1, 'the Total row prints once, at the end');
  for (const lines of pages) {
    const last = lines.filter((l) => !/Página \d+ de \d+/.test(l)).at(-1).trim();
    assert.doesNotMatch(last, /^(\d\. [A-ZÁÉÍÓÚ]|Cuadro \d|Tabla \d|Gráfico \d)/, `a page ends with the heading «${last}»`);
  }
});

test('printed, headings and bold lead-in bullets stay with the text after them, however long the text before', async () => {
  await ficha.document.openDocument(AEI);
  const leadIns = await ficha.page.$$eval('.section-text ul:has(> li:only-child > strong:only-child), .doc-section h2, caption, figcaption',
    (els) => els.map((e) => e.textContent.trim()));
  const drafted = await ficha.document.startEditing(1);
  await ficha.document.section(1).locator('button.cancel-edit').click();
  // Each added paragraph moves what follows by one line, so some length puts a lead-in at a page foot.
  for (let added = 0; added <= 8; added++) {
    const filler = Array.from({ length: added }, (_, i) => `Párrafo adicional ${i + 1}.`);
    await ficha.document.editSection(1, () => [drafted, ...filler, 'Fin de la sección.'].join('\n\n'));
    const path = join(scratch, `lead-in-${added}.pdf`);
    await ficha.document.printPdf(path);
    for (const lines of pdfPages(pdfText(path))) {
      const last = lines.filter((l) => !/Página \d+ de \d+/.test(l)).at(-1).trim();
      assert.ok(!leadIns.some((lead) => lead.startsWith(last)), `with ${added} more paragraphs a page ends with «${last}»`);
    }
  }
});

test('"Imprimir / Guardar PDF" opens the browser print dialog', async () => {
  await ficha.document.openDocument(AEI);
  await ficha.page.evaluate(() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; });
  await ficha.page.click('#print-document');
  assert.equal(await ficha.page.evaluate(() => window.printCalls), 1);
});

test('an edited section survives a reload and prints instead of the draft', async () => {
  await ficha.document.openDocument(AEI);
  const drafted = await ficha.document.startEditing(4);
  assert.match(drafted, /^El Programa se encuentra alineado/);
  await ficha.document.section(4).locator('button.cancel-edit').click();
  await ficha.document.editSection(4, (text) => `${text}\n\nLa UFPP verificó el informe en diciembre.\n\n- Primer punto propio\n- Segundo punto propio`);
  await ficha.reload();
  await ficha.page.waitForSelector('#ficha-document');
  const text = await ficha.document.sectionText(4);
  assert.match(text, /La UFPP verificó el informe en diciembre\./);
  assert.deepEqual(await ficha.document.section(4).locator('.section-text ul li').allTextContents(), ['Seguimiento de la implementación del modelo de integridad', 'Primer punto propio', 'Segundo punto propio']);
  assert.equal(await ficha.document.section(4).locator('.badge.edited').textContent(), 'Texto editado');
  assert.equal(await ficha.document.staleNotice(4).count(), 0);
  const path = join(scratch, 'edited.pdf');
  await ficha.document.printPdf(path);
  assert.match(pdfText(path), /La UFPP verificó el informe en diciembre\./);
  await ficha.document.section(4).locator('button.discard-edit').click();
  assert.doesNotMatch(await ficha.document.sectionText(4), /La UFPP verificó/);
});

test('bold written between ** survives an edit and a reload, on screen and in the .docx', async () => {
  await ficha.document.openDocument(AEI);
  const drafted = await ficha.document.startEditing(4);
  assert.match(drafted, /\n- \*\*Seguimiento de la implementación del modelo de integridad\*\*\n/, 'the drafted bold is marked in the editor');
  assert.match(await ficha.text(SECTION_EDITOR_NOTE), /negrita entre dos asteriscos dobles: «\*\*texto en negrita\*\*»/);
  await ficha.document.section(4).locator('button.cancel-edit').click();
  await ficha.document.editSection(4, (text) => `${text}\n\nLa UFPP destaca **algo** del año.\n\n- **Primero:** propio\n- Segundo`);
  await ficha.reload();
  await ficha.page.waitForSelector('#ficha-document');
  const strong = await ficha.document.section(4).locator('.section-text strong').allTextContents();
  assert.deepEqual(strong, ['Seguimiento de la implementación del modelo de integridad', 'algo', 'Primero:']);
  assert.match(await ficha.document.sectionText(4), /La UFPP destaca algo del año\./);
  assert.doesNotMatch(await ficha.document.sectionText(4), /\*\*/);
  assert.deepEqual(await ficha.document.section(4).locator('.section-text ul').last().locator('li').allTextContents(), ['Primero: propio', 'Segundo']);
  assert.equal(await ficha.document.staleNotice(4).count(), 0);
  const xml = unzip(await readFile((await ficha.document.downloadDocx()).path)).get('word/document.xml').toString('utf8');
  assert.ok(xml.includes('<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">algo</w:t></w:r>'), 'a bold run with the text');
  assert.ok(xml.includes('<w:r><w:t xml:space="preserve">La UFPP destaca </w:t></w:r>'));
});

test('user text is shown as text, never as markup', async () => {
  await ficha.document.openDocument(AEI);
  await ficha.document.editSection(7, () => 'Conclusión <img src=x onerror="window.injected=1"> propia.');
  assert.match(await ficha.document.sectionText(7), /Conclusión <img src=x onerror="window\.injected=1"> propia\./);
  assert.equal(await ficha.page.locator('#ficha-document img').count(), 0);
  assert.equal(await ficha.page.evaluate(() => window.injected), undefined);
});

/** Edits section 1, then lowers the integrity AO's December execution to 0 on the AEI page. */
async function editThenChangeTheData() {
  await ficha.document.openDocument(AEI);
  await ficha.document.editSection(1, (text) => `${text}\n\nPárrafo añadido por la UFPP.`);
  await ficha.page.click('.doc-toolbar a');
  await ficha.page.waitForSelector('#cuadro1');
  await ficha.aei.setMonthly(AO, 1, 12, '0');
  await ficha.document.openDocumentFromAei();
}

test('when the data changes under an edit, the section is flagged with the new draft beside it, never overwritten', async () => {
  await editThenChangeTheData();
  assert.match(await ficha.document.staleNotice(1).textContent(), /el texto ya no coincide con los datos/);
  assert.match(await ficha.document.sectionText(1), /Párrafo añadido por la UFPP\./);
  assert.match(await ficha.document.sectionText(1), /lo que representó el 100% de la meta física anual programada/, 'the edit keeps its words');
  assert.match(await ficha.document.newDraftText(1), /no registró ejecución física, lo que representó el 0% de la meta física anual programada/);
  assert.equal(await ficha.document.staleNotice(2).count(), 0, 'unedited sections just follow the data');
  assert.match(await ficha.document.sectionText(3), /no registró ejecución física/);
  await ficha.reload();
  await ficha.page.waitForSelector('#ficha-document');
  assert.equal(await ficha.document.staleNotice(1).count(), 1, 'still flagged after a reload');
  await ficha.document.keepMyText(1);
  assert.equal(await ficha.document.staleNotice(1).count(), 0);
  assert.match(await ficha.document.sectionText(1), /Párrafo añadido por la UFPP\./);
  await ficha.reload();
  await ficha.page.waitForSelector('#ficha-document');
  assert.equal(await ficha.document.staleNotice(1).count(), 0, 'the review is kept');
  assert.match(await ficha.document.sectionText(1), /Párrafo añadido por la UFPP\./);
});

test('a stale edit can give way to the new draft', async () => {
  await editThenChangeTheData();
  await ficha.document.takeNewDraft(1);
  assert.equal(await ficha.document.staleNotice(1).count(), 0);
  const text = await ficha.document.sectionText(1);
  assert.doesNotMatch(text, /Párrafo añadido por la UFPP/);
  assert.match(text, /no registró ejecución física/);
  assert.deepEqual((await ficha.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '21,000.00', '0.00']);
});

test('the .docx download is a zip whose document.xml holds the three tables with the reference figures', async () => {
  await ficha.document.openDocument(AEI);
  await ficha.document.editSection(7, (text) => `${text}\n\nNota final <b>de la UFPP</b> & equipo.`);
  const { name, path } = await ficha.document.downloadDocx();
  assert.equal(name, 'Ficha-AEI.08.05-2023.docx');
  const files = unzip(await readFile(path));
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']) {
    assert.ok(files.has(part), `missing ${part}`);
  }
  const xml = files.get('word/document.xml').toString('utf8');
  const [cuadro1, cuadro2, tabla3, ...more] = wordTables(xml);
  assert.equal(more.length, 0);
  assert.deepEqual(cuadro1[2].slice(2), ['1', '1', '21,000.00', '100.00']);
  assert.deepEqual(cuadro1[3], ['07', 'OFICINA NACIONAL Y UNIDADES ZONALES', '1', '1', '21,000.00', '100.00']);
  assert.deepEqual(cuadro2[2].slice(2), ['INFORME', '1', '1', '100.0%']);
  assert.deepEqual(tabla3[2].slice(1), ['INFORME', '1', '1', '100.0%', '21,000.00', '21,000.00', '100.0%']);
  assert.deepEqual(tabla3[3], ['Total', '650,769,332.00', '646,150,876.90', '99.3%']);
  assert.ok(xml.includes('Nota final &lt;b&gt;de la UFPP&lt;/b&gt; &amp; equipo.'), 'the edit, escaped');
  // The two charts: native chart parts, reached from document.xml through its relationships.
  const rels = files.get('word/_rels/document.xml.rels').toString('utf8');
  const types = files.get('[Content_Types].xml').toString('utf8');
  const ids = [...xml.matchAll(/<c:chart r:id="(rId\d+)"\/>/g)].map((m) => m[1]);
  assert.equal(ids.length, 2);
  for (const id of ids) {
    const target = rels.match(new RegExp(`<Relationship Id="${id}" Type="[^"]+/chart" Target="([^"]+)"`))[1];
    const chart = files.get(`word/${target}`)?.toString('utf8');
    assert.ok(chart?.includes('<c:lineChart>'), `${target} is a line chart`);
    assert.ok(types.includes(`PartName="/word/${target}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`));
  }
  const financial = files.get('word/charts/chart2.xml').toString('utf8');
  const executed = financial.split('<c:ser>')[2].split('<c:val>')[1];
  assert.deepEqual([...executed.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]).slice(-1), ['21000']);
  assert.ok(xml.indexOf('Gráfico 1: Avance físico acumulado') < xml.indexOf(`r:id="${ids[0]}"`));
});

test('the .docx converts with LibreOffice headless, where it is installed', async (t) => {
  const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' }).stdout.trim();
  if (!soffice) { t.skip('LibreOffice (soffice) is not installed'); return; }
  // Only LibreOffice Writer opens .docx; a Calc-only install (libreoffice-calc-nogui) cannot.
  const writer = spawnSync('sh', ['-c', 'ls /usr/lib/libreoffice/program/ | grep -q "^libswlo"'], { encoding: 'utf8' }).status === 0;
  if (!writer) { t.skip('LibreOffice Writer is not installed'); return; }
  await ficha.document.openDocument(AEI);
  const { path } = await ficha.document.downloadDocx();
  const out = join(scratch, 'soffice');
  execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', out, path], { timeout: 120_000 });
  const text = pdfText(join(out, path.split('/').pop().replace(/(\.docx)?$/, '.pdf')));
  for (const [table, [first, figures]] of Object.entries(REFERENCE_ROWS)) {
    assert.ok(rowLine(text, first, figures), `${table} in LibreOffice's rendering`);
  }
  // The charts are drawn from their parts: their legends and axis labels exist only inside them.
  for (const line of ['Gráfico 1: Avance físico acumulado', 'Gráfico 2: Avance financiero acumulado', 'Ejecutado (ajustado al 100%)', '25,000']) {
    assert.ok(text.includes(line), `LibreOffice's rendering lacks «${line}»`);
  }
});

test('the charts follow the data: monthly cumulative lines, six months in the first semester', async () => {
  await ficha.document.openDocument(AEI);
  const points = (chart, series) => ficha.page.locator(`${chart} g.${series} circle`).count();
  assert.equal(await points('#chart-physical', 'executed'), 12);
  assert.equal(await points('#chart-financial', 'programmed'), 12);
  assert.deepEqual(await ficha.page.locator('#chart-financial text.tick').allTextContents(), ['0', '5,000', '10,000', '15,000', '20,000', '25,000']);
  assert.deepEqual(await ficha.page.locator('#chart-physical text.tick').allTextContents(), ['0%', '25%', '50%', '75%', '100%']);
  await ficha.choosePeriod('I Semestre');
  assert.equal(await ficha.text('.doc-period'), 'Correspondiente al primer semestre de 2023');
  assert.equal(await ficha.page.locator('#chart-financial g.executed circle').count(), 6);
  assert.match(await ficha.text('#chart-physical'), /Sin actividades operativas con programación física/);
});

test('an unknown AEI says so', async () => {
  await ficha.open('#/documento/AEI.99.99');
  assert.match(await ficha.text('main h1'), /AEI no encontrada/);
});

test('the Integridad page shows the ICP per year, its stages, sum and "Apto" thresholds', async () => {
  await ficha.integrity.openIntegrity();
  assert.deepEqual(await ficha.tableRows('ICP por año'), [['2023', '1.80', '2', '1', '189']]);
  assert.deepEqual(await ficha.integrity.stageRow(1), ['Cumplimiento normativo e Institucionalización', '0.87', '0.87', '0.90', 'No']);
  assert.deepEqual(await ficha.integrity.stageRow(2), ['Aplicación e implementación', '0.93', '1.80', '1.90', 'No']);
  assert.deepEqual((await ficha.integrity.stageRow(3)).slice(1), ['', '1.80', '2.90', 'No evaluada']);
  assert.equal(await ficha.text('#integrity-icp'), '1.80');
  assert.equal(await ficha.page.inputValue('#entities-evaluated'), '189');
  assert.deepEqual(ficha.consoleErrors, []);
});

test('a score outside 0–1 is refused with a Spanish message and changes nothing', async () => {
  await ficha.integrity.openIntegrity();
  await ficha.integrity.setStageScore(2, '1.5');
  assert.equal(await ficha.text('#integrity-errors'), 'Etapa 2: «1.5» no es válido; el puntaje debe ser un número entre 0 y 1, con punto decimal y hasta 6 decimales (por ejemplo 0.87).');
  assert.equal(await ficha.integrity.stage(2).locator('input.stage-score').getAttribute('aria-invalid'), 'true');
  assert.equal(await ficha.text('#integrity-icp'), '1.80');
  await ficha.integrity.setIntegrityCount('entities-evaluated', 'muchas');
  assert.match(await ficha.text('#integrity-errors'), /Entidades evaluadas: «muchas» no es válido; debe ser un número entero mayor que cero\./);
  await ficha.integrity.setStageScore(2, '0.93');
  await ficha.integrity.setIntegrityCount('entities-evaluated', '189');
  assert.equal(await ficha.text('#integrity-errors'), '');
});

test('edited stages change the ICP everywhere and survive a reload', async () => {
  await ficha.integrity.openIntegrity();
  await ficha.integrity.setStageScore(1, '0.95');
  await ficha.integrity.setStageName(3, 'Gestión de riesgos');
  await ficha.integrity.setStageScore(3, '0.5');
  await ficha.integrity.setIntegrityCount('entities-evaluated', '200');
  assert.equal(await ficha.text('#integrity-icp'), '2.38');
  assert.deepEqual((await ficha.integrity.stageRow(1)).slice(2), ['0.95', '0.90', 'Sí']);
  await ficha.reload();
  await ficha.page.waitForSelector('#integrity-stages');
  assert.deepEqual(await ficha.integrity.stageRow(3), ['Gestión de riesgos', '0.5', '2.38', '2.90', 'No']);
  assert.deepEqual(await ficha.tableRows('ICP por año'), [['2023', '2.38', '3', '1', '200']]);
  await ficha.aei.openAei(AEI);
  assert.equal(await ficha.text('#icp-total'), '2.38');
  await ficha.document.openDocumentFromAei();
  assert.match(await ficha.document.sectionText(3), /\(ICP\)¹ de 2\.38/);
  assert.match(await ficha.document.sectionText(3), /Etapa 3: Gestión de riesgos/);
  assert.match(await ficha.document.sectionText(3), /se evaluaron a 200 entidades/);
});

test('a year without a result can have one registered', async () => {
  await ficha.open();
  await ficha.page.click('#start-own');
  await ficha.page.waitForSelector('#open-example');
  await ficha.integrity.openIntegrity();
  assert.match(await ficha.text('main'), /No se registró el resultado del Modelo de Integridad/);
  await ficha.page.click('#add-integrity');
  await ficha.integrity.setStageScore(1, '0.4');
  assert.equal(await ficha.text('#integrity-icp'), '0.40');
  assert.equal((await ficha.tableRows('ICP por año'))[0][1], '0.40');
});

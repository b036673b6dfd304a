// The Informe de evaluación on the release build: section 5 of the fichas from the register, the
// Informe over three imported AEI printed to PDF, as Word and as a .zip of fichas, and its
// recommendations registered for the next period's follow-up.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';
import { aoRow } from './pages/data.mjs';
import { unzip, wordTables } from './zip.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
let server, browser, context, ficha, scratch;

before(async () => { server = await serve(DIST); browser = await launch(); scratch = await mkdtemp(join(tmpdir(), 'ficha-informe-')); });
after(async () => { await browser?.close(); await server?.close(); await rm(scratch, { recursive: true, force: true }); });
beforeEach(async () => { context = await browser.newContext({ acceptDownloads: true }); ficha = new FichaPage(await context.newPage(), server.url); });
afterEach(async () => { assert.deepEqual(ficha.consoleErrors, []); await context.close(); });

/** One AO programmed and executed in March. */
function ao(aei, name, code, [physicalP, physicalX], [financialP, financialX]) {
  return aoRow({
    aei_codigo: aei, aei_nombre: name, cc_codigo: '01', cc_nombre: 'OFICINA GENERAL', ao_codigo: code,
    ao_nombre: `ACTIVIDAD ${code}`, unidad_medida: 'INFORME', categoria_presupuestal: '9001', seguimiento_aprobado: 'SI',
    fis_prog_03: physicalP, fis_ejec_03: physicalX, fin_prog_03: financialP, fin_ejec_03: financialX,
  });
}

/** Three AEI: two AO (100% and 25%), one AO at 100%, one AO without physical programming. */
const SHEET = [
  ao('AEI.01.01', 'GESTION A', 'AOI00000000001', ['2', '2'], ['1000', '800']),
  ao('AEI.01.01', 'GESTION A', 'AOI00000000002', ['4', '1'], ['500', '500']),
  ao('AEI.02.01', 'GESTION B', 'AOI00000000003', ['1', '1'], ['2000', '2000']),
  ao('AEI.03.01', 'GESTION C', 'AOI00000000004', ['0', '0'], ['300', '100']),
];

/** Each AEI's Cuadro 1 row: code, then its figures (N° AO, N° AO ≥100%, ejecución financiera, promedio ajustado). */
const CUADRO1 = {
  'AEI.01.01': ['2', '1', '1,300.00', '62.50'],
  'AEI.02.01': ['1', '1', '2,000.00', '100.00'],
  'AEI.03.01': ['0', '0', '0.00', '–'],
};

const REPORT = 'Informe de evaluación del POI correspondiente al primer semestre';
const LINKED = 'Se recomienda reforzar el seguimiento de la AEI de gestión B.';
const FOLLOW_UP = 'Al respecto, se reforzó el seguimiento mensual de la actividad operativa.';

async function ownWorkspaceWithThreeAei() {
  await ficha.startOwnWorkspace();
  await ficha.data.importAoSheet(SHEET);
}

/** The lines of a `pdftotext -layout` text that start with `first` and end with `figures`. */
function rowLines(text, first, figures) {
  return text.split('\n').filter((line) => {
    const cells = line.trim().split(/\s+/);
    return cells[0] === first && cells.slice(-figures.length).join(' ') === figures.join(' ');
  });
}

test('a previous evaluation recommendation linked to an AEI is followed up in that AEI’s section 5 only', async () => {
  await ownWorkspaceWithThreeAei();
  await ficha.recommendations.openRecommendations();
  const done = await ficha.recommendations.addPreviousRecommendation({
    report: REPORT, date: '2026-03-31', number: '1', text: LINKED, aei: 'AEI.02.01', followUp: FOLLOW_UP,
  });
  assert.equal(done, 'Se agregó la recomendación N° 1: la sección 5 de la ficha de la AEI.02.01 la sigue.');
  await ficha.document.openDocument('AEI.02.01');
  const linked = await ficha.document.sectionText(5);
  assert.match(linked, new RegExp(`^En el marco de las recomendaciones brindadas en el ${REPORT}, las cuales se detallan a continuación:`));
  assert.ok(linked.includes(`${LINKED} Estado al 31 de diciembre, 2026: Pendiente.`), linked);
  assert.ok(linked.endsWith(FOLLOW_UP), linked);
  await ficha.document.openDocument('AEI.01.01');
  assert.equal(await ficha.document.sectionText(5), 'No se registran recomendaciones de evaluaciones previas vinculadas a la AEI.01.01.');
});

test('the Informe prints every AEI’s Cuadro 1, the summary table and every annexed ficha, each from a new page', async () => {
  await ownWorkspaceWithThreeAei();
  await ficha.informe.openInforme();
  assert.match(await ficha.text('#informe-document .doc-title'), /^Informe de (evaluación de implementación del POI|Evaluación Institucional) 2026$/);
  assert.deepEqual(await ficha.informe.annexedCodes(), ['AEI.01.01', 'AEI.02.01', 'AEI.03.01']);
  assert.deepEqual(await ficha.tableRows('Cuadro: Resumen de la implementación de las AEI'), [
    ['AEI.01.01', 'GESTION A', ...CUADRO1['AEI.01.01']],
    ['AEI.02.01', 'GESTION B', ...CUADRO1['AEI.02.01']],
    ['AEI.03.01', 'GESTION C', ...CUADRO1['AEI.03.01']],
  ]);
  assert.deepEqual(await ficha.tableRows('Cuadro: Resumen de la implementación de las AEI', 'tfoot'), [['Total', '3', '2', '3,300.00', '75.00']]);
  const resumen = await ficha.informe.partText('resumen');
  assert.ok(resumen.includes('se evaluaron tres (03) Acciones Estratégicas Institucionales (AEI) del Plan Operativo Institucional (POI) 2026, a través de tres (03) actividades operativas con meta física programada y seguimiento aprobado.'), resumen);
  assert.ok(resumen.includes('fue de S/ 3,400.00, de una programación de S/ 3,800.00, lo que representó el 89.5% de avance.'), resumen);
  assert.ok(resumen.includes('La AEI con el mayor promedio de ejecución física ajustado fue la AEI.02.01 “Gestion b” (100%), y la de menor promedio, la AEI.01.01 “Gestion a” (62.5%).'), resumen);

  const pdf = join(scratch, 'informe.pdf');
  await ficha.informe.printPdf(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  assert.ok(text.includes('Resumen ejecutivo') && text.includes('Cuadro: Resumen de la implementación de las AEI'));
  assert.ok(text.includes('Página 1 de '), 'numbered pages');
  for (const [code, figures] of Object.entries(CUADRO1)) {
    // In the summary table, in its subsection of 1.2 and in its annexed ficha.
    assert.equal(rowLines(text, code, figures).length, 3, `${code}: ${rowLines(text, code, figures)}`);
    const title = `Ficha de implementación de la ${code}: GESTION`;
    const page = pages.findIndex((p) => p.includes(title));
    assert.ok(page > 0, `${code}'s annexed ficha`);
    const firstLine = pages[page].split('\n').find((l) => l.trim() !== '').trim();
    assert.ok(firstLine.startsWith('Ficha de implementación'), `${code}'s ficha starts its page: ${firstLine}`);
  }
});

test('the Informe downloads as one .docx with every AEI’s tables, and the fichas as one .docx each in a .zip', async () => {
  await ownWorkspaceWithThreeAei();
  await ficha.informe.openInforme();
  const docx = await ficha.informe.downloadDocx();
  assert.equal(docx.name, 'Informe-2026.docx');
  const xml = unzip(await readFile(docx.path)).get('word/document.xml').toString('utf8');
  const rows = wordTables(xml).flat();
  for (const [code, figures] of Object.entries(CUADRO1)) {
    const cuadro1 = rows.filter((r) => r[0] === code && r.slice(-4).join(' ') === figures.join(' '));
    assert.equal(cuadro1.length, 3, `${code}: summary, 1.2 and the annexed ficha's Cuadro 1`);
    assert.ok(xml.includes(`Ficha de implementación de la ${code}`));
  }
  assert.ok(rows.some((r) => r[0] === 'AOI00000000004: ACTIVIDAD AOI00000000004' || r.includes('AEI.03.01')), 'Cuadro 2 of the third AEI');
  assert.equal(xml.split('<w:pageBreakBefore/>').length - 1, 3);
  const zip = await ficha.informe.downloadZip();
  assert.equal(zip.name, 'Fichas-2026.zip');
  const fichas = unzip(await readFile(zip.path));
  assert.deepEqual([...fichas.keys()], ['Ficha-AEI.01.01-2026.docx', 'Ficha-AEI.02.01-2026.docx', 'Ficha-AEI.03.01-2026.docx']);
  for (const [name, bytes] of fichas) {
    const code = name.slice('Ficha-'.length, -'-2026.docx'.length);
    const body = unzip(bytes).get('word/document.xml').toString('utf8');
    assert.ok(wordTables(body).flat().some((r) => r[0] === code && r.slice(-4).join(' ') === CUADRO1[code].join(' ')), `${name} has its Cuadro 1`);
  }
});

test('“Registrar para el seguimiento” adds the Informe’s recommendations to the register once', async () => {
  await ownWorkspaceWithThreeAei();
  await ficha.informe.openInforme();
  const recommendations = await ficha.informe.partText('3');
  assert.ok(recommendations.includes('de la AEI.01.01 adopten las medidas correctivas'), recommendations);
  const first = await ficha.informe.registerForFollowUp();
  assert.match(first, /^Se registraron tres \(03\) recomendaciones \(N° 1, N° 2, N° 3\) del «Informe de (evaluación de implementación del POI|Evaluación Institucional) anual 2026» en Recomendaciones → Evaluaciones previas/);
  const second = await ficha.informe.registerForFollowUp();
  assert.equal(second, 'Tres (03) recomendaciones de la sección 3 ya estaban en el registro; no se agregó ninguna.');
  await ficha.saved();
  await ficha.recommendations.openRecommendations();
  const texts = await ficha.recommendations.registerTexts();
  assert.equal(texts.length, 3);
  assert.ok(texts[0].startsWith('Se recomienda que las unidades responsables de las actividades operativas de la AEI.01.01'), texts[0]);
  assert.ok(texts[2].startsWith('Se recomienda continuar con el seguimiento mensual'), texts[2]);
});

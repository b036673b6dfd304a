// What the browser keeps and what no tab loses, on the release build: storage persistence, the
// backup reminder, data of a newer build, unreadable data not copied aside, undo after a restore
// and a deleted recommendation, two tabs (their saves, their undo, their view), two deployments on
// one origin and the keys of older builds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, FichaPage } from './pages/app.mjs';

const DIST = process.env.FICHA_DIST ?? new URL('../../dist/', import.meta.url).pathname;
const AO = 'AOI00106600085';
let server, browser;

before(async () => { server = await serve(DIST); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A fresh browser profile; `setUp(context)` runs before the first page opens. */
async function withContext(fn, setUp = async () => {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    await setUp(context);
    const pages = [];
    const tab = async (base = server.url) => {
      const ficha = new FichaPage(await context.newPage(), base);
      pages.push(ficha);
      return ficha;
    };
    await fn({ context, tab });
    for (const ficha of pages) assert.deepEqual(ficha.consoleErrors, []);
  } finally {
    await context.close();
  }
}

async function setEntityName(ficha, name) {
  await ficha.page.fill('#entity-name', name);
  await ficha.page.press('#entity-name', 'Tab');
  await ficha.saved();
}

/** Records `navigator.storage.persist` calls and answers them with `answer`; storage is not kept yet. */
function recordPersist(answer) {
  return (context) => context.addInitScript((kept) => {
    window.persistCalls = 0;
    StorageManager.prototype.persisted = async () => false;
    StorageManager.prototype.persist = async () => { window.persistCalls += 1; return kept; };
  }, answer);
}

const persistCalls = (ficha) => ficha.page.evaluate(() => window.persistCalls);

test('the browser is asked to keep the storage after the first own edit, once per tab, and its answer is shown', async () => {
  await withContext(async ({ tab }) => {
    const ficha = await tab();
    await ficha.open();
    await setEntityName(ficha, 'Editando el ejemplo');
    await ficha.page.click('#start-own');
    await ficha.page.waitForSelector('#open-example');
    await ficha.saved();
    assert.equal(await persistCalls(ficha), 0, 'neither the example nor opening a fresh workspace is an own edit');
    await setEntityName(ficha, 'Mi Unidad Ejecutora');
    await ficha.page.waitForSelector('#storage-kept');
    assert.equal(await ficha.text('#storage-kept p'), 'El navegador conservará sus datos aunque le falte espacio.');
    assert.equal(await persistCalls(ficha), 1);
    await setEntityName(ficha, 'Mi Unidad Ejecutora 2');
    await ficha.reload();
    await setEntityName(ficha, 'Mi Unidad Ejecutora 3');
    assert.equal(await persistCalls(ficha), 0, 'asked once in this tab, not again after a reload');
  }, recordPersist(true));
});

test('a refusal to keep the storage is shown with the advice to download backups', async () => {
  await withContext(async ({ tab }) => {
    const ficha = await tab();
    await ficha.startOwnWorkspace();
    await setEntityName(ficha, 'Mi Unidad Ejecutora');
    await ficha.page.waitForSelector('#storage-kept');
    assert.equal(await ficha.text('#storage-kept p'), 'El navegador podría borrar sus datos si le falta espacio: descargue copias de respaldo.');
    assert.equal(await persistCalls(ficha), 1);
  }, recordPersist(false));
});

/** Today as yyyy-mm-dd, in the page's time zone. */
const isoToday = (ficha) => ficha.page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

test('the backup reminder shows for an own workspace without a backup, goes after downloading one, and follows its setting', async () => {
  await withContext(async ({ tab }) => {
    const ficha = await tab();
    await ficha.open();
    assert.equal(await ficha.page.locator('#backup-reminder').count(), 0, 'not for the example');
    await ficha.page.click('#start-own');
    await ficha.page.waitForSelector('#backup-reminder');
    assert.match(await ficha.text('#backup-reminder p'), /^Aún no ha descargado una copia de respaldo de su espacio de trabajo\./);
    const file = await ficha.downloadFrom('#reminder-download');
    assert.match(file.name, /^ficha-respaldo-\d{4}-\d{2}-\d{2}\.json$/);
    await ficha.page.waitForSelector('#backup-reminder', { state: 'detached' });
    const today = await isoToday(ficha);
    assert.deepEqual(JSON.parse(await ficha.storage(ficha.appKey('backup.own'))), { last_backup: today, remind_after_days: 7 });
    await ficha.reload();
    await ficha.page.waitForSelector('#open-example');
    assert.equal(await ficha.page.locator('#backup-reminder').count(), 0);

    // Ten days later (the browser's clock moved on), that backup is due again.
    await ficha.page.clock.setSystemTime(Date.now() + 10 * 24 * 3600 * 1000);
    await ficha.reload();
    await ficha.page.waitForSelector('#backup-reminder');
    const [y, m, d] = today.split('-');
    assert.equal(await ficha.text('#backup-reminder p'), `Su última copia de respaldo es del ${d}/${m}/${y}, hace 10 días. Descargue una copia nueva y guárdela aparte.`);
    await ficha.go('#/datos', '#backup-remind-days');
    assert.equal(await ficha.text('#backup-last'), `Última copia de respaldo de su espacio de trabajo: ${d}/${m}/${y}.`);
    await ficha.page.fill('#backup-remind-days', '0');
    await ficha.page.press('#backup-remind-days', 'Tab');
    assert.equal(await ficha.text('#backup-remind-error'), '«0» no es un número de días entre 1 y 365.');
    await ficha.page.fill('#backup-remind-days', '30');
    await ficha.page.press('#backup-remind-days', 'Tab');
    await ficha.page.waitForSelector('#backup-reminder', { state: 'detached' });
    await ficha.reload();
    await ficha.page.waitForSelector('#backup-remind-days');
    assert.equal(await ficha.page.inputValue('#backup-remind-days'), '30');
    assert.equal(await ficha.page.locator('#backup-reminder').count(), 0);
  });
});

test('data saved by a newer build opens read-only and is never written over', async () => {
  await withContext(async ({ tab }) => {
    const ficha = await tab();
    await ficha.startOwnWorkspace();
    await setEntityName(ficha, 'UE DE LA VERSIÓN NUEVA');
    const current = JSON.parse(await ficha.stored('own')).version;
    const newer = await ficha.page.evaluate((key) => {
      const doc = JSON.parse(localStorage.getItem(key));
      doc.version += 1;
      doc.workspace.campo_de_la_version_siguiente = { algo: 1 };
      localStorage.setItem(key, JSON.stringify(doc));
      return localStorage.getItem(key);
    }, ficha.slotKey('own'));
    await ficha.reload();
    await ficha.page.waitForSelector('#read-only');
    assert.ok((await ficha.text('#read-only')).startsWith(`Sus datos fueron guardados por una versión más reciente de Ficha (formato ${current + 1}; esta versión lee hasta el ${current}). Se muestran solo para consulta`));
    assert.equal(await ficha.page.inputValue('#entity-name'), 'UE DE LA VERSIÓN NUEVA', 'shown as far as this build reads it');
    await setEntityName(ficha, 'Un cambio que no se guarda');
    assert.match(await ficha.text('#save-error'), /^No se guardan cambios: los datos guardados son de una versión más reciente de Ficha/);
    assert.equal(await ficha.stored('own'), newer);
    await ficha.reload();
    await ficha.page.waitForSelector('#read-only');
    assert.equal(await ficha.stored('own'), newer);
  });
});

test('closing the notice of unreadable data that could not be copied aside does not let a save overwrite it', async () => {
  await withContext(async ({ tab }) => {
    const ficha = await tab();
    await ficha.open();
    const broken = '{"format":"ficha-workspace", roto';
    // Storage full: the unreadable text cannot be copied aside when the app loads it.
    await ficha.page.evaluate(([key, text]) => {
      localStorage.clear();
      localStorage.setItem(key, text);
      const chunk = 'x'.repeat(256 * 1024);
      for (let i = 0; ; i++) { try { localStorage.setItem(`filler.${i}`, chunk); } catch { break; } }
      for (let size = 16 * 1024; size >= 1; size = Math.floor(size / 2)) {
        for (let i = 0; ; i++) { try { localStorage.setItem(`small.${size}.${i}`, 'y'.repeat(size)); } catch { break; } }
      }
    }, [ficha.slotKey('example'), broken]);
    await ficha.reload();
    await ficha.page.waitForSelector('#stored-problem');
    assert.match(await ficha.text('#stored-problem'), /No se pudieron copiar aparte; no se guardará nada encima hasta que los descargue\./);
    await ficha.page.click('#stored-problem button:text("Cerrar")');
    await ficha.page.waitForSelector('#stored-problem', { state: 'detached' });
    // Room again: only the block can stop the save now.
    await ficha.page.evaluate(() => Object.keys(localStorage).filter((k) => /^(filler|small)\./.test(k)).forEach((k) => localStorage.removeItem(k)));
    await setEntityName(ficha, 'Encima de lo ilegible');
    assert.equal(await ficha.text('#save-error p'), 'No se guardan cambios: los datos anteriores no se pudieron leer ni copiar aparte. Descárguelos primero.');
    assert.equal(await ficha.stored('example'), broken);
  });
});

test('a restored backup cannot be undone, as its confirmation says, and undo keeps it', async () => {
  await withContext(async ({ tab }) => {
    const ficha = await tab();
    await ficha.startOwnWorkspace();
    await setEntityName(ficha, 'UE DEL RESPALDO');
    await ficha.go('#/datos', '#backup-download');
    const backup = await ficha.downloadFrom('#backup-download');
    await ficha.go('#/', '#entity-name');
    await setEntityName(ficha, 'UE DESPUÉS DEL RESPALDO');
    assert.equal(await ficha.page.isEnabled('#undo'), true);
    await ficha.go('#/datos', '#backup-file');
    await ficha.data.chooseBackup(backup.path);
    assert.match(await ficha.text('#restore-confirm p'), /Esto no se puede deshacer: «Deshacer» no vuelve a lo que había antes de restaurar/);
    await ficha.page.click('#confirm-restore');
    await ficha.page.waitForSelector('#restore-done');
    await ficha.page.waitForSelector('#undo:disabled');
    await ficha.page.locator('h1').click();
    await ficha.page.keyboard.press('Control+z');
    await ficha.go('#/', '#entity-name');
    assert.equal(await ficha.page.inputValue('#entity-name'), 'UE DEL RESPALDO');
    assert.equal(JSON.parse(await ficha.stored('own')).workspace.entity.name, 'UE DEL RESPALDO');
  });
});

test('deleting a recommendation asks first, in the page, and Deshacer brings it back', async () => {
  await withContext(async ({ tab }) => {
    const ficha = await tab();
    let dialogs = 0;
    ficha.page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
    await ficha.startOwnWorkspace();
    await ficha.recommendations.openRecommendations();
    const report = '007-2024-OCI/0191';
    await ficha.recommendations.addControlReport({ number: report, title: 'Auditoría de cumplimiento', service: 'Auditoría de cumplimiento', origin: 'OCI', issued: '2024-01-10', received: '2024-01-12' });
    for (const [number, text] of [['1', 'Aprobar la directiva'], ['2', 'Capacitar al personal']]) {
      await ficha.recommendations.addControlRecommendation({ report, number, text, unit: 'Oficina de Administración' });
    }
    const numbers = async () => (await ficha.tableRows('Registro de recomendaciones')).map((cells) => cells[3]);
    await ficha.recommendations.openRecommendation(report, '2');
    await ficha.page.click('#detail-remove');
    assert.match(await ficha.text('#confirm-remove'), /¿Eliminar esta recomendación del registro\? Podrá recuperarla con «Deshacer»/);
    await ficha.page.click('#confirm-remove-no');
    await ficha.page.click('#detail-remove');
    await ficha.page.click('#confirm-remove-yes');
    await ficha.recommendations.recoTab('register');
    assert.deepEqual(await numbers(), ['1']);
    await ficha.undo();
    await ficha.page.waitForFunction(() => document.querySelectorAll('#register-table tbody tr').length === 2);
    assert.deepEqual(await numbers(), ['1', '2']);
    const stored = JSON.parse(await ficha.stored('own')).workspace.recommendations.recommendations;
    assert.deepEqual(stored.map((r) => [r.number, r.text]), [['1', 'Aprobar la directiva'], ['2', 'Capacitar al personal']]);
    assert.equal(dialogs, 0, 'no window.confirm');
  });
});

test('two tabs: the edit of one arrives in the other, and Ctrl+Z there does not undo it', async () => {
  await withContext(async ({ tab }) => {
    const a = await tab();
    const b = await tab();
    await a.aei.openAei('AEI.08.05');
    await b.aei.openAei('AEI.08.05');
    await b.aei.setMonthly(AO, 3, 12, '500');
    await b.saved();
    await a.page.waitForSelector('#info-notice');
    await a.aei.setMonthly(AO, 1, 12, '0');
    await a.saved();
    await b.page.waitForFunction(() => document.querySelector('#cuadro1 tbody tr td:nth-child(4)')?.textContent === '0');
    assert.equal(await b.page.isDisabled('#undo'), true, 'B\'s own earlier edit is not undone over A\'s');
    await b.page.locator('h1').click();
    await b.page.keyboard.press('Control+z');
    await b.saved();
    assert.deepEqual((await b.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '18,000.00', '0.00']);
    await a.reload();
    await a.page.waitForSelector('#cuadro1');
    assert.deepEqual((await a.tableRows('Cuadro 1'))[0].slice(2), ['1', '0', '18,000.00', '0.00']);
  });
});

test('two tabs saving the same revision is a conflict, not ignored', async () => {
  await withContext(async ({ tab }) => {
    const a = await tab();
    const b = await tab();
    await a.open();
    await b.open();
    await setEntityName(a, 'Guardado por A');
    await b.page.waitForSelector('#info-notice');
    // B saves at the same moment, from the same copy: the same revision, another writer.
    const fromB = await b.page.evaluate((key) => {
      const doc = JSON.parse(localStorage.getItem(key));
      doc.writer = 'otra-pestana';
      doc.workspace.entity.name = 'Guardado por B a la vez';
      localStorage.setItem(key, JSON.stringify(doc));
      return localStorage.getItem(key);
    }, b.slotKey('example'));
    await a.page.waitForSelector('#tab-conflict');
    assert.match(await a.text('#tab-conflict'), /Otra pestaña guardó cambios más recientes en este espacio de trabajo, o guardó al mismo tiempo que esta/);
    await setEntityName(a, 'Un cambio más de A');
    assert.equal(await a.stored('example'), fromB, 'A does not overwrite it');
    await a.page.click('#reload-latest');
    await a.page.waitForSelector('#tab-conflict', { state: 'detached' });
    assert.equal(await a.page.inputValue('#entity-name'), 'Guardado por B a la vez');
  });
});

test('the period chosen in one tab does not change the other tab\'s, and survives a reload', async () => {
  await withContext(async ({ tab }) => {
    const a = await tab();
    const b = await tab();
    await a.open();
    await b.open();
    await a.choosePeriod('I Semestre');
    await setEntityName(a, 'Con el semestre elegido en A');
    await b.page.waitForFunction(() => document.querySelector('#entity-name')?.value === 'Con el semestre elegido en A');
    assert.equal(await b.page.inputValue('#select-period'), 'anual');
    await a.reload();
    assert.equal(await a.page.inputValue('#select-period'), 'semestre');
    await a.aei.openAei('AEI.08.05');
    assert.match(await a.tableCaption('Tabla 3'), /al primer semestre 2023$/);
    await b.reload();
    assert.equal(await b.page.inputValue('#select-period'), 'anual');
    assert.equal(JSON.parse(await a.stored('example')).workspace.selection, undefined, 'the view is not stored in the workspace');
  });
});

test('two deployments on one origin keep separate data', async () => {
  const both = await serve(DIST, ['/fichas/', '/pruebas/']);
  try {
    await withContext(async ({ tab }) => {
      const fichas = await tab(`${both.origin}/fichas/`);
      const pruebas = await tab(`${both.origin}/pruebas/`);
      await fichas.startOwnWorkspace();
      await setEntityName(fichas, 'UE de /fichas/');
      await pruebas.open();
      assert.equal(await pruebas.page.locator('#start-own').textContent(), 'Empezar mi espacio de trabajo', 'the other deployment has no own workspace');
      await pruebas.page.click('#start-own');
      await pruebas.page.waitForSelector('#open-example');
      assert.equal(await pruebas.page.inputValue('#entity-name'), '');
      await setEntityName(pruebas, 'UE de /pruebas/');
      await fichas.reload();
      assert.equal(await fichas.page.inputValue('#entity-name'), 'UE de /fichas/');
      assert.equal(JSON.parse(await fichas.storage('/fichas/ficha.workspace.own')).workspace.entity.name, 'UE de /fichas/');
      assert.equal(JSON.parse(await pruebas.storage('/pruebas/ficha.workspace.own')).workspace.entity.name, 'UE de /pruebas/');
    });
  } finally {
    await both.close();
  }
});

test('data under the unscoped keys of an older build is adopted, and its stored view becomes the tab\'s', async () => {
  await withContext(async ({ tab }) => {
    const ficha = await tab();
    await ficha.startOwnWorkspace();
    await setEntityName(ficha, 'UE guardada por la versión anterior');
    const current = JSON.parse(await ficha.stored('own')).version;
    // As an older build left it: format 1 with the view inside, under the unscoped keys.
    await ficha.page.evaluate(([own, active]) => {
      const doc = JSON.parse(localStorage.getItem(own));
      doc.version = 1;
      delete doc.writer;
      doc.workspace.selection = { year: doc.workspace.years[0].year, version: null, period: 'FirstHalf' };
      localStorage.clear();
      sessionStorage.clear();
      localStorage.setItem('ficha.workspace.own', JSON.stringify(doc));
      localStorage.setItem('ficha.active', 'own');
    }, [ficha.slotKey('own'), ficha.appKey('active')]);
    await ficha.reload();
    await ficha.page.waitForSelector('#open-example');
    assert.equal(await ficha.page.inputValue('#entity-name'), 'UE guardada por la versión anterior');
    assert.equal(await ficha.page.inputValue('#select-period'), 'semestre');
    const keys = await ficha.storageKeys();
    assert.ok(keys.includes(ficha.slotKey('own')) && keys.includes(ficha.appKey('active')), keys.join(', '));
    assert.ok(!keys.includes('ficha.workspace.own') && !keys.includes('ficha.active'), keys.join(', '));
    await setEntityName(ficha, 'UE guardada por esta versión');
    const stored = JSON.parse(await ficha.stored('own'));
    assert.equal(stored.version, current, 'written again in this build\'s format');
    assert.equal(stored.workspace.selection, undefined);
    await ficha.reload();
    assert.equal(await ficha.page.inputValue('#select-period'), 'semestre', 'the tab keeps its view');
  });
});

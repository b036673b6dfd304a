// Page object: names what a planner sees and does in the app, so specs read like their steps.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches Debian's Chromium headless; nothing is downloaded. */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** Runs `fn` with the app at `url` in a fresh browser profile (empty storage, downloads kept); the page must log no error. */
export async function inFreshProfile(browser, url, fn) {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const ficha = new FichaPage(await context.newPage(), url);
    await fn(ficha);
    assert.deepEqual(ficha.consoleErrors, []);
  } finally {
    await context.close();
  }
}

export class FichaPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  async open(hash = '#/') {
    await this.page.goto(this.baseUrl + hash);
    await this.page.waitForSelector('.app-header');
  }

  async openAei(code) {
    await this.open(`#/aei/${code}`);
    await this.page.waitForSelector('#cuadro1');
  }

  async reload() {
    await this.page.reload();
    await this.page.waitForSelector('.app-header');
  }

  /** The cell texts of the table whose caption starts with `captionStart`, body and foot rows. */
  async tableRows(captionStart, section = 'tbody') {
    return this.page.evaluate(([start, sec]) => {
      const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent.trim().startsWith(start));
      if (!table) return null;
      return [...table.querySelectorAll(`${sec} tr`)].map((tr) => [...tr.cells].map((c) => c.textContent.trim()));
    }, [captionStart, section]);
  }

  async tableCaption(captionStart) {
    return this.page.evaluate((start) => [...document.querySelectorAll('caption')].map((c) => c.textContent.trim()).find((t) => t.startsWith(start)) ?? null, captionStart);
  }

  /** Types into the monthly grid of an AO (series 0–3: prog. física, ejec. física, prog. financiera, ejec. financiera). */
  async setMonthly(aoCode, series, month, value) {
    const cell = this.page.locator(`table.grid[data-ao="${aoCode}"] input[data-series="${series}"][data-month="${month}"]`);
    await cell.fill(value);
    await cell.press('Tab');
  }

  async monthlyValue(aoCode, series, month) {
    return this.page.locator(`table.grid[data-ao="${aoCode}"] input[data-series="${series}"][data-month="${month}"]`).inputValue();
  }

  async choosePeriod(label) {
    await this.page.selectOption('#select-period', { label });
  }

  async chooseVersion(labelStart) {
    const value = await this.page.$eval('#select-version', (s, start) => [...s.options].find((o) => o.text.startsWith(start))?.value, labelStart);
    await this.page.selectOption('#select-version', value);
  }

  /** The app saves as its next task after a change: waits for a scheduled save to be written. */
  async saved() {
    await this.page.waitForFunction(() => !document.documentElement.hasAttribute('data-save-pending'));
  }

  /** The localStorage key of a workspace slot ('example' or 'own'): scoped to the directory the app is served from. */
  slotKey(slot) {
    return `${this.scope()}ficha.workspace.${slot}`;
  }

  /** Any other key of the app ('active', 'rescued.' …), within the same scope. */
  appKey(name) {
    return `${this.scope()}ficha.${name}`;
  }

  scope() {
    return new URL(this.baseUrl).pathname.replace(/[^/]*$/, '');
  }

  /** What the slot holds in localStorage, once any scheduled save is written. */
  async stored(slot) {
    return this.storage(this.slotKey(slot));
  }

  /** Stores a document in a slot and makes it the open one, for the next load. */
  async seed(slot, doc) {
    await this.page.evaluate(([key, active, d, s]) => { localStorage.setItem(key, d); localStorage.setItem(active, s); },
      [this.slotKey(slot), this.appKey('active'), doc, slot]);
  }

  async storage(key) {
    await this.saved();
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  async storageKeys() {
    return this.page.evaluate(() => Object.keys(localStorage));
  }

  async text(selector) {
    return (await this.page.textContent(selector))?.trim();
  }

  // Editing the POI by hand (structure, monthly grid, versions, undo).

  /** Opens the user's own (empty) workspace from the example. */
  async startOwnWorkspace() {
    await this.open();
    await this.page.click('#start-own');
    await this.page.waitForSelector('#open-example');
  }

  /** Moves to another page in the same document, as the header links do: undo history is kept. */
  async go(hash, selector) {
    await this.page.evaluate((h) => { location.hash = h; }, hash);
    if (selector) await this.page.waitForSelector(selector);
  }

  async goStructure() { await this.go('#/estructura', '#ao-save'); }

  async goVersions() { await this.go('#/versiones', '#new-version'); }

  async goAei(code) { await this.go(`#/aei/${code}`, '#cuadro1'); }

  async addAei({ code, name, indicator = '', unit = '', baseline = '', expected = '', noGoal = false }) {
    await this.page.fill('#aei-code', code);
    await this.page.fill('#aei-name', name);
    await this.page.fill('#aei-indicator', indicator);
    await this.page.fill('#aei-unit', unit);
    await this.page.fill('#aei-baseline', baseline);
    await this.page.fill('#aei-expected', expected);
    await this.page.setChecked('#aei-no-goal', noGoal);
    await this.page.click('#aei-save');
  }

  async addCostCenter(code, name) {
    await this.page.fill('#cc-code', code);
    await this.page.fill('#cc-name', name);
    await this.page.click('#cc-save');
  }

  async addActivity({ code, name, unit, aei, cc, approved = true }) {
    await this.page.fill('#ao-code', code);
    await this.page.fill('#ao-name', name);
    await this.page.fill('#ao-unit', unit);
    await this.page.selectOption('#ao-aei', aei);
    await this.page.selectOption('#ao-cc', cc);
    await this.page.setChecked('#ao-approved', approved);
    await this.page.click('#ao-save');
  }

  /** The messages under the structure forms. */
  async formErrors() {
    return this.page.$$eval('fieldset.edit-form ul.errors li', (items) => items.map((li) => li.textContent.trim()));
  }

  /** Clicks Eliminar on the row with that code of a structure table (#aei-table, #cc-table, #ao-table …). */
  async deleteRow(tableId, code) {
    await this.page.click(`#${tableId} tr[data-code="${code}"] button.delete`);
  }

  cell(aoCode, series, month) {
    return this.page.locator(`table.grid[data-ao="${aoCode}"] input[data-series="${series}"][data-month="${month}"]`);
  }

  /** Pastes text as Excel puts it on the clipboard (tab-separated, one line per row) at a grid cell. */
  async pasteAt(aoCode, series, month, text) {
    await this.pasteInto(this.cell(aoCode, series, month), text);
  }

  /** Pastes text as Excel puts it on the clipboard into any cell (a locator). */
  async pasteInto(cell, text) {
    await cell.focus();
    await cell.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** The reasons listed after a refused paste into the AO's grid. */
  async pasteErrors(aoCode) {
    return this.page.$$eval(`.grid-wrap:has(table.grid[data-ao="${aoCode}"]) .paste-errors li`, (items) => items.map((li) => li.textContent.trim()));
  }

  /** [annual total, % avance] of each of the grid's four rows. */
  async gridTotals(aoCode) {
    return this.page.$$eval(`table.grid[data-ao="${aoCode}"] tbody tr`, (rows) => rows.map((tr) => [
      tr.querySelector('td.total').textContent.trim(), tr.querySelector('td.progress').textContent.trim()]));
  }

  /** [series, month] of the focused grid cell. */
  async focusedCell() {
    return this.page.evaluate(() => [Number(document.activeElement.dataset.series), Number(document.activeElement.dataset.month)]);
  }

  async undo() { await this.page.click('#undo'); }

  async redo() { await this.page.click('#redo'); }

  /** "Nueva modificación del POI" with its resolution and reason. */
  async newVersion({ kind, number, date, reason }) {
    await this.page.click('#new-version');
    await this.page.fill('#version-kind', kind);
    await this.page.fill('#version-number', number);
    await this.page.fill('#version-date', date);
    await this.page.fill('#version-reason', reason);
    await this.page.click('#version-save');
    await this.page.waitForSelector('#version-created');
  }

  async compareVersions(fromLabel, toLabel) {
    await this.page.selectOption('#compare-from', { label: fromLabel });
    await this.page.selectOption('#compare-to', { label: toLabel });
  }

  // --- The ficha as a document -------------------------------------------------------------

  async openDocument(code) {
    await this.open(`#/documento/${code}`);
    await this.page.waitForSelector('#ficha-document');
  }

  /** From the AEI page, by its link. */
  async openDocumentFromAei() {
    await this.page.click('#open-document');
    await this.page.waitForSelector('#ficha-document');
  }

  section(number) {
    return this.page.locator(`section.doc-section[data-section="${number}"]`);
  }

  /** The section's text as it prints (the user's edit, or the draft). */
  async sectionText(number) {
    return (await this.section(number).locator('.section-text').textContent()).trim();
  }

  /** Opens the section's editor and returns the text it holds. */
  async startEditing(number) {
    await this.section(number).locator('button.edit-section').click();
    return this.section(number).locator('textarea.section-editor').inputValue();
  }

  /** Rewrites the section: `change` receives the text in the editor and returns the new one. */
  async editSection(number, change) {
    const text = await this.startEditing(number);
    await this.section(number).locator('textarea.section-editor').fill(change(text));
    await this.section(number).locator('button.save-section').click();
    await this.section(number).locator('.section-text').waitFor();
  }

  staleNotice(number) {
    return this.section(number).locator('.stale-notice');
  }

  async newDraftText(number) {
    return (await this.section(number).locator('aside.new-draft').textContent()).trim();
  }

  async keepMyText(number) {
    await this.section(number).locator('button.keep-mine').click();
  }

  async takeNewDraft(number) {
    await this.section(number).locator('button.take-draft').click();
  }

  /** Prints the open document as headless Chromium's "Guardar como PDF" would, to `path`. */
  async printPdf(path) {
    await this.page.emulateMedia({ media: 'print' });
    await this.page.pdf({ path, preferCSSPageSize: true });
    await this.page.emulateMedia({ media: 'screen' });
  }

  /** Clicks "Descargar Word (.docx)"; returns the suggested file name and where the file was saved. */
  async downloadDocx() {
    const download = this.page.waitForEvent('download');
    await this.page.click('#download-docx');
    const file = await download;
    return { name: file.suggestedFilename(), path: await file.path() };
  }

  /** Test set-up: stores `count` more AO of the AEI in the open example's evaluated version, then reloads. */
  async storeExtraActivities(aeiCode, count) {
    await this.page.evaluate(([key, aei, n]) => {
      const stored = JSON.parse(localStorage.getItem(key));
      const versions = stored.workspace.years[0].poi.versions;
      const version = versions[versions.length - 1];
      const model = version.activities.find((a) => a.aei_code === aei);
      for (let i = 1; i <= n; i++) {
        const code = `AOI9${String(i).padStart(9, '0')}`;
        version.activities.push({ ...model, code, name: `ACTIVIDAD DE PRUEBA ${String(i).padStart(2, '0')} CON UN NOMBRE LARGO QUE OCUPA DOS LÍNEAS EN LA TABLA` });
      }
      stored.revision += 1;
      localStorage.setItem(key, JSON.stringify(stored));
    }, [this.slotKey('example'), aeiCode, count]);
    await this.reload();
  }

  // --- Modelo de Integridad ----------------------------------------------------------------

  async openIntegrity() {
    await this.open('#/integridad');
    await this.page.waitForSelector('#icp-by-year');
  }

  stage(number) {
    return this.page.locator(`#integrity-stages tr[data-stage="${number}"]`);
  }

  /** Types a stage's score (empty: not evaluated) and leaves the cell. */
  async setStageScore(number, value) {
    const cell = this.stage(number).locator('input.stage-score');
    await cell.fill(value);
    await cell.press('Tab');
  }

  async setStageName(number, name) {
    const cell = this.stage(number).locator('input.stage-name');
    await cell.fill(name);
    await cell.press('Tab');
  }

  /** Name, score, cumulative, "Apto desde", Apto: as the stage's row shows them. */
  async stageRow(number) {
    const row = this.stage(number);
    return [
      await row.locator('input.stage-name').inputValue(),
      await row.locator('input.stage-score').inputValue(),
      (await row.locator('td.cumulative').textContent()).trim(),
      (await row.locator('td.threshold').textContent()).trim(),
      (await row.locator('td.apto').textContent()).trim(),
    ];
  }

  async setIntegrityCount(id, value) {
    await this.page.fill(`#${id}`, value);
    await this.page.press(`#${id}`, 'Tab');
  }

  // --- Recomendaciones ----------------------------------------------------------------------

  async openRecommendations() {
    await this.open('#/recomendaciones');
    await this.page.waitForSelector('#reco-as-of');
  }

  /** Opens a part of the page: dashboard, register, reports, previous, settings or import. */
  async recoTab(name) {
    await this.page.click(`#tab-${name}`);
  }

  /** Registers a control report with the form of "Informes de control". */
  async addControlReport({ number, title = '', service = '', origin = 'OCI', issued, received }) {
    await this.recoTab('reports');
    await this.page.fill('#report-number', number);
    await this.page.fill('#report-title', title);
    await this.page.fill('#report-service', service);
    await this.page.selectOption('#report-origin', origin);
    await this.page.fill('#report-issued', issued);
    await this.page.fill('#report-received', received);
    await this.page.click('#report-add');
  }

  /** Adds a recommendation to a registered control report. */
  async addControlRecommendation({ report, number, text, type = 'Mejora de la gestión', unit = '', officer = '' }) {
    await this.recoTab('reports');
    await this.page.selectOption('#rec-report', report);
    await this.page.fill('#rec-number', number);
    await this.page.fill('#rec-text', text);
    await this.page.selectOption('#rec-type', { label: type });
    await this.page.fill('#rec-unit', unit);
    await this.page.fill('#rec-officer', officer);
    await this.page.click('#rec-add');
  }

  /** Opens the detail of recommendation `number` of `report` from the register. */
  async openRecommendation(report, number) {
    await this.recoTab('register');
    const row = this.page.locator('#register-table tbody tr').filter({ has: this.page.locator('td:nth-child(2)', { hasText: report }) })
      .filter({ has: this.page.locator('td:nth-child(4)', { hasText: new RegExp(`^${number}$`) }) });
    await row.locator('button.open-detail').click();
    await this.page.waitForSelector('#reco-detail');
  }

  async closeRecommendation() {
    await this.page.click('#detail-back');
  }

  /** Adds an action to the open recommendation's action plan. */
  async addAction({ description, responsible = '', start = '', deadline }) {
    await this.page.fill('#action-description', description);
    await this.page.fill('#action-responsible', responsible);
    await this.page.fill('#action-start', start);
    await this.page.fill('#action-deadline', deadline);
    await this.page.click('#action-add');
  }

  /** Appends a status change to the open recommendation's history. */
  async changeStatus({ date, status, note = '', evidence = '', recordedBy = '', verifiedBy = '' }) {
    await this.page.fill('#status-date', date);
    await this.page.selectOption('#status-status', { label: status });
    await this.page.fill('#status-note', note);
    await this.page.fill('#status-evidence', evidence);
    await this.page.fill('#status-recorded-by', recordedBy);
    await this.page.fill('#status-verified-by', verifiedBy);
    await this.page.click('#status-add');
  }

  /** Sets the "fecha de corte" every figure is computed as of. */
  async setAsOf(date) {
    await this.page.fill('#reco-as-of', date);
    await this.page.dispatchEvent('#reco-as-of', 'change');
  }

  /** The message a form shows at `#id` (empty when none). */
  async formMessage(id) {
    return (await this.page.textContent(`#${id}`))?.trim() ?? '';
  }

  /** Test set-up: copies the first recommendation of the open own workspace until there are `count`, then reloads. */
  async storeCopiesOfFirstRecommendation(count) {
    await this.saved();
    await this.page.evaluate(([key, n]) => {
      const stored = JSON.parse(localStorage.getItem(key));
      const list = stored.workspace.recommendations.recommendations;
      for (let i = list.length + 1; i <= n; i++) list.push({ ...list[0], id: i, number: String(i) });
      stored.revision += 1;
      localStorage.setItem(key, JSON.stringify(stored));
    }, [this.slotKey('own'), count]);
    await this.reload();
    await this.page.waitForSelector('#reco-as-of');
  }

  /** Chooses a CSV file with `content` in the import of recommendations. */
  async importRecommendations(content) {
    await this.recoTab('import');
    await this.page.setInputFiles('#reco-import-file', { name: 'recomendaciones.csv', mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }

  /** The preview of the chosen recommendations file: its summary line and first rows. */
  async recommendationsPreview() {
    await this.page.waitForSelector('#reco-import-preview');
    return { summary: await this.text('#reco-import-summary'), rows: await this.tableRows('Primeras filas del archivo') };
  }

  /** Confirms the previewed recommendations import; returns the completion message. */
  async confirmRecommendationsImport() {
    await this.page.click('#reco-import-confirm');
    await this.page.waitForFunction(() => document.querySelector('#reco-import-done')?.textContent.trim());
    return this.formMessage('reco-import-done');
  }

  // Importar / Exportar (#/datos): the AO sheet, table downloads, the workspace backup.

  async openData() {
    await this.open('#/datos');
    await this.page.waitForSelector('#ao-file');
  }

  /** Sets a file input and waits for a new element matching `outcome` (not the one a previous file left). */
  async chooseFile(input, file, outcome) {
    const previous = await this.page.$(outcome);
    const previousText = previous ? await previous.textContent() : null;
    await this.page.setInputFiles(input, file);
    // A new element, or the same element showing another outcome (the renderer may patch in place).
    await this.page.waitForFunction(([selector, old, oldText]) => {
      const now = document.querySelector(selector);
      return now && (now !== old || now.textContent !== oldText);
    }, [outcome, previous, previousText], { timeout: 60_000 });
  }

  /** Chooses an AO sheet file (a path or { name, mimeType, buffer }) and waits for its preview or its errors. */
  async chooseAoFile(file) {
    await this.chooseFile('#ao-file', file, '#import-preview, #import-errors');
  }

  /** The preview's lines: [what, how many]. */
  async importPreview() {
    return (await this.tableRows('Vista previa de la importación')).map((cells) => cells.slice(0, 2));
  }

  /** Every error listed for a refused file. */
  async importErrors() {
    return this.page.$$eval('#import-errors ul.errors li', (items) => items.map((li) => li.textContent.trim()));
  }

  /** Confirms the previewed import; returns the completion message. */
  async confirmImport() {
    await this.page.click('#confirm-import');
    await this.page.waitForSelector('#import-done', { timeout: 60_000 });
    return this.text('#import-done');
  }

  /** Clicks the button at `selector` and returns the file it downloads: { name, path }. */
  async downloadFrom(selector) {
    const download = this.page.waitForEvent('download');
    await this.page.click(selector);
    const file = await download;
    return { name: file.suggestedFilename(), path: await file.path() };
  }

  /** Chooses a backup file to restore and waits for the comparison or the refusal. */
  async chooseBackup(file) {
    await this.chooseFile('#backup-file', file, '#restore-confirm, #restore-error');
  }

  // Inversiones (Estructura) and correcting the latest version's resolution (Versiones).

  /** Fills the inversión form, AEI and CC picked from their lists, and saves it (adds, or saves the edit). */
  async saveInvestment({ cui, name, unit, aei, cc, approved = true }) {
    await this.page.fill('#inv-cui', cui);
    await this.page.fill('#inv-name', name);
    await this.page.fill('#inv-unit', unit);
    await this.page.selectOption('#inv-aei', aei);
    await this.page.selectOption('#inv-cc', cc);
    await this.page.setChecked('#inv-approved', approved);
    await this.page.click('#inv-save');
  }

  /** Clicks Editar on the row with that code of a structure table (#inv-table, #ao-table …). */
  async editRow(tableId, code) {
    await this.page.click(`#${tableId} tr[data-code="${code}"] button.edit`);
  }

  /** The messages shown at the form field whose input has that id. */
  async fieldErrors(inputId) {
    return this.page.$$eval(`label:has(#${inputId}) ul.field-errors li`, (items) => items.map((li) => li.textContent.trim()));
  }

  /** Opens "Corregir resolución" of the latest version, changes the given fields and saves. */
  async correctLatestResolution(changes) {
    await this.page.click('#correct-version');
    for (const [field, value] of Object.entries(changes)) await this.page.fill(`#fix-${field}`, value);
    await this.page.click('#fix-save');
  }

  /** How many buttons the versions table offers on the row of version `number`. */
  async versionRowButtons(number) {
    return this.page.locator(`#versions tr[data-version="${number}"] button`).count();
  }
}

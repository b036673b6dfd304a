// Recomendaciones: the registers of control reports and previous evaluations, the detail of one,
// the dashboard as of a date, settings, and the import of a register file.
export class RecommendationsPage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  async openRecommendations() {
    await this.app.open('#/recomendaciones');
    await this.page.waitForSelector('#reco-as-of');
  }

  /** Opens a part of the page: dashboard, register, reports, previous, settings or import. */
  async recoTab(name) {
    await this.page.click(`#tab-${name}`);
  }

  /** Adds a recommendation of a previous evaluation with its follow-up, linked to `aei` ('' for the whole entity). */
  async addPreviousRecommendation({ report, date, number, text, aei = '', followUp = '' }) {
    await this.recoTab('previous');
    await this.page.fill('#prev-report', report);
    await this.page.fill('#prev-date', date);
    await this.page.fill('#prev-number', number);
    await this.page.fill('#prev-text', text);
    await this.page.selectOption('#prev-aei', aei);
    await this.page.fill('#prev-follow-up', followUp);
    await this.page.click('#prev-add');
    await this.page.waitForFunction(() => document.querySelector('#prev-done, #prev-error') && (document.querySelector('#prev-done').textContent.trim() || document.querySelector('#prev-error').textContent.trim()));
    return this.app.formMessage('prev-done');
  }

  /** The texts of the register's listed recommendations, in order. */
  async registerTexts() {
    await this.recoTab('register');
    await this.page.waitForSelector('#register-table');
    return this.page.$$eval('#register-table tbody .reco-text', (all) => all.map((t) => t.textContent.trim()));
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

  /** Chooses a CSV file with `content` in the import of recommendations. */
  async importRecommendations(content) {
    await this.recoTab('import');
    await this.page.setInputFiles('#reco-import-file', { name: 'recomendaciones.csv', mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }

  /** The preview of the chosen recommendations file: its summary line and first rows. */
  async recommendationsPreview() {
    await this.page.waitForSelector('#reco-import-preview');
    return { summary: await this.app.text('#reco-import-summary'), rows: await this.app.tableRows('Primeras filas del archivo') };
  }

  /** Confirms the previewed recommendations import; returns the completion message. */
  async confirmRecommendationsImport() {
    await this.page.click('#reco-import-confirm');
    await this.page.waitForFunction(() => document.querySelector('#reco-import-done')?.textContent.trim());
    return this.app.formMessage('reco-import-done');
  }
}

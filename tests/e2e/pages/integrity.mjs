// Integridad: the stages of the Modelo de Integridad, their scores and the ICP, per year.
export class IntegrityPage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  async openIntegrity() {
    await this.app.open('#/integridad');
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
}

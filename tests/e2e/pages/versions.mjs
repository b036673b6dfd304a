// Versiones: new modifications of the POI, the correction of the latest resolution, two versions compared.
export class VersionsPage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  async goVersions() { await this.app.go('#/versiones', '#new-version'); }

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

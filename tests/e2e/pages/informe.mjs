// The Informe de evaluación: its parts and their editor, the annexed fichas, print, Word, the .zip
// of fichas, and "Registrar para el seguimiento".
export class InformePage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  /** From the header's link, as a planner opens it. */
  async openInforme() {
    await this.page.click('.app-header nav a[href="#/informe"]');
    await this.page.waitForSelector('#informe-document');
  }

  part(key) {
    return this.page.locator(`#informe-document section.informe-part[data-part="${key}"]`);
  }

  /** A part's text as it prints. */
  async partText(key) {
    return (await this.part(key).locator('.section-text').textContent()).trim();
  }

  /** The AEI codes of the annexed fichas, in order. */
  async annexedCodes() {
    return this.page.$$eval('#informe-document .annexed-ficha', (all) => all.map((a) => a.dataset.aei));
  }

  /** Clicks "Registrar para el seguimiento" and returns what the page says it registered. */
  async registerForFollowUp() {
    const before = await this.app.formMessage('register-done');
    await this.page.click('#register-follow-up');
    await this.page.waitForFunction((b) => document.querySelector('#register-done').textContent.trim() !== b || b === '', before);
    await this.page.waitForFunction(() => document.querySelector('#register-done').textContent.trim() !== '');
    return this.app.formMessage('register-done');
  }

  async printPdf(path) {
    await this.page.emulateMedia({ media: 'print' });
    await this.page.pdf({ path, preferCSSPageSize: true });
    await this.page.emulateMedia({ media: 'screen' });
  }

  async downloadDocx() {
    return this.app.downloadFrom('#download-informe-docx');
  }

  async downloadZip() {
    return this.app.downloadFrom('#download-fichas-zip');
  }
}

// The ficha as a document: its sections, their editor and stale edits, print and Word.
export class DocumentPage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  async openDocument(code) {
    await this.app.open(`#/documento/${code}`);
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
    return this.app.downloadFrom('#download-docx');
  }
}

// Estructura: entity, AEI, centros de costo, AO and inversiones added, edited and deleted by hand.
export class StructurePage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  async goStructure() { await this.app.go('#/estructura', '#ao-save'); }

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

  /** The messages under the structure forms. */
  async formErrors() {
    return this.page.$$eval('fieldset.edit-form ul.errors li', (items) => items.map((li) => li.textContent.trim()));
  }

  /** The messages shown at the form field whose input has that id. */
  async fieldErrors(inputId) {
    return this.page.$$eval(`label:has(#${inputId}) ul.field-errors li`, (items) => items.map((li) => li.textContent.trim()));
  }

  /** Clicks Eliminar on the row with that code of a structure table (#aei-table, #cc-table, #ao-table …). */
  async deleteRow(tableId, code) {
    await this.page.click(`#${tableId} tr[data-code="${code}"] button.delete`);
  }

  /** Clicks Editar on the row with that code of a structure table (#inv-table, #ao-table …). */
  async editRow(tableId, code) {
    await this.page.click(`#${tableId} tr[data-code="${code}"] button.edit`);
  }
}

// The AEI page: its tables, the monthly grid of each AO (typing, pasting, totals, keys) and the AEI sheet.
export class AeiPage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  async openAei(code) {
    await this.app.open(`#/aei/${code}`);
    await this.page.waitForSelector('#cuadro1');
  }

  async goAei(code) { await this.app.go(`#/aei/${code}`, '#cuadro1'); }

  /**
   * The cell texts of one body row (0-based) of a table of the page, which may show only the rows in
   * its box's view: the box is scrolled to the row, as a reader walking the table reaches it, and
   * the row is found by its `aria-rowindex`. A negative `index` counts from the end.
   */
  async tableRow(captionStart, index) {
    return this.page.evaluate(async ([start, wanted]) => {
      const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent.trim().startsWith(start));
      const cells = (tr) => [...tr.cells].map((c) => c.textContent.trim());
      const body = () => [...table.tBodies[0].rows].filter((tr) => !tr.classList.contains('spacer'));
      if (!table.hasAttribute('aria-rowcount')) return cells(body().at(wanted));
      const head = table.tHead.rows.length;
      const count = Number(table.getAttribute('aria-rowcount')) - head - (table.tFoot?.rows.length ?? 0);
      const row = wanted < 0 ? count + wanted : wanted;
      const box = table.closest('.table-window');
      const first = body()[0];
      box.scrollTop = row * first.getBoundingClientRect().height;
      const rowIndex = String(head + row + 1);
      let found = null;
      while (!(found = body().find((tr) => tr.getAttribute('aria-rowindex') === rowIndex))) await new Promise(requestAnimationFrame);
      return cells(found);
    }, [captionStart, index]);
  }

  cell(aoCode, series, month) {
    return this.page.locator(`table.grid[data-ao="${aoCode}"] input[data-series="${series}"][data-month="${month}"]`);
  }

  /** Types into the monthly grid of an AO (series 0–3: prog. física, ejec. física, prog. financiera, ejec. financiera). */
  async setMonthly(aoCode, series, month, value) {
    const cell = this.cell(aoCode, series, month);
    await cell.fill(value);
    await cell.press('Tab');
  }

  async monthlyValue(aoCode, series, month) {
    return this.cell(aoCode, series, month).inputValue();
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

  /** Switches to the "Hoja de toda la AEI" and waits for its first row. */
  async openSheet() {
    await this.page.click('#view-sheet');
    await this.page.waitForSelector('table.sheet tr[data-row="0"]');
  }
}

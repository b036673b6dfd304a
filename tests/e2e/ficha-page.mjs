// Page object: names what a planner sees and does in the app, so specs read like their steps.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches Debian's Chromium headless; nothing is downloaded. */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
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

  async storage(key) {
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  async storageKeys() {
    return this.page.evaluate(() => Object.keys(localStorage));
  }

  async text(selector) {
    return (await this.page.textContent(selector))?.trim();
  }
}

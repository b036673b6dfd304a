// What every page object shares: the browser page, the app's base URL, the console errors, and
// what any page of the app offers (navigation, the header's undo, the selection, tables, storage).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches Debian's Chromium headless; nothing is downloaded. */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** The app has started: its header, a child of the body (the first screen's header, inside
 * `#first-screen`, shows before the app starts and is not the app). */
export const APP_STARTED = 'body > header.app-header';

export class Base {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  async open(hash = '#/') {
    await this.page.goto(this.baseUrl + hash);
    await this.page.waitForSelector(APP_STARTED);
  }

  async reload() {
    await this.page.reload();
    await this.page.waitForSelector(APP_STARTED);
  }

  /** Moves to another page in the same document, as the header links do: undo history is kept. */
  async go(hash, selector) {
    await this.page.evaluate((h) => { location.hash = h; }, hash);
    if (selector) await this.page.waitForSelector(selector);
  }

  /** Opens the user's own (empty) workspace from the example. */
  async startOwnWorkspace() {
    await this.open();
    await this.page.click('#start-own');
    await this.page.waitForSelector('#open-example');
  }

  async text(selector) {
    return (await this.page.textContent(selector))?.trim();
  }

  /** The message a form shows at `#id` (empty when none). */
  async formMessage(id) {
    return (await this.page.textContent(`#${id}`))?.trim() ?? '';
  }

  /** The cell texts of the table whose caption starts with `captionStart`, body and foot rows (the
   * rows a reader is told of: not the spacers of a table showing only the rows in view). */
  async tableRows(captionStart, section = 'tbody') {
    return this.page.evaluate(([start, sec]) => {
      const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent.trim().startsWith(start));
      if (!table) return null;
      return [...table.querySelectorAll(`${sec} tr:not([aria-hidden="true"])`)].map((tr) => [...tr.cells].map((c) => c.textContent.trim()));
    }, [captionStart, section]);
  }

  async tableCaption(captionStart) {
    return this.page.evaluate((start) => [...document.querySelectorAll('caption')].map((c) => c.textContent.trim()).find((t) => t.startsWith(start)) ?? null, captionStart);
  }

  // The year, version and period pickers every page shows.

  async choosePeriod(label) {
    await this.page.selectOption('#select-period', { label });
  }

  async chooseVersion(labelStart) {
    const value = await this.page.$eval('#select-version', (s, start) => [...s.options].find((o) => o.text.startsWith(start))?.value, labelStart);
    await this.page.selectOption('#select-version', value);
  }

  // The header's undo and redo.

  async undo() { await this.page.click('#undo'); }

  async redo() { await this.page.click('#redo'); }

  // Files in and out.

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

  /** Clicks the button at `selector` and returns the file it downloads: { name, path }. */
  async downloadFrom(selector) {
    const download = this.page.waitForEvent('download');
    await this.page.click(selector);
    const file = await download;
    return { name: file.suggestedFilename(), path: await file.path() };
  }

  // What the app keeps in the browser (read, to check it; written only by tests of broken, foreign or legacy data).

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

  async storage(key) {
    await this.saved();
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  async storageKeys() {
    return this.page.evaluate(() => Object.keys(localStorage));
  }
}

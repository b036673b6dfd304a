// The first screen index.html shows until the program has arrived (src/io/first_screen.rs): held
// back by holding the main module's request, read as a planner's screen reader would.

export class FirstScreen {
  constructor(app) {
    this.app = app;
    this.page = app.page;
    this.release = null;
  }

  /** Holds every request of the main wasm module until `releaseProgram` (the context must block service workers). */
  async holdProgram() {
    const held = new Promise((resolve) => { this.release = resolve; });
    await this.page.route(/\/ficha-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  }

  /** Lets the held request (and every later one) through. */
  releaseProgram() {
    this.release?.();
  }

  /** Opens `hash` with the program held back, once the document is parsed. */
  async openHeld(hash = '') {
    await this.holdProgram();
    await this.page.goto(this.app.baseUrl + hash, { waitUntil: 'domcontentloaded' });
  }

  /** Whether the first screen is laid out (in the page and displayed). */
  async shown() {
    return this.page.evaluate(() => (document.getElementById('first-screen')?.getClientRects().length ?? 0) > 0);
  }

  /** Whether the first screen is still in the page at all. */
  async present() {
    return this.page.evaluate(() => document.getElementById('first-screen') !== null);
  }

  /** The body rows of the first screen's table, cell texts. */
  async rows() {
    return this.page.$$eval('#first-screen table tbody tr', (rows) => rows.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  }

  /** The first screen table's caption and column titles. */
  async head() {
    return this.page.$eval('#first-screen table', (t) => [t.caption.textContent.trim(), ...[...t.tHead.rows[0].cells].map((c) => c.textContent.trim())]);
  }

  /** The header's background as the stylesheet paints it (the inline stylesheet, allowed by the CSP). */
  async headerBackground() {
    return this.page.$eval('#first-screen header', (h) => getComputedStyle(h).backgroundColor);
  }
}

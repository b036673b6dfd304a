// The app as a planner sees it: the base every page shares, and one page object per page.
import assert from 'node:assert/strict';
import { APP_STARTED, Base, launch, CHROMIUM_ARGS } from './base.mjs';
import { AeiPage } from './aei.mjs';
import { DataPage } from './data.mjs';
import { DocumentPage } from './document.mjs';
import { InformePage } from './informe.mjs';
import { FirstScreen } from './first-screen.mjs';
import { IntegrityPage } from './integrity.mjs';
import { RecommendationsPage } from './recommendations.mjs';
import { StructurePage } from './structure.mjs';
import { VersionsPage } from './versions.mjs';

export { APP_STARTED, launch, CHROMIUM_ARGS };

export class FichaPage extends Base {
  constructor(page, baseUrl) {
    super(page, baseUrl);
    this.aei = new AeiPage(this);
    this.structure = new StructurePage(this);
    this.versions = new VersionsPage(this);
    this.document = new DocumentPage(this);
    this.informe = new InformePage(this);
    this.integrity = new IntegrityPage(this);
    this.recommendations = new RecommendationsPage(this);
    this.data = new DataPage(this);
    this.firstScreen = new FirstScreen(this);
  }
}

/** Runs `fn` with the app at `url` in a fresh browser profile (empty storage, downloads kept); the page must log no error. */
export async function inFreshProfile(browser, url, fn) {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const ficha = new FichaPage(await context.newPage(), url);
    await fn(ficha);
    assert.deepEqual(ficha.consoleErrors, []);
  } finally {
    await context.close();
  }
}

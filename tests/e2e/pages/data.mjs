// Importar / Exportar: the AO sheet in (previewed, confirmed) and out, the tables to Excel, the backup;
// and the AO sheets the tests import, built here as a planner's spreadsheet holds them.

export const SERIES = ['fis_prog', 'fis_ejec', 'fin_prog', 'fin_ejec'];
export const HEADER = ['aei_codigo', 'aei_nombre', 'cc_codigo', 'cc_nombre', 'ao_codigo', 'ao_nombre', 'unidad_medida',
  'categoria_presupuestal', 'seguimiento_aprobado',
  ...SERIES.flatMap((s) => Array.from({ length: 12 }, (_, i) => `${s}_${String(i + 1).padStart(2, '0')}`))];

/** One row in HEADER order: the given cells, every other cell empty. */
export function aoRow(cells) {
  return HEADER.map((name) => cells[name] ?? '');
}

const csvField = (value) => (/[,"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The rows under the header as a UTF-8 CSV, comma-separated. */
export function aoSheetCsv(rows) {
  return [HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const two = (n) => String(n).padStart(2, '0');
/** "1234.56" from cents, as a spreadsheet holds soles. */
const soles = (cents) => `${Math.floor(cents / 100)}.${two(cents % 100)}`;

/**
 * `count` AO of the AEI `aei` spread over ten CC, every month programmed and executed, some without
 * approved follow-up: the same AO, figures and names as the benchmark's synthetic workspace
 * (`src/domain/synthetic.rs`) with one AEI.
 */
export function syntheticAoRows(count, aei = 'AEI.01.02') {
  return Array.from({ length: count }, (_, i) => {
    const cells = {
      aei_codigo: aei, aei_nombre: 'ACCIÓN ESTRATÉGICA INSTITUCIONAL SINTÉTICA 1', cc_codigo: two(i % 10 + 1),
      cc_nombre: `CENTRO DE COSTO ${two(i % 10 + 1)}`, ao_codigo: `AOI${String(100_000 + i).padStart(11, '0')}`,
      ao_nombre: `ACTIVIDAD OPERATIVA SINTÉTICA NÚMERO ${i}`, unidad_medida: 'INFORME', seguimiento_aprobado: i % 17 !== 0 ? 'SI' : 'NO',
    };
    for (let m = 0; m < 12; m++) {
      const seed = (i * 31 + m * 7) % 23;
      const month = two(m + 1);
      cells[`fis_prog_${month}`] = String(seed % 5);
      cells[`fis_ejec_${month}`] = String((seed + i) % 6);
      cells[`fin_prog_${month}`] = soles((seed + 1) * 123_456);
      cells[`fin_ejec_${month}`] = soles(seed * 118_765);
    }
    return aoRow(cells);
  });
}

export class DataPage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  async openData() {
    await this.app.open('#/datos');
    await this.page.waitForSelector('#ao-file');
  }

  /** Chooses an AO sheet file (a path or { name, mimeType, buffer }) and waits for its preview or its errors. */
  async chooseAoFile(file) {
    await this.app.chooseFile('#ao-file', file, '#import-preview, #import-errors');
  }

  /** The preview's lines: [what, how many]. */
  async importPreview() {
    return (await this.app.tableRows('Vista previa de la importación')).map((cells) => cells.slice(0, 2));
  }

  /** Every error listed for a refused file. */
  async importErrors() {
    return this.page.$$eval('#import-errors ul.errors li', (items) => items.map((li) => li.textContent.trim()));
  }

  /** Confirms the previewed import; returns the completion message. */
  async confirmImport() {
    await this.page.click('#confirm-import');
    await this.page.waitForSelector('#import-done', { timeout: 60_000 });
    return this.app.text('#import-done');
  }

  /** Imports AO sheet rows into the open workspace's viewed year, as a planner does: choose, preview, confirm. */
  async importAoSheet(rows) {
    await this.openData();
    await this.chooseAoFile({ name: 'hoja-ao.csv', mimeType: 'text/csv', buffer: Buffer.from(aoSheetCsv(rows), 'utf8') });
    await this.page.waitForSelector('#import-preview');
    return this.confirmImport();
  }

  /** Chooses a backup file to restore and waits for the comparison or the refusal. */
  async chooseBackup(file) {
    await this.app.chooseFile('#backup-file', file, '#restore-confirm, #restore-error');
  }
}

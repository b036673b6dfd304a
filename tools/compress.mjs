// Precompressed copies of a build's files (`x.wasm.gz`, `x.wasm.br`) beside them, for a static host
// that serves them with `content-encoding` (nginx `gzip_static`/`brotli_static`, or tests/e2e/server.mjs).
// Only where it pays: images already compressed and files a copy would not make smaller are left alone.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|wasm|css|svg|json|webmanifest)$/;

/** Writes `<file>.gz` (level 9) and `<file>.br` (quality 11) for each compressible file of `dir`. */
export async function writeCompressed(dir, files) {
  let raw = 0;
  let br = 0;
  for (const file of files.filter((f) => COMPRESSIBLE.test(f))) {
    const bytes = await readFile(join(dir, file));
    const gz = gzipSync(bytes, { level: 9 });
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    if (gz.length < bytes.length) await writeFile(join(dir, `${file}.gz`), gz);
    if (brotli.length < bytes.length) await writeFile(join(dir, `${file}.br`), brotli);
    raw += bytes.length;
    br += Math.min(brotli.length, bytes.length);
  }
  console.log(`compress: ${(raw / 1024).toFixed(0)} KB of files, ${(br / 1024).toFixed(0)} KB brotli`);
}

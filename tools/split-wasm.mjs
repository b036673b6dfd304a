// Code splitting for the Trunk build (Trunk itself cannot split a wasm module, trunk-rs/trunk#1022).
// Called by tools/post-build.mjs before the CSP and the service worker list are written.
//
// Trunk has built the wasm (cargo, with `-Clink-args=--emit-relocs` from .cargo/config.toml), run
// wasm-bindgen on the whole module and staged `ficha-<hash>.js` and `ficha-<hash>_bg.wasm`. This
// redoes the last steps the way cargo-leptos does for `--split`:
//   1. wasm-split-cli (crate wasm_split_cli_support) cuts the linked module at every `#[lazy]`
//      function into a main module and one chunk per lazy function (what only it uses), plus the
//      loader `__wasm_split.js` that fetches and instantiates a chunk when its function is called;
//   2. wasm-bindgen --keep-lld-exports on the main module (the chunks import the main module's
//      functions, memory and table through those exports), as Trunk's wasm-bindgen call otherwise;
//   3. wasm-opt -Oz (release) on the main module and on every chunk (index.html's data-wasm-opt is "0":
//      optimizing the whole module first would be wasted work, and would break the relocations);
//   4. chunk and loader file names get a content hash (the service worker serves cache first) and
//      the staged files, with the `integrity` of index.html's preload links, are replaced.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = 'ficha';
const LOADER = '__wasm_split.js';

const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const shortHash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
// stderr is shown only when a tool fails (wasm-opt warns about the name subsections it does not know).
function run(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26, ...opts }).toString();
  } catch (error) {
    throw new Error(`split-wasm: ${cmd} ${args.join(' ')} failed:\n${error.stderr ?? error.message}`);
  }
}

// The project's own tools (make setup): wasm-opt 132 from npm, not whatever is first on PATH.
function tool(sourceDir, name) {
  const local = join(sourceDir, 'node_modules', '.bin', name);
  return existsSync(local) ? local : name;
}

function replaceRequired(text, from, to, where) {
  const count = text.split(from).length - 1;
  if (count < 1) throw new Error(`split-wasm: ${from} not found in ${where}`);
  return text.replaceAll(from, to);
}

export async function splitWasm(staging) {
  const sourceDir = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
  const profile = process.env.TRUNK_PROFILE ?? 'release';
  const meta = JSON.parse(run('cargo', ['metadata', '--format-version=1', '--no-deps', '--offline'], { cwd: sourceDir }));
  const raw = join(meta.target_directory, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);

  // The wasm-bindgen Trunk uses (Trunk.toml), which must match the crate pinned in Cargo.toml.
  const pinned = (await readFile(join(sourceDir, 'Trunk.toml'), 'utf8')).match(/^wasm_bindgen = "(.*)"/m)?.[1];
  const bindgenVersion = run('wasm-bindgen', ['--version']).trim();
  if (!pinned || !bindgenVersion.endsWith(` ${pinned}`)) {
    throw new Error(`split-wasm: ${bindgenVersion} on PATH, Trunk.toml wants ${pinned}: run make setup`);
  }

  let html = await readFile(join(staging, 'index.html'), 'utf8');
  const stem = html.match(new RegExp(`from '\\./(${BIN}-[0-9a-f]+)\\.js'`))?.[1];
  if (!stem) throw new Error('split-wasm: the module script of Trunk was not found in index.html');

  const work = await mkdtemp(join(tmpdir(), 'ficha-split-'));
  try {
    const split = join(work, 'split');
    const bindgen = join(work, 'bindgen');
    run('wasm-split-cli', [raw, split, '--target', 'web', '--out-name', stem]);
    run('wasm-bindgen', ['--target=web', `--out-dir=${bindgen}`, `--out-name=${stem}`, '--no-typescript',
      '--keep-lld-exports', join(split, `${stem}.wasm`)]);

    // As Trunk: wasm-opt for release builds only.
    const wasmOpt = tool(sourceDir, 'wasm-opt');
    const optimize = async (input) => {
      if (profile !== 'release') return readFile(input);
      const output = `${input}.opt`;
      run(wasmOpt, [`--output=${output}`, '-Oz', input]);
      return readFile(output);
    };

    // Chunks: optimized, renamed after their content, the loader pointed at the new names.
    let loader = await readFile(join(split, LOADER), 'utf8');
    const chunks = [];
    for (const name of (await readdir(split)).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`).sort()) {
      const bytes = await optimize(join(split, name));
      const hashed = `${name.slice(0, -'.wasm'.length)}-${shortHash(bytes)}.wasm`;
      loader = replaceRequired(loader, `"./${name}"`, `"./${hashed}"`, LOADER);
      await writeFile(join(staging, hashed), bytes);
      chunks.push([hashed, bytes.length]);
    }
    if (chunks.length === 0) throw new Error('split-wasm: no chunk was split off (no #[lazy] function?)');
    const loaderName = `__wasm_split-${shortHash(loader)}.js`;
    await writeFile(join(staging, loaderName), loader);

    // Main module and its JS glue, under the names Trunk gave them (the inline script imports them).
    const wasm = await optimize(join(bindgen, `${stem}_bg.wasm`));
    let glue = await readFile(join(bindgen, `${stem}.js`), 'utf8');
    // Only the JS import statements: the imports object keeps the module name the wasm imports from.
    glue = replaceRequired(glue, `from "./${LOADER}"`, `from "./${loaderName}"`, `${stem}.js`);
    await writeFile(join(staging, `${stem}_bg.wasm`), wasm);
    await writeFile(join(staging, `${stem}.js`), glue);

    // index.html: the preloads' integrity for the new contents, and a preload for the loader.
    const setIntegrity = (file, bytes) => {
      const re = new RegExp(`(<link[^>]*href="\\./${file.replaceAll('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
      if (!re.test(html)) throw new Error(`split-wasm: no preload link for ${file} in index.html`);
      html = html.replace(re, `$1${sha384(bytes)}$2`);
    };
    setIntegrity(`${stem}.js`, glue);
    setIntegrity(`${stem}_bg.wasm`, wasm);
    html = replaceRequired(html, '</head>',
      `<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${sha384(loader)}"></head>`, 'index.html');
    await writeFile(join(staging, 'index.html'), html);

    console.log(`split-wasm: main ${stem}_bg.wasm ${wasm.length} B; ${chunks.length} chunks: ${chunks.map(([f, n]) => `${f} ${n} B`).join(', ')}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

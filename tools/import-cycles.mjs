// Import circles between the crate's modules (ARCHITECTURE.md: "no module imports one that imports
// it back"). Reads every `use crate::…`/`use super::…` and inline `crate::…`/`super::…` path of
// src/, resolves it to the module (file) that defines the item, through the façades' `pub use`
// re-exports, and prints each circle of the graph. Tests (`#[cfg(test)]` modules) are left out.
// `node tools/import-cycles.mjs` exits 1 when there is a circle; `make test` runs it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = new URL('../src/', import.meta.url).pathname;

/** Every .rs file under `dir`. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.rs') ? [path] : [];
  });
}

/** `src/domain/plan/mod.rs` → `domain::plan`; `src/lib.rs` and `src/main.rs` → the crate root. */
function moduleOf(path) {
  const parts = relative(SRC, path).replace(/\.rs$/, '').split('/');
  if (parts.at(-1) === 'mod' || parts.at(-1) === 'lib' || parts.at(-1) === 'main') parts.pop();
  return parts.join('::');
}

/** The source without comments, string literals and the `#[cfg(test)]` modules. */
function code(text) {
  const withoutTests = text.replace(/#\[cfg\(test\)\]\s*mod \w+ \{[\s\S]*$/m, '');
  return withoutTests
    .replace(/\/\/.*$/gm, '')
    .replace(/r#+"[\s\S]*?"#+/g, '""')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** The paths a `use` tree names: `a::{b, c::{d, e}}` → a::b, a::c::d, a::c::e. */
function expand(tree) {
  tree = tree.replace(/\s+as\s+\w+/g, '').replace(/\s+/g, '');
  const open = tree.indexOf('{');
  if (open < 0) return [tree];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '{') depth++;
    else if (inner[i] === '}') depth--;
    else if (inner[i] === ',' && depth === 0) { parts.push(inner.slice(start, i)); start = i + 1; }
  }
  parts.push(inner.slice(start));
  return parts.filter((p) => p && p !== 'self').flatMap((p) => expand(prefix + p)).concat(parts.includes('self') ? [prefix.replace(/::$/, '')] : []);
}

const sources = files(SRC).map((path) => ({ path, module: moduleOf(path), text: code(readFileSync(path, 'utf8')) }));
const modules = new Set(sources.map((s) => s.module));

/** An absolute path (`domain::plan::Series`) from a path written in `module` (`super::plan::Series`). */
function absolute(path, module) {
  let base = module ? module.split('::') : [];
  const parts = path.split('::');
  if (parts[0] === 'crate') return parts.slice(1);
  if (parts[0] !== 'super' && parts[0] !== 'self') return null;
  // `super` is the parent module, whether the file is `a/b.rs` or `a/b/mod.rs`.
  if (parts[0] === 'self') return [...base, ...parts.slice(1)];
  let i = 0;
  while (parts[i] === 'super') { base = base.slice(0, -1); i++; }
  return [...base, ...parts.slice(i)];
}

// Re-exports of the façades: `pub use x::{A, B}` in module m makes m::A mean m::x::A.
const reexports = new Map();
for (const source of sources) {
  for (const [, tree] of source.text.matchAll(/\bpub use ([^;]+);/g)) {
    for (const path of expand(tree)) {
      const parts = absolute(path.startsWith('crate') || path.startsWith('super') || path.startsWith('self') ? path : `self::${path}`, source.module);
      if (parts) reexports.set(`${source.module}::${parts.at(-1)}`, parts.join('::'));
    }
  }
}

/** The module a path leads to: through re-exports, then the longest prefix that is a module. */
function target(parts) {
  let path = parts.join('::');
  for (let hops = 0; hops < 10; hops++) {
    let changed = false;
    for (let n = parts.length; n > 0; n--) {
      const key = parts.slice(0, n).join('::');
      if (reexports.has(key)) {
        parts = [...reexports.get(key).split('::'), ...parts.slice(n)];
        changed = true;
        break;
      }
    }
    if (!changed || parts.join('::') === path) break;
    path = parts.join('::');
  }
  for (let n = parts.length; n >= 0; n--) {
    const key = parts.slice(0, n).join('::');
    if (modules.has(key)) return key;
  }
  return null;
}

const edges = new Map(sources.map((s) => [s.module, new Set()]));
for (const source of sources) {
  const paths = [];
  for (const [, tree] of source.text.matchAll(/(?<!pub )\buse ((?:crate|super|self)[^;]*);/g)) paths.push(...expand(tree));
  const inline = source.text.replace(/\buse [^;]*;/g, '');
  for (const [path] of inline.matchAll(/\b(?:crate|super)(?:::\w+)+/g)) paths.push(path);
  for (const path of paths) {
    const parts = absolute(path, source.module);
    const to = parts && target(parts);
    // A module reaching into its own submodules (a façade, a parent) is not a circle of rooms.
    if (to && to !== source.module && !to.startsWith(`${source.module}::`)) edges.get(source.module).add(to);
  }
}

// Tarjan's strongly connected components: each with more than one module is a circle.
let index = 0;
const stack = [];
const info = new Map();
const circles = [];
function visit(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!info.has(w)) {
      visit(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) {
      info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do { w = stack.pop(); info.get(w).onStack = false; component.push(w); } while (w !== v);
    if (component.length > 1) circles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!info.has(v)) visit(v);

const count = [...edges.values()].reduce((n, e) => n + e.size, 0);
if (circles.length === 0) {
  console.log(`No import circles: ${edges.size} modules, ${count} imports between them.`);
} else {
  for (const circle of circles) {
    console.log(`Import circle: ${circle.join(', ')}`);
    for (const from of circle) {
      const into = [...edges.get(from)].filter((to) => circle.includes(to));
      console.log(`  ${from} → ${into.join(', ')}`);
    }
  }
  process.exit(1);
}

/**
 * The layering of src/: no module imports itself back through others (static imports, type
 * imports and import() alike), and no source file is over 400 lines.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const SRC = 'src';
const files = readdirSync(SRC, { recursive: true }).map(String).filter((f) => /\.(ts|mjs)$/u.test(f)).map((f) => path.join(SRC, f));

/** The relative modules a source file imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.[^']+)'/gmu)].map((m) => m[1]!);
  return specs.map((s) => path.normalize(path.join(path.dirname(file), s))).filter((t) => t.startsWith(`${SRC}${path.sep}`));
}

/** Every import cycle, each as the list of its modules (one cycle per strongly connected group). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

test('importCycles finds a cycle, and none where there is none', () => {
  assert.deepEqual(importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), [['a', 'b', 'c']]);
  assert.deepEqual(importCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]])), []);
});

test('no import cycle in src/', () => {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  assert.ok([...graph.values()].flat().length > 100, 'the imports are read');
  assert.deepEqual(importCycles(graph).map((c) => c.join(' → ')), []);
});

/** over 400 lines still: none (a file that must be longer is named here, with why) */
const KNOWN_LONG: ReadonlySet<string> = new Set<string>();

test('no source file over 400 lines', () => {
  const long = files.filter((f) => !KNOWN_LONG.has(f)).map((f) => [f, readFileSync(f, 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > 400);
  assert.deepEqual(long.map(([f, n]) => `${f}: ${n} lines`), []);
});

test('the command line is apart from the build: no module imports it, no key hashes it', async () => {
  const { RENDER_PARTS, BUILD_PARTS, SEARCH_PARTS } = await import('../src/build/key.ts');
  for (const part of [...RENDER_PARTS, ...BUILD_PARTS, ...SEARCH_PARTS]) assert.notEqual(path.normalize(part), path.normalize('src/build.ts'), part);
  const cli = path.normalize('src/build.ts');
  for (const f of files) assert.ok(!importsOf(f).some((t) => t === cli), `${f} imports the build's command line`);
  // and the build does not import serve, nor serve the build
  assert.ok(!importsOf(path.normalize('src/site/serve.ts')).some((t) => t.startsWith(path.normalize('src/build'))));
});

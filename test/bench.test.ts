/** The benchmark harness's pure parts: tree RSS sampling, medians, ratios, the report's shape. No peer is run. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { buildCapabilities, parseBenchArgs } from '../src/bench/index.ts';
import { measure, processTree, sampleTree } from '../src/bench/measure.ts';
import { splitRaw } from '../src/bench/peers.ts';
import { computeRatios, formatTable, median, NAMES, ratio, summarise, type BenchReport } from '../src/bench/stats.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('measure', () => {
  test('sums the RSS of the whole process tree, not just the child', async () => {
    // A parent that holds ~20 MB spawns a grandchild that fills 120 MB and holds it for a while.
    const script = path.join(tmp, 'tree.cjs');
    writeFileSync(script, `
      const { spawn } = require('node:child_process');
      const mine = Buffer.alloc(20 * 1024 * 1024, 1);
      const c = spawn(process.execPath, ['-e', "const b = Buffer.alloc(120 * 1024 * 1024, 1); setTimeout(() => b.length, 700)"], { stdio: 'inherit' });
      c.on('exit', (code) => { mine.length; process.exit(code ?? 1); });
    `);
    const m = await measure(process.execPath, [script]);
    assert.equal(m.code, 0);
    assert.ok(m.samples >= 5, `${m.samples} samples`);
    assert.ok(m.peakRssMB >= 120 + 20, `peak ${m.peakRssMB.toFixed(0)} MB should include both processes`);
    assert.ok(m.peakRssMB < 600, `peak ${m.peakRssMB.toFixed(0)} MB`);
    assert.ok(m.seconds >= 0.7 && m.seconds < 20, `${m.seconds} s`);
  });

  test('processTree finds grandchildren; sampleTree counts them', async () => {
    const child = spawn('sh', ['-c', 'sleep 2 & sh -c "sleep 2" & wait'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    const pids = processTree(child.pid as number);
    assert.ok(pids.length >= 3, `tree: ${pids.join(' ')}`);
    assert.equal(pids[0], child.pid);
    const s = sampleTree(child.pid as number);
    assert.equal(s.processes, pids.length);
    assert.ok(s.rssKB > 0);
    for (const p of [...pids].reverse()) {
      try { process.kill(p); } catch { /* already gone */ }
    }
  });

  test('a failing command is reported, not thrown', async () => {
    const m = await measure(process.execPath, ['-e', 'console.error("boom"); process.exit(3)']);
    assert.equal(m.code, 3);
    assert.match(m.stderr, /boom/u);
  });
});

describe('stats', () => {
  test('median', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([5]), 5);
    assert.equal(median([]), null);
  });

  test('ratio is null when a side is missing or zero', () => {
    assert.equal(ratio(1, 4), 0.25);
    assert.equal(ratio(null, 4), null);
    assert.equal(ratio(1, null), null);
    assert.equal(ratio(1, 0), null);
  });

  test('summarise takes the median of each column; a peer that cannot run has null seconds and a reason', () => {
    assert.deepEqual(summarise('x', [{ seconds: 3, peakRssMB: 100 }, { seconds: 1, peakRssMB: 300 }, { seconds: 2, peakRssMB: 200 }]),
      { name: 'x', seconds: 2, peakRssMB: 200, runs: 3 });
    assert.deepEqual(summarise('hugo', [], 'hugo is not installed'), { name: 'hugo', seconds: null, peakRssMB: null, runs: 0, skipped: 'hugo is not installed' });
  });

  test('ratios and the JSON shape the issue fixes', () => {
    const results = [
      summarise(NAMES.cold, [{ seconds: 10, peakRssMB: 500 }]),
      summarise(NAMES.warm, [{ seconds: 2, peakRssMB: 300 }]),
      summarise(NAMES.addOne, [{ seconds: 1, peakRssMB: 300 }]),
      summarise(NAMES.eleventy, [{ seconds: 8, peakRssMB: 400 }]),
      summarise(NAMES.eleventyPagefind, [{ seconds: 20, peakRssMB: 900 }]),
      summarise(NAMES.hugo, [{ seconds: 4, peakRssMB: 200 }]),
      summarise(NAMES.hugoPagefind, [], 'hugo is not installed'),
    ];
    const ratios = computeRatios(results);
    assert.deepEqual(ratios, { coldVsEleventy: 0.5, coldVsHugo: null, warmVsHugo: 0.5, addOneVsCold: 0.1 });
    const report: BenchReport = { articles: 1000, results, ratios, notes: ['our build does not write a search index yet'] };
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json).slice(0, 3), ['articles', 'results', 'ratios']);
    assert.equal(json.articles, 1000);
    for (const r of json.results as Record<string, unknown>[]) {
      assert.equal(typeof r.name, 'string');
      assert.ok(r.seconds === null || typeof r.seconds === 'number');
      assert.ok(r.peakRssMB === null || typeof r.peakRssMB === 'number');
      if (r.seconds === null) assert.equal(typeof r.skipped, 'string');
    }
    assert.deepEqual(Object.keys(json.ratios as object).sort(), ['addOneVsCold', 'coldVsEleventy', 'coldVsHugo', 'warmVsHugo']);
    const table = formatTable(report);
    assert.match(table, /ours: cold build\s+10\.00\s+500/u);
    assert.match(table, /hugo \+ pagefind\s+—\s+—\s+not run: hugo is not installed/u);
    assert.match(table, /coldVsEleventy\s+0\.50×/u);
    assert.match(table, /note: our build does not write a search index yet/u);
  });
});

describe('harness', () => {
  test('arguments', () => {
    assert.deepEqual(parseBenchArgs([]), { articles: 1000, runs: 3, json: false, seed: 20240619, keep: false, oursOnly: false, peersOnly: false });
    const o = parseBenchArgs(['--articles', '10000', '--json', '--runs=5']);
    assert.equal(o.articles, 10000);
    assert.equal(o.runs, 5);
    assert.equal(o.json, true);
    assert.throws(() => parseBenchArgs(['--articles', 'many']), /positive integer/u);
    assert.throws(() => parseBenchArgs(['--fast']), /unknown option/u);
    assert.throws(() => parseBenchArgs(['--ours-only', '--peers-only']), /exclude/u);
  });

  test('reads what our build accepts from its source', () => {
    assert.deepEqual(buildCapabilities("case '--cache':\n case '--quiet':"), { cacheFlag: true, quietFlag: true });
    assert.deepEqual(buildCapabilities("case '--input':"), { cacheFlag: false, quietFlag: false });
    const real = buildCapabilities(readFileSync('src/build.ts', 'utf8'));
    assert.equal(typeof real.cacheFlag, 'boolean');
  });

  test('peer pages: front matter dropped, CRLF unified, title = first non-empty line', () => {
    assert.deepEqual(splitRaw('---\r\ndate: 2024-01-01\r\n---\r\n\r\nTiêu đề\r\nThân bài\r\n'), { title: 'Tiêu đề', body: '\nTiêu đề\nThân bài\n' });
    assert.equal(splitRaw('\uFEFF• Zalo\n\nTitle').title, '• Zalo');
  });
});

/** The parse pool's budget: a file whose parse hangs or eats memory is refused, its worker replaced, the others parsed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParsePool } from '../src/archive/parsePool.ts';

const BODY = 'Nga và Triều Tiên ký hiệp ước đối tác chiến lược toàn diện\n\nBÌNH NHƯỠNG, ngày 19/6/2024 (TTXVN) — Tổng thống Nga Vladimir Putin và nhà lãnh đạo Triều Tiên Kim Jong-un đã ký hiệp ước.\n';

test('a parse that hangs, or needs more memory than the budget, refuses that one file; the others are parsed', { timeout: 120_000 }, async () => {
  const pool = new ParsePool(6, { workerModule: new URL('./support/slowParseWorker.ts', import.meta.url), timeBudgetMs: 3_000 });
  const names = ['a.txt', 'treo-1.txt', 'b.txt', 'phinh-1.txt', 'c.txt', 'd.txt'];
  try {
    const results = await pool.parse(names.map((rel) => ({ rel, bytes: Buffer.from(BODY) })));
    const byName = Object.fromEntries(names.map((n, i) => [n, results[i]!]));
    for (const ok of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) assert.ok(byName[ok]!.record, ok);
    assert.equal(byName['treo-1.txt']!.record, null);
    assert.equal(byName['treo-1.txt']!.findings[0]!.ruleId, 'read/time-budget');
    assert.equal(byName['treo-1.txt']!.findings[0]!.file, 'treo-1.txt');
    assert.equal(byName['phinh-1.txt']!.record, null);
    assert.match(byName['phinh-1.txt']!.findings[0]!.ruleId, /read\/(?:memory|time)-budget/u);
  } finally {
    await pool.close();
  }
});

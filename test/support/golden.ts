/**
 * One golden record: the whole record compared field by field with its JSON file. A missing golden
 * is written (and fails under CI); UPDATE=1 rewrites it — do that only when you mean the change.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArticleRecord } from '../../src/record.ts';

const update = process.env.UPDATE === '1';

export function assertGolden(goldenPath: string, record: ArticleRecord, label: string): void {
  if (update || !existsSync(goldenPath)) {
    mkdirSync(dirname(goldenPath), { recursive: true });
    writeFileSync(goldenPath, `${JSON.stringify(record, null, 2)}\n`);
    if (!update && process.env.CI) assert.fail(`golden record ${goldenPath} was missing; it has been written — commit it`);
    return;
  }
  const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(golden), ...Object.keys(record)])) {
    assert.deepEqual((record as unknown as Record<string, unknown>)[key], golden[key], `${label}: field "${key}" differs from ${goldenPath}`);
  }
}

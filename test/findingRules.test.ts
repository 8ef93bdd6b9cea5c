/** One catalogue of the findings' rule ids (src/findingRules.ts): every id the code gives is in it, and it names no other. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FINDING_RULES } from '../src/findingRules.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** a quoted "kind/name" in the code that is a finding's rule id (not a MIME type, a path or a package) */
const RULE_ID_RE = /'((?:read|html|front-matter|title|date|outlet|agency|record|archive|slug)\/[a-z][a-z0-9-]*)'/gu;

test('every rule id a finding is given is in the catalogue, and the catalogue has no other', () => {
  const used = new Set<string>();
  for (const file of sources('src')) {
    if (file.endsWith('findingRules.ts')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(RULE_ID_RE)) used.add(m[1]!);
  }
  assert.ok(used.size > 20, 'the ids are read');
  assert.deepEqual([...used].filter((id) => !(id in FINDING_RULES)).sort(), [], 'ids the catalogue lacks');
  assert.deepEqual(Object.keys(FINDING_RULES).filter((id) => !used.has(id)).sort(), [], 'ids no code gives');
});

test('each catalogued rule says what it means', () => {
  for (const [id, rule] of Object.entries(FINDING_RULES)) {
    assert.match(id, /^[a-z-]+\/[a-z][a-z0-9-]*$/u);
    assert.ok(rule.meaning.length > 20, id);
  }
});

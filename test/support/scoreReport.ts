/** Prints the field-check score of every fixture folder: `tsx test/support/scoreReport.ts [-v]`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../src/parse.ts';
import { scoreRecord, type Expectation } from './score.ts';

const verbose = process.argv.includes('-v');
for (const dir of ['test/fixtures/seeds', 'test/fixtures/outlets', 'test/fixtures/holdout', 'test/fixtures/blind', 'test/fixtures/blind2', 'test/fixtures/blind3']) {
  let ok = 0;
  let total = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.expect.json')).sort()) {
    const name = f.replace(/\.expect\.json$/, '');
    const txt = [join(dir, `${name}.txt`), join(dir, `${name}.md`)].find(existsSync)!;
    const { record } = parseArticle({ sourceFile: txt, bytes: readFileSync(txt) });
    const e = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expectation;
    const checks = record ? scoreRecord(record, e) : [{ field: 'record', ok: false, expected: 'a record', actual: null }];
    const good = checks.filter((c) => c.ok).length;
    ok += good;
    total += checks.length;
    const bad = checks.filter((c) => !c.ok);
    console.log(`${name}: ${good}/${checks.length}`);
    if (verbose) for (const c of bad) console.log(`   ✗ ${c.field}: expected ${JSON.stringify(c.expected)} got ${JSON.stringify(c.actual)}`);
  }
  console.log(`== ${dir}: ${ok}/${total} = ${(100 * ok / Math.max(1, total)).toFixed(1)}%\n`);
}

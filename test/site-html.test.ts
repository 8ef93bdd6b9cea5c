/**
 * Valid HTML: the Nu Html Checker (vnu-jar, needs Java 11+) over every page of
 * a build of articles/ and of a build of the sample records (which has the
 * undated and republished cases), plus the stylesheet. One java process for
 * all files: the checker is slow to start.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildSite } from '../src/build.ts';
import type { ArticleRecord } from '../src/record.ts';

const VNU = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

async function files(dir: string, ext: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => path.join(e.parentPath, e.name)).sort();
}

let tmp: string;
before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'site-html-'));
  const records = JSON.parse(await readFile(new URL('./fixtures/sample-records.json', import.meta.url), 'utf8')) as ArticleRecord[];
  const env = { SITE_URL: 'https://example.org' };
  await buildSite({ input: 'articles', output: path.join(tmp, 'articles'), env });
  await buildSite({ records, output: path.join(tmp, 'sample'), pathPrefix: '/sub/', env });
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('the Nu Html Checker reports no error on any page', async () => {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  assert.ok(!java.error && java.status === 0, `java is needed for the Nu Html Checker (vnu-jar): ${java.error?.message ?? java.stderr}`);
  const html = [...(await files(path.join(tmp, 'articles'), '.html')), ...(await files(path.join(tmp, 'sample'), '.html'))];
  const css = await files(path.join(tmp, 'articles'), '.css');
  assert.ok(html.length >= 60, `only ${html.length} pages`);
  const run = spawnSync('java', ['-Xss4m', '-jar', VNU, '--errors-only', '--also-check-css', '--format', 'json', ...html, ...css], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(!run.error, String(run.error));
  // The report is JSON on stderr; exit 1 means errors were found.
  const report = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  const errors = report.messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
    .map((m) => `${path.relative(tmp, new URL(m.url).pathname)}:${m.lastLine ?? 0}:${m.firstColumn ?? 0}  ${m.message}  «${m.extract ?? ''}»`);
  assert.deepEqual(errors, [], `${errors.length} errors in ${html.length} pages`);
  assert.equal(run.status, 0);
  console.log(`vnu: 0 errors in ${html.length} HTML files and ${css.length} stylesheet`);
});

/**
 * Nothing injected: hostile strings in every record field reach no page, feed,
 * sitemap or JSON-LD raw. Built from records directly, so the templates' escaping
 * is tested without the parser's cleaning in front of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../src/build.ts';
import { parseArticle } from '../src/parse.ts';
import type { ArticleRecord } from '../src/record.ts';

const EVIL = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</script><script>alert(1)</script>',
  'javascript:alert(1)',
  ']]></title><evil/>',
  '{{ 7*7 }} ${7*7}',
];

function hostileRecord(i: number): ArticleRecord {
  const e = EVIL[i % EVIL.length]!;
  return {
    id: `evil${i}`, slug: `bai-doc-hai-${i}`, sourceFile: `../../evil ${i}.txt`,
    title: `Tiêu đề ${e} số ${i}`, titleOrigin: 'front-matter', lede: `Sapo ${e}`,
    text: `Đoạn một ${e}\n\nĐoạn hai`, html: '<p>Đoạn một an toàn</p>',
    published: { date: '2024-06-19', time: '08:30', iso: '2024-06-19T08:30:00+07:00', partial: null, origin: 'front-matter' },
    outlet: { id: `evil-outlet-${i}`, name: `Báo ${e}`, domain: 'evil.example' },
    originalOutlet: { id: 'nld', name: `Người Lao Động ${e}`, domain: 'nld.com.vn' },
    authors: [`Tác giả ${e}`], url: i % 2 ? `javascript:alert(${i})` : `https://evil.example/${encodeURIComponent(e)}`,
    agencies: [`Hãng ${e}`], captions: [{ text: `Chú thích ${e}`, credit: `Ảnh ${e}` }],
    people: [`Người ${e}`], places: [`Nơi ${e}`], removed: [], warnings: [], tags: [],
  };
}

function allFiles(root: string, sub = ''): string[] {
  return readdirSync(join(root, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(root, join(sub, e.name)) : [join(sub, e.name)]);
}

test('hostile record fields are escaped for their context in every output file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const out = join(dir, 'site');
  await buildSite({ records: Array.from({ length: 14 }, (_, i) => hostileRecord(i)), output: out, cache: false, env: {} });
  for (const f of allFiles(out).filter((n) => /\.(?:html|xml|json|txt)$/.test(n) && !n.startsWith('pagefind'))) {
    const text = readFileSync(join(out, f), 'utf8');
    // our own script tags are the JSON-LD blocks and the search module, nothing else
    const scripts = text.match(/<script\b[^>]*>/giu) ?? [];
    for (const s of scripts) assert.match(s, /type="application\/ld\+json"|src="[^"]*\/assets\/search\.js"/u, `${f}: unexpected ${s}`);
    assert.doesNotMatch(text, /<img src=x|<svg onload|<evil\/>/u, `${f}: markup injected`);
    assert.doesNotMatch(text, /(?:href|src)\s*=\s*["']?\s*javascript:/iu, `${f}: javascript: URL in a link`);
    // with quoted attribute values emptied, an event handler would be an attribute of its own
    const tags = text.replace(/="[^"]*"|='[^']*'/gu, '=""');
    assert.doesNotMatch(tags, /<[^>]*\son\w+=/iu, `${f}: event handler attribute`);
    if (f.endsWith('.html')) {
      for (const block of text.match(/<script type="application\/ld\+json">([^]*?)<\/script>/gu) ?? []) {
        const json = block.replace(/^<script[^>]*>|<\/script>$/gu, '');
        assert.doesNotMatch(json, /<\/script/iu, `${f}: </script> inside JSON-LD`);
        JSON.parse(json);
      }
      assert.match(text, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;/u, `${f}: no CSP`);
    }
    if (f.endsWith('.json')) JSON.parse(text);
  }
  // no file was written outside the site folder
  assert.deepEqual(readdirSync(dir), ['site']);
  rmSync(dir, { recursive: true });
});

test('hostile input files: markup in the text and front matter never reaches a record raw', () => {
  const text = [
    '---', 'title: "<script>alert(1)</script>Nga và Triều Tiên <b>ký</b> hiệp ước"', 'authors: ["<img src=x onerror=alert(1)>Bảo Anh"]', '---',
    'Tổng thống Putin <script>document.cookie</script> tới Bình Nhưỡng, mở đầu chuyến thăm quan trọng của ông tới Triều Tiên sau nhiều năm.',
    '<img src="x" onerror="alert(1)">Ông Kim Jong-un đón ông Putin tại sân bay <a href="javascript:alert(1)">Sunan</a> trong đêm muộn hôm qua.',
    'Hai bên ký hiệp ước &lt;script&gt;alert(2)&lt;/script&gt; về đối tác chiến lược toàn diện, theo hãng tin KCNA đưa tin sáng nay.',
  ].join('\n');
  const { record } = parseArticle({ sourceFile: 'evil.txt', bytes: new TextEncoder().encode(text) });
  assert.ok(record);
  const all = JSON.stringify(record);
  for (const bad of ['<script', 'onerror', '<img', 'javascript:alert(1)</a', '<a href']) {
    const fields = JSON.stringify({ ...record, removed: [] });
    assert.ok(!fields.includes(bad), `"${bad}" in a record field`);
  }
  assert.equal(record.title, 'Nga và Triều Tiên ký hiệp ước');
  assert.deepEqual(record.authors, ['Bảo Anh']);
  assert.ok(all.includes('"reason":"html"'), 'the cut markup is recorded in removed');
});

test('property: random hostile records never put a live tag, handler or javascript: URL in any output file', async () => {
  const fc = (await import('fast-check')).default;
  const piece = fc.oneof(
    fc.constantFrom(...EVIL, '<', '>', '"', "'", '&', '</', '<!--', ']]>', '\u2028', 'javascript:', 'data:text/html,<script>'),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Triều Tiên', 'Nga', 'Kim Jong-un'),
  );
  const textArb = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));
  await fc.assert(fc.asyncProperty(fc.array(textArb, { minLength: 8, maxLength: 8 }), async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-prop-'));
    const r = hostileRecord(1);
    const record: ArticleRecord = {
      ...r, title: `Tin ${t[0]}`, lede: t[1]!, text: t[2]!, outlet: { id: 'x', name: t[3]!.trim() || 'x', domain: 'x.example' },
      authors: [t[4]!], agencies: [t[5]!], captions: [{ text: t[6]!, credit: t[7]! }], people: [t[0]!.trim() || 'a'], places: [t[1]!.trim() || 'b'],
      url: t[2]!.includes('javascript') ? `javascript:${t[3]}` : r.url,
    };
    await buildSite({ records: [record, hostileRecord(2)], output: join(dir, 'site'), cache: false, env: {} });
    for (const f of allFiles(join(dir, 'site')).filter((n) => /\.(?:html|xml|json)$/.test(n) && !n.startsWith('pagefind'))) {
      const text = readFileSync(join(dir, 'site', f), 'utf8');
      for (const s of text.match(/<script\b[^>]*>/giu) ?? []) assert.match(s, /type="application\/ld\+json"|src="[^"]*\/assets\/search\.js"/u, `${f}: ${s}`);
      const tags = text.replace(/="[^"]*"|='[^']*'/gu, '=""');
      assert.doesNotMatch(tags, /<[^>]*\son\w+=/iu, `${f}: handler`);
      assert.doesNotMatch(text, /(?:href|src)\s*=\s*["']?\s*(?:javascript|data):/iu, `${f}: URL`);
      assert.doesNotMatch(text, /<(?:img|svg|evil|iframe)\b/iu, `${f}: injected element`);
    }
    rmSync(dir, { recursive: true });
  }), { numRuns: 6, seed: 11 });
});

/**
 * A second archive from the same generator: its own folder, articles and archive.config.json
 * (another name and subject, two topics, a key event in a file beside the config, an extra outlet
 * and an extra person in `knowledge`). Its pages, feeds and search carry what its config says, and
 * nothing of this repository's archive ("Nga – Triều Tiên") is left anywhere in its output.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadArchiveConfig } from '../src/archiveConfig.ts';
import { buildSite } from '../src/build.ts';

const NAME = 'Lũ lụt miền Trung qua báo chí';
const SUBJECT = 'lũ lụt miền Trung';
const TOPICS = {
  threshold: 4,
  topics: [
    { slug: 'cuu-ho', name: 'Cứu hộ và sơ tán', description: 'Lực lượng cứu hộ, sơ tán người dân khỏi vùng ngập.', keywords: ['cứu hộ', 'sơ tán', 'di dời'], strong: ['cứu hộ'] },
    { slug: 'thiet-hai', name: 'Thiệt hại sau lũ', description: 'Nhà cửa, hoa màu và đường sá bị lũ cuốn trôi.', keywords: ['thiệt hại', 'ngập sâu', 'sạt lở'], strong: ['thiệt hại'] },
  ],
};
const EVENTS = [
  { slug: 'lu-dinh-lich-su-hue', date: '2025-10-28', title: 'Lũ vượt đỉnh lịch sử ở Huế', description: 'Nước sông Hương vượt mức lũ lịch sử năm 1999.', places: ['Huế'], keywords: ['lũ lịch sử', 'sông Hương', 'đỉnh lũ'] },
];
const OUTLET = { id: 'tinlu', name: 'Tin Lũ Miền Trung', domain: 'tinlu.vn' };
const PERSON = { name: 'Tobias Lindqvist', variants: ['T. Lindqvist'], short: ['Lindqvist'], role: 'điều phối viên cứu trợ' };

const ARTICLES: Record<string, string> = {
  '2025/lu-lich-su-hue.txt': `---
date: 2025-10-28
outlet: vnexpress.net
---
Lũ lịch sử trên sông Hương, hàng nghìn hộ dân phải sơ tán

Nước sông Hương tại Huế chiều 28/10 vượt đỉnh lũ lịch sử năm 1999, hàng nghìn hộ dân ở các phường ven sông được sơ tán khẩn cấp.

Lực lượng cứu hộ dùng xuồng máy đưa người già và trẻ em tới nơi an toàn. Nhiều tuyến đường trong thành phố ngập sâu hơn một mét.

Ông Tobias Lindqvist, điều phối viên cứu trợ của một tổ chức quốc tế, cho biết nhóm của ông đã chuyển nước sạch và lương thực tới các điểm sơ tán. Theo ông Lindqvist, nhu cầu lớn nhất hiện nay là thuốc men.

Chính quyền địa phương cho biết đỉnh lũ có thể kéo dài thêm hai ngày.
`,
  '2025/thiet-hai-quang-nam.txt': `---
date: 2025-10-30
outlet: tinlu.vn
url: https://tinlu.vn/thiet-hai-nang-ne-sau-lu-o-quang-nam.html
---
Thiệt hại nặng nề sau lũ ở Quảng Nam

Sau ba ngày mưa lớn, thiệt hại ở các huyện miền núi Quảng Nam được thống kê sơ bộ hơn 500 tỷ đồng, nhiều đoạn đường bị sạt lở.

Hàng trăm ngôi nhà bị ngập sâu, hoa màu mất trắng. Ông Tobias Lindqvist cho biết các đoàn cứu trợ quốc tế sẽ hỗ trợ người dân dựng lại nhà cửa.

Ngành giao thông đang khẩn trương khắc phục các điểm sạt lở để thông xe trước ngày 5/11.
`,
};

let dir = '';
const read = (site: string, file: string): string => readFileSync(path.join(site, file), 'utf8');
function filesOf(root: string): string[] {
  return readdirSync(root, { recursive: true }).map(String).filter((f) => statSync(path.join(root, f)).isFile());
}

function writeArchive(knowledge: object): string {
  const folder = path.join(dir, Object.keys(knowledge).length ? 'with-knowledge' : 'plain');
  for (const [file, text] of Object.entries(ARTICLES)) {
    mkdirSync(path.dirname(path.join(folder, 'articles', file)), { recursive: true });
    writeFileSync(path.join(folder, 'articles', file), text);
  }
  writeFileSync(path.join(folder, 'events.json'), JSON.stringify(EVENTS));
  writeFileSync(path.join(folder, 'archive.config.json'), JSON.stringify({
    name: NAME,
    tagline: `Kho lưu trữ tin bài về ${SUBJECT}`,
    description: `Các bài báo tiếng Việt về ${SUBJECT}: tra cứu theo ngày, theo báo, theo nhân vật và địa danh.`,
    language: 'vi',
    siteUrl: 'https://lulut.example.org',
    perPage: 20,
    phrases: { subject: SUBJECT, mark: 'LL', searchExample: { folded: 'lu lut', written: 'lũ lụt' } },
    topics: TOPICS,
    events: 'events.json',
    knowledge,
  }, null, 2));
  return folder;
}

async function buildArchive(folder: string): Promise<string> {
  const site = path.join(folder, '_site');
  await buildSite({ input: path.join(folder, 'articles'), output: site, cache: path.join(folder, '.cache'), config: loadArchiveConfig(path.join(folder, 'archive.config.json')), env: {} });
  return site;
}

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'second-archive-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('a second archive, from its own folder and config', () => {
  let site = '';
  before(async () => {
    site = await buildArchive(writeArchive({}));
  });

  test('its pages carry its name, subject, mark and site URL', () => {
    const home = read(site, 'index.html');
    assert.match(home, new RegExp(`<h1>${NAME}</h1>`, 'u'));
    assert.match(home, /<span class="brand-mark" aria-hidden="true">LL<\/span>/u);
    assert.match(home, /<html lang="vi">/u);
    assert.match(read(site, 'nam/2025/index.html'), new RegExp(`2 bài viết về ${SUBJECT} đăng năm 2025`, 'u'));
    assert.match(read(site, 'sitemap.xml'), /<loc>https:\/\/lulut\.example\.org\/bai-viet\//u);
  });

  test('its two topics and its key event (from a file beside the config) have their pages', () => {
    const index = read(site, 'chu-de/index.html');
    for (const t of TOPICS.topics) {
      assert.ok(index.includes(t.name), t.name);
      assert.match(read(site, `chu-de/${t.slug}/index.html`), /bai-viet\//u, `${t.slug} lists its articles`);
    }
    const timeline = read(site, 'dong-thoi-gian/index.html');
    assert.match(timeline, new RegExp(`Dòng thời gian ${SUBJECT}`, 'u'));
    assert.ok(timeline.includes(EVENTS[0]!.title));
    assert.ok(timeline.includes('/bai-viet/lu-lich-su-tren-song-huong'), 'the event lists the article that reports it');
  });

  test('its feeds and search carry it', () => {
    assert.match(read(site, 'feed.xml'), new RegExp(`<title>${NAME}</title>`, 'u'));
    const feed = JSON.parse(read(site, 'feed.json')) as { title: string; language: string; items: unknown[] };
    assert.equal(feed.title, NAME);
    assert.equal(feed.items.length, 2);
    assert.match(read(site, 'tim-kiem/index.html'), new RegExp(`về ${SUBJECT}, theo từ khóa`, 'u'));
    assert.match(read(site, 'tim-kiem/index.html'), /“lu lut” cũng như “lũ lụt”/u);
    const shards = JSON.parse(read(site, 'pagefind/shards.json')) as { shards: { pages: number }[] };
    assert.equal(shards.shards.reduce((n, s) => n + s.pages, 0), 2, 'both articles are searchable');
  });

  test('a change of its config renders its pages again', async () => {
    const folder = path.join(dir, 'plain');
    const file = path.join(folder, 'archive.config.json');
    const before = readFileSync(file, 'utf8');
    const unchanged = await buildSite({ input: path.join(folder, 'articles'), output: site, cache: path.join(folder, '.cache'), config: loadArchiveConfig(file), env: {} });
    assert.ok(unchanged.unchanged, 'the same config: nothing to do');
    writeFileSync(file, before.replace(`"name": "${NAME}"`, '"name": "Mùa lũ 2025"'));
    const again = await buildSite({ input: path.join(folder, 'articles'), output: site, cache: path.join(folder, '.cache'), config: loadArchiveConfig(file), env: {} });
    writeFileSync(file, before);
    assert.ok(!again.unchanged);
    assert.match(read(site, 'bai-viet/lu-lich-su-tren-song-huong-hang-nghin-ho-dan-phai-so-tan/index.html'), /<title>[^<]* – Mùa lũ 2025<\/title>/u);
  });

  // (the built-in registries, Vietnamese press knowledge, stay: the search page knows their names)
  test('nothing of the other archive is left in its output', () => {
    for (const file of filesOf(site)) {
      const text = readFileSync(path.join(site, file)).toString('utf8');
      assert.ok(!text.includes('Nga – Triều Tiên'), `${file} says "Nga – Triều Tiên"`);
    }
  });
});

describe('a second archive with its own knowledge', () => {
  let site = '';
  before(async () => {
    site = await buildArchive(writeArchive({ outlets: [OUTLET], people: [PERSON] })).catch(() => '');
  });

  test('its extra outlet has its page, under its own name', () => {
    assert.match(read(site, `bao/${OUTLET.id}/index.html`), new RegExp(OUTLET.name, 'u'));
  });

  test('its extra person has a page, is a feed tag and a searchable name', () => {
    assert.match(read(site, 'nhan-vat/tobias-lindqvist/index.html'), /Tobias Lindqvist/u);
    assert.ok(read(site, 'feed.json').includes('"Tobias Lindqvist"'));
    assert.ok(read(site, 'tim-kiem/ten.json').includes('Tobias Lindqvist'));
  });
});

test('a bad config is one line naming the file and the key', () => {
  const folder = path.join(dir, 'bad');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'archive.config.json');
  writeFileSync(file, JSON.stringify({ name: NAME, perPage: 0 }));
  assert.throws(() => loadArchiveConfig(file), (e: unknown) => e instanceof ConfigError && /archive\.config\.json: tagline: /u.test(e.message) && !e.message.includes('\n'));
  const good = JSON.parse(readFileSync(path.join(dir, 'plain', 'archive.config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...good, perPage: 0 }));
  assert.throws(() => loadArchiveConfig(file), /archive\.config\.json: perPage: /u);
  writeFileSync(file, JSON.stringify({ ...good, events: 'missing.json' }));
  assert.throws(() => loadArchiveConfig(file), /archive\.config\.json: events: .*missing\.json: no such file/u);
  writeFileSync(file, JSON.stringify({ ...good, colour: 'red' }));
  assert.throws(() => loadArchiveConfig(file), /unknown key "colour"/u);
});

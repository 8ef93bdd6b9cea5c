/**
 * The editor's loop, driven as an editor would: `archive add` (a pasted article
 * on stdin, a file without a year, --strict, flags as front matter, duplicates),
 * `archive list`, `archive show`, and one add that rebuilds the site into a
 * temporary folder. Every command runs in a temporary copy of articles/.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseArticle } from '../src/parse.ts';
import { readFrontMatter } from '../src/read/frontMatter.ts';
import { withFrontMatter, yamlScalar } from '../src/editor/frontMatter.ts';
import { articleFileName, firstFreeName } from '../src/editor/naming.ts';
import { jaccard, normaliseText, shingles } from '../src/editor/similarity.ts';
import { parseArgs, UsageError } from '../src/editor/args.ts';

interface Run { code: number | null; stdout: string; stderr: string }

function archive(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** A fresh copy of articles/ in a temporary folder. */
function archiveCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'editor-')), 'articles');
  cpSync('articles', dir, { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).filter((f) => /\.(?:txt|md)$/.test(f)).sort();
}

const VNEXPRESS = readFileSync('test/fixtures/outlets/vnexpress-hiep-uoc.txt', 'utf8');
const VNEXPRESS_NAME = '2024/2024-06-19-vnexpress-nga-trieu-tien-ky-hiep-uoc-doi-tac-chien-luoc-toan-dien.txt';
const NO_YEAR = 'Tổng thống Nga Vladimir Putin hôm 15/8 gửi thư cho ông Kim Jong-un, nhấn mạnh quan hệ hai nước sẽ tiếp tục phát triển.\n\nHai bên cam kết tăng cường hợp tác trong nhiều lĩnh vực, từ kinh tế tới văn hóa.\n';
const RAIL = 'Nga và Triều Tiên thảo luận hợp tác đường sắt\n\nĐoàn đại biểu Bộ Giao thông Nga đã tới Bình Nhưỡng để bàn về tuyến đường sắt nối hai nước qua cầu Tumen.\n\nHai bên nhất trí nâng cấp nhà ga Khasan trong năm tới.\n';

describe('archive add', { concurrency: true }, () => {
  test('a pasted article (stdin) is saved under a readable name, unchanged, with a summary', async () => {
    const dir = archiveCopy();
    const r = await archive(['add', '-', '--dir', dir, '--no-build'], VNEXPRESS);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(join(dir, VNEXPRESS_NAME), 'utf8'), VNEXPRESS);
    assert.match(r.stdout, new RegExp(`^Saved .*${VNEXPRESS_NAME}$`, 'mu'));
    assert.match(r.stdout, /Title +Nga - Triều Tiên ký hiệp ước đối tác chiến lược toàn diện {2}\(from heading\)/u);
    assert.match(r.stdout, /Date +2024-06-19 16:30 \(from dateline\)/u);
    assert.match(r.stdout, /Outlet +VnExpress \(vnexpress, vnexpress\.net\)/u);
    assert.match(r.stdout, /Authors +Thanh Danh/u);
    for (const agency of ['Reuters', 'AFP']) assert.match(r.stdout, new RegExp(`^ *Agencies .*\\b${agency}\\b`, 'mu'));
    for (const person of ['Vladimir Putin', 'Kim Jong-un']) assert.match(r.stdout, new RegExp(`^ *People .*${person}`, 'mu'));
    assert.match(r.stdout, /^ *Places .*Bình Nhưỡng/mu);
    assert.match(r.stdout, /Body +"Hiệp ước đối tác toàn diện/u);
    assert.match(r.stdout, /^ *Dropped \d+ lines as junk: \d+ [a-z-]+(?:, \d+ [a-z-]+)*$/mu);
    assert.match(r.stdout, /^Page \(after the next build\): \/bai-viet\/nga-trieu-tien-ky-hiep-uoc-doi-tac-chien-luoc-toan-dien\/$/mu);
  });

  test('a file without a year: saved under chua-ro-ngay/, says so and shows --date (and the other flags)', async () => {
    const dir = archiveCopy();
    const file = join(dir, '..', 'khong-nam.txt');
    writeFileSync(file, NO_YEAR);
    const r = await archive(['add', file, '--dir', dir, '--no-build']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /! no year: only the day and month \(15\/08\) are in the text: add --date YYYY-08-15/u);
    assert.match(r.stdout, /! no outlet found: add --outlet/u);
    assert.match(r.stdout, /! no title line.*: add --title/u);
    const added = filesUnder(dir).filter((f) => f.startsWith('chua-ro-ngay/'));
    assert.deepEqual(added, ['chua-ro-ngay/chua-ro-bao-tong-thong-nga-vladimir-putin-hom-15-8-gui-thu-cho-ong-kim.txt']);
  });

  test('--strict refuses until the missing facts are given; then it adds', async () => {
    const dir = archiveCopy();
    const file = join(dir, '..', 'khong-nam.txt');
    writeFileSync(file, NO_YEAR);
    const before = filesUnder(dir);
    const refused = await archive(['add', file, '--dir', dir, '--no-build', '--strict']);
    assert.equal(refused.code, 1);
    const lines = refused.stderr.trim().split('\n');
    assert.equal(lines.length, 1, refused.stderr);
    assert.match(lines[0]!, /khong-nam\.txt: not added \(--strict\): .*--date YYYY-08-15.*--outlet.*--title/u);
    assert.deepEqual(filesUnder(dir), before);
    const given = await archive(['add', file, '--dir', dir, '--no-build', '--strict', '--date', '2024-08-15', '--outlet', 'tuoitre.vn', '--title', 'Putin gửi thư cho Kim Jong-un']);
    assert.equal(given.code, 0, given.stderr);
    assert.ok(existsSync(join(dir, '2024/2024-08-15-tuoitre-putin-gui-thu-cho-kim-jong-un.txt')), given.stdout);
  });

  test('--date and --outlet are written as front matter, the rest of the text unchanged, and the record uses them', async () => {
    const dir = archiveCopy();
    const r = await archive(['add', '-', '--dir', dir, '--no-build', '--date', '2024-06-19', '--outlet', 'vnexpress.net'], RAIL);
    assert.equal(r.code, 0, r.stderr);
    const name = '2024/2024-06-19-vnexpress-nga-va-trieu-tien-thao-luan-hop-tac-duong-sat.txt';
    assert.equal(readFileSync(join(dir, name), 'utf8'), `---\ndate: 2024-06-19\noutlet: vnexpress.net\n---\n${RAIL}`);
    const { record } = parseArticle({ sourceFile: name, bytes: readFileSync(join(dir, name)) });
    assert.equal(record?.published.date, '2024-06-19');
    assert.equal(record?.published.origin, 'front-matter');
    assert.equal(record?.outlet?.id, 'vnexpress');
  });

  test('an identical or near-identical article is refused with its path; --force adds it as a republication', async () => {
    const dir = archiveCopy();
    const original = readFileSync(join(dir, '001_a7106049b9dd7f83.txt'), 'utf8');
    const identical = await archive(['add', '-', '--dir', dir, '--no-build'], `Chia sẻ\n${original}`);
    assert.equal(identical.code, 1);
    assert.match(identical.stderr, /^<stdin>: already in the archive as .*articles\/001_a7106049b9dd7f83\.txt \(identical text\)/mu);
    const edited = original.replace('rất quan trọng', 'vô cùng quan trọng').replace('hội đàm hiếm hoi', 'hội đàm');
    const near = await archive(['add', '-', '--dir', dir, '--no-build'], edited);
    assert.equal(near.code, 1);
    assert.match(near.stderr, /already in the archive as .*001_a7106049b9dd7f83\.txt \(near-identical text, \d+% shared\)/u);
    const before = filesUnder(dir).length;
    const forced = await archive(['add', '-', '--dir', dir, '--no-build', '--force'], edited);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /^Republication of .*001_a7106049b9dd7f83\.txt/mu);
    const again = await archive(['add', '-', '--dir', dir, '--no-build', '--force'], edited);
    assert.equal(again.code, 0, again.stderr);
    const added = filesUnder(dir).filter((f) => f.startsWith('2024/'));
    assert.equal(filesUnder(dir).length, before + 2);
    assert.ok(added.some((f) => f.endsWith('-2.txt')), `never overwritten: ${added.join(', ')}`);
  });

  test('usage errors exit 2 with the usage text; input errors exit 1 with one line naming the file', async () => {
    const usage = [['add', '--frobnicate'], ['add', '--date', 'hôm qua'], ['list', '--year', '24'], ['show']];
    const [missing, empty, ...runs] = await Promise.all([
      archive(['add', 'no-such-article.txt', '--no-build']),
      archive(['add', '-', '--no-build'], ''),
      ...usage.map((args) => archive(args)),
    ]);
    runs.forEach((r, i) => {
      assert.equal(r!.code, 2, usage[i]!.join(' '));
      assert.match(r!.stderr, /usage:/u);
    });
    assert.equal(missing!.code, 1);
    assert.equal(missing!.stderr, 'no-such-article.txt: no such file\n');
    assert.equal(empty!.code, 1);
    assert.equal(empty!.stderr, '<stdin>: the file is empty\n');
  });

  test('then the site is rebuilt and the new page is there', async () => {
    const dir = archiveCopy();
    const output = join(dir, '..', 'site');
    const r = await archive(['add', '-', '--dir', dir, '--output', output, '--date', '2024-06-19', '--outlet', 'vnexpress'], RAIL);
    assert.equal(r.code, 0, r.stderr);
    const page = '/bai-viet/nga-va-trieu-tien-thao-luan-hop-tac-duong-sat/';
    assert.match(r.stdout, new RegExp(`^New page: ${page}`, 'mu'));
    const html = readFileSync(join(output, page, 'index.html'), 'utf8');
    assert.match(html, /Nga và Triều Tiên thảo luận hợp tác đường sắt/u);
    assert.match(html, /nhà ga Khasan/u);
  });
});

describe('archive list and show', { concurrency: true }, () => {
  test('list: newest first, undated last; filters by year, outlet, person and warnings', async () => {
    const dir = archiveCopy();
    writeFileSync(join(dir, 'khong-nam.txt'), NO_YEAR);
    const [all, year, outlet, person, warnings] = await Promise.all([
      [], ['--year', '2023'], ['--outlet', 'vtcnews.vn'], ['--person', 'choe son hui'], ['--warnings'],
    ].map((filter) => archive(['list', '--dir', dir, ...filter]))) as [Run, Run, Run, Run, Run];
    assert.equal(all.code, 0, all.stderr);
    const rows = all.stdout.trim().split('\n');
    assert.match(rows[0]!, /^date +outlet +title +file$/u);
    const dates = rows.slice(1, -2).map((l) => l.split(/\s+/)[0]!);
    assert.deepEqual(dates.filter((d) => d !== '—'), [...dates.filter((d) => d !== '—')].sort().reverse());
    assert.equal(dates.at(-1), '—');
    assert.match(rows.at(-1)!, /^\d+ articles$/u);

    assert.deepEqual(year.stdout.trim().split('\n').slice(1, -2).map((l) => l.slice(0, 4)), ['2023', '2023']);
    assert.match(outlet.stdout, /^2024-01-17 +vtcnews +Điện Kremlin/mu);
    assert.match(outlet.stdout, /^1 of \d+ articles$/mu);
    assert.match(person.stdout, /001_a7106049b9dd7f83\.txt/u);
    assert.doesNotMatch(person.stdout, /002_43dc0896c6e506a4\.txt/u);
    assert.match(warnings.stdout, /^date +outlet +warnings +title +file$/mu);
    assert.match(warnings.stdout, /^— +— +\d+ +Tổng thống Nga Vladimir Putin.* khong-nam\.txt$/mu);
    assert.match(warnings.stdout, /^\d+ of \d+ articles, \d+ warnings$/mu);
  });

  test('show: one record in full by file, slug or id; --json prints the record', async () => {
    const [r, json, unknown] = await Promise.all([
      archive(['show', '001_a7106049b9dd7f83.txt']),
      archive(['show', 'dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca-nhay-cam', '--json']),
      archive(['show', 'khong-co-bai-nay']),
    ]);
    assert.equal(r.code, 0, r.stderr);
    for (const label of ['id', 'slug', 'page', 'file', 'title', 'date', 'outlet', 'original outlet', 'url', 'authors', 'agencies', 'people', 'places', 'tags']) {
      assert.match(r.stdout, new RegExp(`^${label} +\\S`, 'mu'), label);
    }
    assert.match(r.stdout, /^removed \(5 lines\):\n {2}\[widget\] • Zalo$/mu);
    assert.match(r.stdout, /^warnings \(0\):$/mu);
    const record = JSON.parse(json.stdout) as { id: string; sourceFile: string };
    assert.equal(record.sourceFile, '001_a7106049b9dd7f83.txt');
    const byId = await archive(['show', record.id]);
    assert.equal(byId.stdout, r.stdout);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stderr.trim().split('\n').length, 1);
  });
});

describe('editor helpers', () => {
  test('front matter: values quoted when YAML could misread them, merged into an existing block', () => {
    assert.equal(yamlScalar('date', '2024-06-19'), '2024-06-19');
    assert.equal(yamlScalar('outlet', 'vnexpress.net'), 'vnexpress.net');
    assert.equal(yamlScalar('outlet', 'yes'), '"yes"');
    const title = 'Nga: "hợp tác" # mọi lĩnh vực';
    const text = withFrontMatter('---\r\ntags: [a, b]\r\ntitle: cũ\r\n---\r\nThân bài\r\n', { title, url: 'https://vnexpress.net/a-1.html' });
    assert.equal(text, `---\r\ntags: [a, b]\r\ntitle: ${JSON.stringify(title)}\r\nurl: "https://vnexpress.net/a-1.html"\r\n---\r\nThân bài\r\n`);
    const fm = readFrontMatter(text.replace(/\r\n/g, '\n'));
    assert.deepEqual(fm.findings, []);
    assert.equal(fm.data.title, title);
    assert.deepEqual(fm.data.tags, ['a', 'b']);
    assert.equal(withFrontMatter('Thân bài\n', {}), 'Thân bài\n');
  });

  test('names: dated, undated, capped slug, never the same name twice', () => {
    const base = { title: 'Điện Kremlin: Nga hợp tác mọi lĩnh vực với Triều Tiên, kể cả lĩnh vực nhạy cảm nhất hiện nay', outlet: { id: 'vtcnews', name: 'VTC News', domain: 'vtcnews.vn' } };
    const dated = articleFileName({ ...base, published: { date: '2024-01-17', time: null, iso: null, partial: null, origin: 'dateline' } });
    assert.equal(dated, '2024/2024-01-17-vtcnews-dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca.txt');
    const undated = articleFileName({ ...base, outlet: null, published: { date: null, time: null, iso: null, partial: null, origin: 'none' } }, '.md');
    assert.equal(undated, 'chua-ro-ngay/chua-ro-bao-dien-kremlin-nga-hop-tac-moi-linh-vuc-voi-trieu-tien-ke-ca.md');
    const taken = new Set(['a/b.txt', 'a/b-2.txt']);
    assert.equal(firstFreeName('a/b.txt', (c) => taken.has(c)), 'a/b-3.txt');
    assert.equal(firstFreeName('a/c.txt', (c) => taken.has(c)), 'a/c.txt');
  });

  test('similarity: shingle Jaccard', () => {
    const a = shingles(normaliseText('Một hai ba bốn năm sáu bảy tám chín mười.'));
    const b = shingles(normaliseText('một, hai, ba, bốn, năm, sáu, bảy, tám, chín, mười'));
    assert.equal(jaccard(a, b), 1);
    const c = shingles(normaliseText('Một hai ba bốn năm sáu bảy tám chín mươi'));
    assert.ok(jaccard(a, c) < 0.8);
  });

  test('arguments: values, switches, usage errors', () => {
    const spec = { values: ['date'], switches: ['force'], maxPositionals: 1 };
    const a = parseArgs(['-', '--date=2024-06-19', '--force'], spec);
    assert.deepEqual([a.positionals, a.values.get('date'), a.switches.has('force')], [['-'], '2024-06-19', true]);
    assert.throws(() => parseArgs(['--date'], spec), UsageError);
    assert.throws(() => parseArgs(['--nope'], spec), UsageError);
    assert.throws(() => parseArgs(['a', 'b'], spec), UsageError);
  });
});

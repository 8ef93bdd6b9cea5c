/**
 * What the architecture promises, pinned at its boundaries (issue #22, item 6): for each constant one
 * value that fires and one that must not. The outlet evidence order (every adjacent pair of kinds, in
 * either order of the evidence), the "theo X" credit and another outlet's byline as the original; the
 * lede's word limits and the teaser run, through parseArticle on small Vietnamese articles; the story
 * grouping's duplicate threshold, its same-event window and the republication window.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { decideOutlets, type OutletEvidence, type OutletEvidenceKind } from '../src/extract/outlet.ts';
import { LEDE_MAX_WORDS, LEDE_MIN_WORDS, TEASER_MIN_RUN } from '../src/classify/documentRules.ts';
import { parseArticle } from '../src/parse.ts';
import { wordCount } from '../src/read/text.ts';
import { DUPLICATE, groupStories, MAX_DAYS, REPUBLICATION_DAYS, REPUBLICATION_SIMILARITY, type StoryRecord } from '../src/stories/index.ts';
import { hashWords, shinglesOfWords, sortedJaccard, sortedSet } from '../src/stories/minhash.ts';
import type { Outlet } from '../src/record.ts';

// --- 1. outlet evidence ---------------------------------------------------------------------------

const outlet = (id: string, name: string, domain: string): Outlet => ({ id, name, domain });
const VNEXPRESS = outlet('vnexpress', 'VnExpress', 'vnexpress.net');
const TUOITRE = outlet('tuoitre', 'Tuổi Trẻ', 'tuoitre.vn');
const TTXVN = outlet('ttxvn', 'TTXVN', 'vnanet.vn');

/** strongest first: front matter > URL > copyright line > tag > title suffix > footer > byline (docs/ARCHITECTURE.md) */
const ORDER: readonly OutletEvidenceKind[] = [
  'front-matter', 'url', 'copyright', 'tag', 'self-credit', 'title-suffix', 'source-label', 'outlet-name',
  'footer-domain', 'footer-name', 'byline', 'widget',
];

const ev = (kind: OutletEvidenceKind, o: Outlet, line = 1): OutletEvidence => ({ kind, outlet: o, line });

describe('outlet evidence order', () => {
  test('the order names every kind of evidence but the credit', () => {
    const all: OutletEvidenceKind[] = ['front-matter', 'url', 'copyright', 'title-suffix', 'tag', 'self-credit', 'source-label', 'outlet-name',
      'footer-domain', 'footer-name', 'byline', 'widget', 'credit'];
    assert.deepEqual([...ORDER, 'credit'].sort(), [...all].sort());
  });

  for (let k = 0; k + 1 < ORDER.length; k++) {
    const strong = ORDER[k]!;
    const weak = ORDER[k + 1]!;
    test(`${strong} outweighs ${weak}, whichever is given first`, () => {
      assert.equal(decideOutlets([ev(strong, VNEXPRESS), ev(weak, TUOITRE)]).outlet?.id, 'vnexpress');
      assert.equal(decideOutlets([ev(weak, TUOITRE), ev(strong, VNEXPRESS)]).outlet?.id, 'vnexpress');
      // and the other way round: the winner is the kind, not the outlet
      assert.equal(decideOutlets([ev(strong, TUOITRE), ev(weak, VNEXPRESS)]).outlet?.id, 'tuoitre');
      assert.equal(decideOutlets([ev(weak, VNEXPRESS), ev(strong, TUOITRE)]).outlet?.id, 'tuoitre');
    });
  }

  test('the promised chain: front matter > URL > copyright > tag > title suffix > footer > byline', () => {
    const chain: OutletEvidenceKind[] = ['front-matter', 'url', 'copyright', 'tag', 'title-suffix', 'footer-domain', 'footer-name', 'byline'];
    for (let k = 0; k + 1 < chain.length; k++) {
      const got = decideOutlets([ev(chain[k + 1]!, TUOITRE), ev(chain[k]!, VNEXPRESS)]);
      assert.equal(got.outlet?.id, 'vnexpress', `${chain[k]} over ${chain[k + 1]}`);
    }
  });

  test('a credit ("Theo TTXVN") never names the page\'s outlet, only the original', () => {
    assert.deepEqual(decideOutlets([ev('credit', TTXVN)]), { outlet: null, originalOutlet: TTXVN });
    assert.deepEqual(decideOutlets([ev('credit', TTXVN), ev('widget', TUOITRE)]), { outlet: TUOITRE, originalOutlet: TTXVN });
  });

  test('a credit of another outlet is the original; a credit of the page\'s own outlet is not', () => {
    assert.deepEqual(decideOutlets([ev('url', TUOITRE), ev('credit', TTXVN, 9)]), { outlet: TUOITRE, originalOutlet: TTXVN });
    assert.deepEqual(decideOutlets([ev('url', TUOITRE), ev('credit', TUOITRE, 9)]), { outlet: TUOITRE, originalOutlet: null });
  });

  test('a byline of another outlet is the original; of the page\'s own outlet, or as the only evidence, it is not', () => {
    assert.deepEqual(decideOutlets([ev('url', TUOITRE), ev('byline', VNEXPRESS, 3)]), { outlet: TUOITRE, originalOutlet: VNEXPRESS });
    assert.deepEqual(decideOutlets([ev('footer-name', TUOITRE), ev('byline', VNEXPRESS, 3)]), { outlet: TUOITRE, originalOutlet: VNEXPRESS });
    assert.deepEqual(decideOutlets([ev('url', TUOITRE), ev('byline', TUOITRE, 3)]), { outlet: TUOITRE, originalOutlet: null });
    // the byline that names the page's outlet is no evidence of another original
    assert.deepEqual(decideOutlets([ev('byline', VNEXPRESS, 3)]), { outlet: VNEXPRESS, originalOutlet: null });
    assert.deepEqual(decideOutlets([ev('byline', VNEXPRESS, 3), ev('byline', TUOITRE, 4)]), { outlet: VNEXPRESS, originalOutlet: null });
  });

  test('a credit comes before a byline as the original', () => {
    assert.deepEqual(decideOutlets([ev('url', TUOITRE), ev('byline', VNEXPRESS, 3), ev('credit', TTXVN, 9)]), { outlet: TUOITRE, originalOutlet: TTXVN });
  });
});

// --- 2. lede and teasers, through parseArticle ----------------------------------------------------

const TITLE = 'Việt Nam và Nhật Bản thúc đẩy hợp tác đầu tư hạ tầng giao thông';
const BODY = [
  'Tại buổi tiếp, Thủ tướng Phạm Minh Chính đánh giá cao những đóng góp của Đại sứ Ito Naoki cho quan hệ Đối tác chiến lược toàn diện giữa hai nước.',
  'Thủ tướng đề nghị Nhật Bản tiếp tục hỗ trợ Việt Nam xây dựng các dự án hạ tầng giao thông quy mô lớn, nhất là đường sắt tốc độ cao Bắc – Nam.',
  'Đại sứ Ito Naoki cho biết sẽ tiếp tục đóng góp cho sự phát triển của quan hệ hai nước trên cương vị mới.',
];
/** a sapo with its dateline, up to "lao động," */
const SAPO = 'HÀ NỘI, ngày 12/3/2025 (TTXVN) – Chiều nay tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nhật Bản Ito Naoki ' +
  'đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam, hai bên đã trao đổi về những kết quả nổi bật trong quan hệ ' +
  'hợp tác giữa hai nước thời gian qua, nhất là trong các lĩnh vực đầu tư, thương mại, viện trợ phát triển chính thức, lao động, ';
/** 90 words as the parser counts them ("12/3/2025" is three) */
const SAPO_90 = `${SAPO}giáo dục và giao lưu giữa nhân dân.`;
const SAPO_91 = `${SAPO}giáo dục, du lịch và giao lưu nhân dân.`;
/** 10 words, and 9 */
const SAPO_10 = 'Thủ tướng Phạm Minh Chính tiếp Đại sứ Ito Naoki.';
const SAPO_9 = 'Thủ tướng tiếp Đại sứ Nhật Bản Ito Naoki.';

function parse(lines: readonly string[]) {
  const text = `${lines.join('\n\n')}\n`;
  const r = parseArticle({ sourceFile: 'thu-tuong-tiep-dai-su-nhat-ban.txt', bytes: new TextEncoder().encode(text) });
  assert.ok(r.record, 'the article parses');
  return r;
}

function roleOf(lines: readonly string[], text: string): string | undefined {
  return parse(lines).segments.find((s) => s.text === text)?.role;
}

describe('lede thresholds', () => {
  test('the constants', () => {
    assert.equal(LEDE_MIN_WORDS, 10);
    assert.equal(LEDE_MAX_WORDS, 90);
  });

  test(`a first paragraph of ${LEDE_MIN_WORDS} words is the lede; of ${LEDE_MIN_WORDS - 1} it is not`, () => {
    const at = SAPO_10;
    const below = SAPO_9;
    assert.equal(wordCount(at), LEDE_MIN_WORDS);
    assert.equal(wordCount(below), LEDE_MIN_WORDS - 1);
    const withAt = parse([TITLE, at, ...BODY]);
    assert.equal(withAt.record?.lede, at);
    assert.equal(withAt.segments.find((s) => s.text === at)?.role, 'lede');
    const withBelow = parse([TITLE, below, ...BODY]);
    assert.equal(withBelow.record?.lede, null);
    assert.equal(withBelow.segments.find((s) => s.text === below)?.role, 'body');
  });

  test(`a sapo with its dateline of ${LEDE_MAX_WORDS} words is the lede; of ${LEDE_MAX_WORDS + 1} it is not`, () => {
    const at = SAPO_90;
    const above = SAPO_91;
    assert.match(at, /^HÀ NỘI, ngày 12\/3\/2025 \(TTXVN\) – /u);
    assert.equal(wordCount(at), LEDE_MAX_WORDS);
    assert.equal(wordCount(above), LEDE_MAX_WORDS + 1);
    const withAt = parse([TITLE, at, ...BODY]);
    assert.equal(withAt.record?.lede, at);
    const withAbove = parse([TITLE, above, ...BODY]);
    assert.equal(withAbove.record?.lede, null);
    assert.equal(withAbove.segments.find((s) => s.text === above)?.role, 'body');
  });
});

describe('teaser run', () => {
  const story = [TITLE, SAPO_90, ...BODY];
  /** other news at the end of the page: each names people or places the story does not */
  const foreign = [
    'Ngày 2/8, Bộ trưởng Quốc phòng Mỹ Lloyd Austin đã hủy bỏ các thỏa thuận với các đối tượng bị cáo buộc.',
    'Các hệ thống phòng không đã được kích hoạt ở thủ đô Kiev của Ukraine khi máy bay không người lái Nga tấn công.',
    'Quốc hội Colombia thông qua dự luật cấm đấu bò tót sau nhiều năm tranh cãi.',
    'Quân đội Myanmar và liên minh ba nhóm vũ trang thông báo ngừng bắn theo thỏa thuận do Trung Quốc làm trung gian.',
  ];

  test('the constant', () => {
    assert.equal(TEASER_MIN_RUN, 3);
  });

  test(`${TEASER_MIN_RUN} foreign paragraphs at the end are dropped as teasers; ${TEASER_MIN_RUN - 1} stay in the story`, () => {
    const run = foreign.slice(0, TEASER_MIN_RUN);
    const atRun = parse([...story, ...run]);
    assert.deepEqual(run.map((t) => atRun.segments.find((s) => s.text === t)?.role), run.map(() => 'teaser'));
    assert.ok(!atRun.record!.text.includes('Lloyd Austin'));
    assert.ok(atRun.record!.text.includes(BODY[2]!));

    const short = foreign.slice(0, TEASER_MIN_RUN - 1);
    const belowRun = parse([...story, ...short]);
    assert.deepEqual(short.map((t) => belowRun.segments.find((s) => s.text === t)?.role), short.map(() => 'body'));
    assert.ok(belowRun.record!.text.includes('Lloyd Austin'));
  });

  test('the story\'s own paragraphs are never teasers', () => {
    assert.deepEqual(BODY.map((t) => roleOf([...story, ...foreign], t)), BODY.map(() => 'body'));
  });
});

// --- 3. story grouping -----------------------------------------------------------------------------

function fixture(name: string): { title: string; lede: string; text: string } {
  const [title, lede, ...paras] = readFileSync(new URL(`./fixtures/stories/${name}.txt`, import.meta.url), 'utf8').trim().split(/\n+/);
  return { title: title!, lede: lede!, text: paras.join('\n\n') };
}

const PEOPLE = ['Vladimir Putin', 'Kim Jong-un'];
const PLACES = ['Bình Nhưỡng'];

function story(id: string, name: string, date: string, o: { id: string; name: string }, over: Partial<StoryRecord> = {}): StoryRecord {
  return {
    id, ...fixture(name), published: { date, time: null }, outlet: o, originalOutlet: null, people: PEOPLE, places: PLACES, ...over,
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const fullShingles = (r: StoryRecord): Uint32Array => sortedSet(shinglesOfWords(hashWords([r.lede ?? '', r.text].join(' ')), 3));
const similarity = (a: StoryRecord, b: StoryRecord): number => sortedJaccard(fullShingles(a), fullShingles(b));

/** a closing paragraph a republishing outlet adds: each word of it one more shingle the original lacks */
const ADDED = (
  'Giới quan sát cho rằng chuyến thăm lần này của ông Putin diễn ra trong bối cảnh phương Tây liên tục gia tăng sức ép ' +
  'trừng phạt đối với Moskva, còn Bình Nhưỡng tìm kiếm thêm nguồn hỗ trợ về kinh tế, năng lượng và lương thực; các nhà ' +
  'phân tích tại Seoul và Tokyo bày tỏ quan ngại rằng hiệp ước mới có thể mở đường cho việc chuyển giao công nghệ quân sự, ' +
  'trong khi Washington kêu gọi hai nước tuân thủ các nghị quyết của Hội đồng Bảo an Liên hợp quốc và khẳng định sẽ phối hợp ' +
  'chặt chẽ với các đồng minh trong khu vực để theo dõi sát diễn biến, đồng thời để ngỏ khả năng áp đặt thêm các biện pháp ' +
  'trừng phạt mới nhằm vào những cá nhân và tổ chức liên quan đến hợp tác quân sự giữa hai bên trong thời gian tới'
).split(' ');

/** the text with the first `words` words of the added paragraph after it */
function extended(text: string, words: number): string {
  assert.ok(words <= ADDED.length, 'added paragraph long enough');
  return words === 0 ? text : `${text}\n\n${ADDED.slice(0, words).join(' ')}.`;
}

const BASE = '2024-06-19';
const original = story('a-vnexpress', 'putin-vnexpress', BASE, { id: 'vnexpress', name: 'VnExpress' });
const copyOf = (added: number, date: string): StoryRecord =>
  ({ ...original, id: 'b-soha', outlet: { id: 'soha', name: 'Soha' }, originalOutlet: { id: 'vnexpress', name: 'VnExpress' }, text: extended(original.text, added), published: { date, time: null } });

/** the most added words that keep a copy at or above `min` similarity */
function addedAtLeast(min: number): number {
  let e = 0;
  while (similarity(original, copyOf(e + 1, BASE)) >= min) e++;
  return e;
}

const folded = (records: StoryRecord[]): boolean => groupStories(records).canonicalOf[1] === 0;

describe('story grouping constants', () => {
  test('the constants', () => {
    assert.equal(DUPLICATE, 0.8);
    assert.equal(MAX_DAYS, 3);
    assert.equal(REPUBLICATION_DAYS, 31);
    assert.equal(REPUBLICATION_SIMILARITY, 0.95);
  });

  test(`near-duplicates: a copy at ${DUPLICATE} similarity or more is folded, just below it is not`, () => {
    const e = addedAtLeast(DUPLICATE);
    const at = copyOf(e, BASE);
    const below = copyOf(e + 1, BASE);
    assert.ok(similarity(original, at) >= DUPLICATE && similarity(original, at) < DUPLICATE + 0.01, `${similarity(original, at)}`);
    assert.ok(similarity(original, below) < DUPLICATE && similarity(original, below) > DUPLICATE - 0.01, `${similarity(original, below)}`);
    const r = groupStories([original, at]);
    assert.equal(r.canonicalOf[1], 0);
    assert.deepEqual(r.groups, [{ canonical: 0, others: [1] }]);
    assert.equal(folded([original, below]), false);
  });

  test(`same event: linked ${MAX_DAYS} days apart, not ${MAX_DAYS + 1}`, () => {
    const other = (date: string) => story('b-tuoitre', 'putin-tuoitre', date, { id: 'tuoitre', name: 'Tuổi Trẻ' }, { places: ['Bình Nhưỡng', 'Moskva', 'Seoul'] });
    const linked = (date: string): boolean => {
      const r = groupStories([original, other(date)]);
      assert.equal(r.canonicalOf[1], 1, 'different writing is no duplicate');
      return !!r.sameEvent[0]?.includes(1) && !!r.sameEvent[1]?.includes(0);
    };
    assert.equal(linked(addDays(BASE, MAX_DAYS)), true);
    assert.equal(linked(addDays(BASE, -MAX_DAYS)), true);
    assert.equal(linked(addDays(BASE, MAX_DAYS + 1)), false);
    assert.equal(linked(addDays(BASE, -(MAX_DAYS + 1))), false);
  });

  test('republication: a near-duplicate copy 31 days later is folded, 32 days later it is not', () => {
    // a copy with a paragraph added (below 0.95, at or above DUPLICATE): weeks apart still one article
    const e = addedAtLeast(DUPLICATE);
    const sim = similarity(original, copyOf(e, BASE));
    assert.ok(sim >= DUPLICATE && sim < 0.95);
    assert.equal(folded([original, copyOf(e, addDays(BASE, 21))]), true);
    assert.equal(folded([original, copyOf(e, addDays(BASE, 31))]), true);
    assert.equal(folded([original, copyOf(e, addDays(BASE, 32))]), false);
  });

  test('republication: an almost identical copy (0.95 or more) is folded however far apart; just below 0.95 it is not', () => {
    const e = addedAtLeast(0.95);
    const at = copyOf(e, addDays(BASE, 200));
    const below = copyOf(e + 1, addDays(BASE, 200));
    assert.ok(similarity(original, at) >= 0.95 && similarity(original, below) < 0.95 && similarity(original, below) > 0.94, `${similarity(original, below)}`);
    assert.equal(folded([original, at]), true);
    assert.equal(folded([original, below]), false);
    // the credited original carries the group
    assert.equal(groupStories([at, original]).canonicalOf[0], 1);
  });
});

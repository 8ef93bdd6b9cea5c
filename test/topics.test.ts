/** Topics (src/topics/) and the event timeline (src/timeline/): data files, assignment, matching, pages' data. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { ArticleRecord } from '../src/record.ts';
import { buildSiteData } from '../src/site/data.ts';
import { assignTopics, loadTopics, parseTopics } from '../src/topics/index.ts';
import { loadEvents, matchEvents, parseEvents } from '../src/timeline/index.ts';
import { ARCHIVE } from './support/archiveSettings.ts';

const samples = JSON.parse(await readFile(new URL('./fixtures/sample-records.json', import.meta.url), 'utf8')) as ArticleRecord[];
const bySlug = (prefix: string) => samples.find((r) => r.slug.startsWith(prefix)) as ArticleRecord;

const text = (title: string, lede: string, body: string, extra: Partial<ArticleRecord> = {}) => ({
  ...(samples[0] as ArticleRecord),
  title,
  lede,
  text: body,
  people: [] as string[],
  places: [] as string[],
  ...extra,
});

describe('topics', () => {
  test('the data file: at least 6 topics, Vietnamese names, unique slugs, keywords', () => {
    const { topics } = loadTopics();
    assert.ok(topics.length >= 6);
    for (const slug of ['hiep-uoc-2024', 'hop-tac-quan-su', 'vu-khi-va-trung-phat', 'binh-si-o-kursk', 'ngoai-giao-va-cac-chuyen-tham', 'hoi-dong-bao-an']) {
      assert.ok(topics.some((t) => t.slug === slug), slug);
    }
    assert.ok(topics.every((t) => t.keywords.length >= 3 && /[^\x00-\x7f]/.test(t.name)));
    assert.throws(() => parseTopics({ threshold: 1, topics: [topics[0], topics[0]] }), /used twice/);
  });

  test('assignment by keywords and entities, over title, lede and body', () => {
    const [treaty, kursk, unsc, football] = assignTopics([
      text('Nga phê chuẩn hiệp ước đối tác chiến lược toàn diện với Triều Tiên', 'Ông Putin ký luật phê chuẩn.', 'Hiệp ước có hiệu lực sau khi trao đổi văn kiện.'),
      text('Binh sĩ Triều Tiên tham chiến ở Kursk', 'Moskva xác nhận.', 'Lính Triều Tiên được triển khai.', { places: ['Kursk'] }),
      text('Nga phủ quyết nghị quyết về Triều Tiên', 'Hội đồng Bảo an Liên Hợp Quốc không thông qua dự thảo.', 'Nga phủ quyết gia hạn hội đồng chuyên gia.'),
      text('Đội tuyển bóng đá thắng 2-0', 'Trận đấu diễn ra tối qua.', 'Khán giả cổ vũ nhiệt tình.'),
    ]);
    assert.ok(treaty?.includes('hiep-uoc-2024'), String(treaty));
    assert.equal(kursk?.[0], 'binh-si-o-kursk');
    assert.equal(unsc?.[0], 'hoi-dong-bao-an');
    assert.deepEqual(football, []);
  });

  test('diacritics and case do not matter; one mention in the body is not enough', () => {
    const [plain, weak] = assignTopics([
      text('NGA PHE CHUAN HIEP UOC DOI TAC CHIEN LUOC TOAN DIEN', '', ''),
      text('Tin tổng hợp', '', 'Một đoạn nhắc đến du lịch.'),
    ]);
    assert.ok(plain?.includes('hiep-uoc-2024'));
    assert.deepEqual(weak, []);
  });

  test('the sample articles get their topics; each topic has a page and the index counts them', () => {
    const [kremlin, alliance] = assignTopics([bySlug('dien-kremlin'), bySlug('trieu-tien-lien-minh')]);
    assert.ok(kremlin?.includes('ngoai-giao-va-cac-chuyen-tham'));
    assert.ok(alliance?.includes('hop-tac-quan-su') && alliance.includes('binh-si-o-kursk'));
    const data = buildSiteData(samples, { archive: ARCHIVE });
    const { topics } = loadTopics();
    assert.equal(data.topicIndex.entries.length, topics.length);
    for (const e of data.topicIndex.entries) {
      const page = data.topicPages.find((p) => p.url === e.url);
      assert.ok(page, e.url);
      assert.equal(page.total, e.count);
      assert.ok(data.pageUrls.includes(e.url));
    }
    const article = data.articles.find((a) => a.slug.startsWith('trieu-tien-lien-minh'))!;
    assert.ok(article.topics.some((t) => t.url === '/chu-de/binh-si-o-kursk/'));
  });
});

describe('timeline', () => {
  test('the data file: at least 10 events in date order, with the key ones', () => {
    const events = loadEvents();
    assert.ok(events.length >= 10);
    const dates = events.map((e) => e.date);
    assert.deepEqual(dates, [...dates].sort());
    for (const d of ['2019-04-25', '2023-09-13', '2024-06-19', '2024-12-04']) assert.ok(dates.includes(d), d);
    assert.throws(() => parseEvents([events[0], events[0]]), /used twice/);
  });

  test('articles match an event by date window and keywords/entities', () => {
    const events = loadEvents();
    const slugOf = (i: number) => (i >= 0 ? events[i]?.slug : null);
    const matched = matchEvents(samples).map(slugOf);
    const at = (prefix: string) => matched[samples.indexOf(bySlug(prefix))];
    assert.equal(at('dien-kremlin'), 'choe-son-hui-tham-moskva-2024-01');
    assert.equal(at('nga-noi-ve-y-dinh'), 'thuong-dinh-vostochny-2023');
    assert.equal(at('trieu-tien-lien-minh'), null, 'three weeks after the treaty came into force: too late');
    assert.equal(at('nga-thuc-hien-buoc-di'), null, 'undated');
    // in the window but about something else
    const other = text('Giá lúa gạo tăng', 'Thị trường trong nước.', 'Không liên quan.', { published: { ...samples[0]!.published, date: '2024-06-19' } });
    assert.deepEqual(matchEvents([other]), [-1]);
  });

  test('the timeline page data links the articles and each article links back', () => {
    const data = buildSiteData(samples, { archive: ARCHIVE });
    const ev = data.eventTimeline.events.find((e) => e.slug === 'choe-son-hui-tham-moskva-2024-01')!;
    assert.equal(ev.articles.length, 1);
    const article = data.articles.find((a) => a.url === ev.articles[0]?.url)!;
    assert.equal(article.event?.url, '/dong-thoi-gian/#choe-son-hui-tham-moskva-2024-01');
    assert.ok(data.pageUrls.includes('/dong-thoi-gian/'));
  });
});

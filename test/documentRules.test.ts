import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLines, DOCUMENT_RULES } from '../src/classify/index.ts';
import { doubledHalf, isTitleLike, splitTitleSuffix } from '../src/classify/headline.ts';
import { lineShape, locateStory } from '../src/classify/storyZone.ts';
import type { Classified } from '../src/classify/types.ts';

/** roles of a small document, one line per entry */
function roles(lines: string[]): string[] {
  return classifyLines(lines.map((text, i) => ({ text, line: i + 1, column: 1 }))).map((s) => s.role);
}

const P = (n: number): string =>
  `Đoạn văn số ${n} kể rằng hai nước đã thảo luận nhiều vấn đề quan trọng về hợp tác kinh tế và an ninh trong khu vực suốt nhiều năm qua.`;

test('every document rule has a test below', () => {
  assert.deepEqual(DOCUMENT_RULES.map((r) => r.id), ['footer-zone', 'story', 'title', 'repeated-title', 'related-links', 'comments', 'outside-story', 'link-list', 'glued-link', 'duplicates', 'navigation', 'lede', 'byline-zone', 'teasers', 'body']);
});

test('title: the first headline-like line; a long opening sentence before it is the lede', () => {
  assert.deepEqual(
    roles(['Theo hãng tin KCNA, ông Putin và ông Kim Jong Un đã trao đổi thư trong ngày 15/8, cam kết về một mối quan hệ chiến lược lâu dài.',
      'Triều Tiên, Nga cam kết tăng cường quan hệ song phương |', P(1), P(2), P(3)]),
    ['lede', 'title', 'body', 'body', 'body'],
  );
});

test('title: not found when the first lines are all prose', () => {
  assert.ok(!roles([P(1), P(2), P(3), P(4)]).includes('title'));
});

test('title helpers: headline shape, outlet suffix, doubled link', () => {
  assert.equal(isTitleLike('Nga nói về ý định \'tiến xa hơn\' với Triều Tiên'), true);
  assert.equal(isTitleLike('Nga sẽ làm gì tiếp theo?'), true);
  assert.equal(isTitleLike('Hai bên đã đồng ý gặp nhau.'), false);
  assert.equal(isTitleLike('Thế giới'), false);
  assert.deepEqual(splitTitleSuffix('Nga phủ quyết nghị quyết về Triều Tiên - Báo Người Lao Động Online'), { title: 'Nga phủ quyết nghị quyết về Triều Tiên', outletId: 'nld' });
  assert.deepEqual(splitTitleSuffix('Nga - Triều Tiên ký hiệp ước'), { title: 'Nga - Triều Tiên ký hiệp ước' });
  assert.equal(doubledHalf('Nga phê chuẩn hiệp ước với Triều Tiên Nga phê chuẩn hiệp ước với Triều Tiên |'), 'Nga phê chuẩn hiệp ước với Triều Tiên');
  assert.equal(doubledHalf('Nga phê chuẩn hiệp ước với Triều Tiên'), null);
});

test('repeated title: later copies of the title are removed', () => {
  const r = roles(['Nga thực hiện bước đi mới đối với Triều Tiên', 'Phạm Nghĩa |', 'Nga thực hiện bước đi mới đối với Triều Tiên', 'Nga thực hiện bước đi mới đối với Triều Tiên - Ảnh 2.', P(1), P(2), P(3)]);
  assert.deepEqual(r, ['title', 'byline', 'repeated-title', 'photo-marker', 'lede', 'body', 'body']);
});

test('related links: headlines after "Tin liên quan", and a headline printed twice', () => {
  const r = roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), 'Tin liên quan |', 'Triều Tiên tiếp đón các phái đoàn Nga và Trung Quốc |', P(2),
    'Nga-Triều Tiên tăng cường hợp tác quốc phòng hậu Thượng đỉnh', 'Nga-Triều Tiên tăng cường hợp tác quốc phòng hậu Thượng đỉnh', P(3), P(4)]);
  assert.deepEqual(r, ['title', 'lede', 'related-link', 'related-link', 'body', 'related-link', 'related-link', 'body', 'body']);
});

test('duplicates: a repeated caption and a repeated paragraph appear once', () => {
  const cap = 'Tổng thống Nga Vladimir Putin gặp Ngoại trưởng Triều Tiên Choe Son-hui tại Moskva ngày 16/1. (Ảnh: Reuters)';
  assert.deepEqual(roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), cap, cap, P(2), P(2), P(3)]),
    ['title', 'lede', 'caption', 'repeated-caption', 'body', 'duplicate-paragraph', 'body']);
});

test('byline zone: a name between two paragraphs of the story is not a byline', () => {
  assert.deepEqual(roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), P(2), 'Minh Châu', P(3), P(4), 'Thu Trang']),
    ['title', 'lede', 'body', 'body', 'body', 'body', 'byline']);
});

test('byline zone: a byline between the lede and the story stays a byline', () => {
  assert.deepEqual(roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), 'Bài và ảnh: HẢI VÂN', '(Phóng viên Báo Nhân Dân tại Liên bang Nga)', P(2), P(3)]),
    ['title', 'lede', 'byline', 'byline', 'body', 'body']);
});

test('navigation: short menu words before or after the story go, a short line inside it stays', () => {
  assert.deepEqual(roles(['Tin chính', 'Việt Nam', 'Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), P(2), 'Hai bên', P(3), 'Hết']),
    ['breadcrumb', 'breadcrumb', 'title', 'lede', 'body', 'body', 'body', 'breadcrumb']);
});

test('lede: the first paragraph after the title, unless it continues a lost one', () => {
  assert.equal(roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), P(2), P(3)])[1], 'lede');
  assert.equal(roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', `Theo đó, ${P(1)}`, P(2), P(3)])[1], 'body');
  assert.equal(roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), P(2)])[1], 'body');
});

test('teasers: a run of other news at the end is dropped, the story is kept', () => {
  const story = [
    'Triều Tiên, Nga cam kết tăng cường quan hệ song phương',
    'Tổng thống Nga Vladimir Putin và Chủ tịch Triều Tiên Kim Jong Un đã trao đổi thư nhân kỷ niệm ngày giải phóng, cam kết hợp tác lâu dài.',
    'Trong thư, ông Kim Jong Un khẳng định quan hệ hữu nghị giữa hai nước được vun đắp trong Thế chiến II.',
    'Ông Putin nêu rõ hai nước sẽ tăng cường hợp tác song phương trong mọi lĩnh vực vì lợi ích của hai dân tộc.',
    'Hai bên cũng nhất trí sẽ tiếp tục trao đổi đoàn cấp cao trong thời gian tới.',
  ];
  const teasers = [
    'Ngày 2/8, Bộ trưởng Quốc phòng Mỹ Lloyd Austin đã hủy bỏ các thỏa thuận với các đối tượng bị cáo buộc.',
    'Các hệ thống phòng không đã được kích hoạt ở thủ đô Kiev của Ukraine khi máy bay không người lái Nga tấn công.',
    'Quốc hội Colombia thông qua dự luật cấm đấu bò tót.',
    'Quân đội Myanmar và liên minh ba nhóm vũ trang thông báo ngừng bắn theo thỏa thuận do Trung Quốc làm trung gian.',
  ];
  assert.deepEqual(roles([...story, ...teasers]).slice(story.length), ['teaser', 'teaser', 'teaser', 'teaser']);
  assert.deepEqual(roles(story).slice(2), ['body', 'body', 'body']);
  // one unrelated closing paragraph is not a run
  assert.deepEqual(roles([...story, teasers[0]!]).slice(-1), ['body']);
});

test('comments: after the story, a comments header takes the readers\' names and words with it', () => {
  const r = roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), P(2), P(3), 'Bảo Châu', 'Bình luận (3)', 'Nguyễn Văn Hùng · 2 giờ trước', 'Hợp tác kiểu này rồi sẽ còn kéo dài.', 'Trần Minh Tuấn', 'Mong hòa bình sớm trở lại.']);
  assert.deepEqual(r.slice(4), ['byline', 'widget', 'comment', 'comment', 'comment', 'comment']);
  // the header alone in the middle of a story starts nothing
  assert.deepEqual(roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), 'Bình luận', P(2), P(3)]).slice(3), ['body', 'body']);
});

test('footer zone: after the last paragraph, a footer line takes the rest with it', () => {
  const r = roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), P(2), P(3), 'Đường dây nóng: 0943 113 999', 'Trí Thức Trẻ', 'Tầng 17,19,20,21 Toà nhà Center Building', 'Số 1 Nguyễn Huy Tưởng, Thanh Xuân, Hà Nội.']);
  assert.deepEqual(r.slice(4), ['footer', 'outlet-name', 'footer', 'footer']);
});

/** a page as select-all + copy gives it: a long menu, a date bar, the story, related links, a footer */
const MENU = ['Trang chủ', 'Thời sự', 'Tài chính chứng khoán', 'Bất động sản', 'Thông tin doanh nghiệp', 'Sống trẻ', 'Giáo dục', 'Thể thao Quốc tế', 'La Liga', 'Âu Mỹ', 'Xe 360', 'Thế giới xe'];
const text = (t: string, i: number): Classified => ({ text: t, line: i + 1, column: 1, role: 'text', ruleId: 'text' });

test('story: the block with the most prose; short menu lines and link lists around it are not in it', () => {
  const lines = [...MENU, 'Bộ trưởng nói về thuế thu nhập cá nhân khi sửa luật', P(1), P(2), 'Phải học thuộc lòng', P(3), 'Tin khác', 'Nữ sinh ăn miếng trả miếng với thầy giáo cũ', 'Giáo viên mầm non tải 500 giờ dạy không lương', 'Cô giáo của những đề thi độc, bài văn lạ', 'Một phòng học hạng sang ở TP.HCM', 'Zing.vn | Liên hệ | Rss', P(4)];
  const span = locateStory(lines.map(text));
  assert.deepEqual(span && [span.first, span.lastProse], [MENU.length + 1, MENU.length + 4]);
  // a prose line alone far below is a block of its own, smaller than the story
  assert.equal(span?.words, [P(1), P(2), P(3)].join(' ').split(' ').length);
  assert.equal(locateStory(MENU.map(text)), null);
  assert.equal(lineShape(text(P(1), 0)), 'prose');
  assert.equal(lineShape(text('Bảng A: Kyrgyzstan, Ấn Độ, Myanmar, Macau.', 0)), 'sentence');
  assert.equal(lineShape(text('18:00 - 28/3\t1\tJordan\t6-0\tCampuchia', 0)), 'sentence');
  assert.equal(lineShape(text('Tài chính chứng khoán', 0)), 'short');
  assert.equal(lineShape(text('Ý kiến bạn đọc ( 33 )', 0)), 'break');
});

test("title: the headline next to the story's dateline, however long the menu above it; never a menu item next to a name-like menu word", () => {
  const r = roles([...MENU, 'Thứ năm, 2/11/2023', 'Kinh doanhVĩ mô', 'Thứ năm, 2/11/2023, 19:20 (GMT+7)', 'Ông Hồ Đức Phớc: Sẽ nâng mức giảm trừ gia cảnh khi sửa luật', P(1), P(2), P(3)]);
  assert.equal(r[MENU.length + 3], 'title');
  assert.ok(!r.slice(0, MENU.length).includes('title'));
  // the title printed twice (once above related links, once above the story) stands where the story starts
  const twice = roles([...MENU, 'Kêu trời vì văn tả mũi con lợn bẹp gí', 'Liên quan', 'Bốn năm tới, bậc phổ thông dạy kiểu gì?', 'Kêu trời vì văn tả mũi con lợn bẹp gí', P(1), P(2), P(3)]);
  assert.equal(twice[MENU.length + 3], 'title');
  assert.equal(twice[MENU.length], 'repeated-title');
  // a link printed after the sapo, next to the dateline, is not the title
  const afterSapo = roles(['Những người khổ hạnh vì bớt lạ', '15:20 PM | 21/12/2012', P(1), 'Giật mình tạo hình đôi cánh lạ', P(2), P(3)]);
  assert.deepEqual(afterSapo.slice(0, 2), ['title', 'dateline']);
  assert.notEqual(afterSapo[3], 'title');
});

test('outside-story: what follows the story goes, with its signature kept as the byline; menu words read as names are no byline', () => {
  const r = roles([...MENU, 'Vợ ngoại tình sau những lần bị tôi đánh đập dã man', 'Thứ năm, 20/12/2012, 10:18 GMT+7', P(1), P(2), P(3), 'Trung', '59 người', 'ngoại tình,ly hôn,gia đình,tan vỡ', 'Ý kiến bạn đọc ( 33 )', P(4), 'Nam - 7 ngày trước Thích | 724', 'Đàn ông muốn cơi nới thường dùng chiêu chê vợ']);
  const after = r.slice(MENU.length + 5);
  assert.equal(after[0], 'byline');
  assert.ok(!after.slice(1).some((x) => x === 'body' || x === 'byline'), after.join(','));
  assert.ok(!r.slice(0, MENU.length).includes('byline'), 'La Liga, Âu Mỹ');
  // a sidebar's summary far above the title is not the sapo
  const above = roles([P(9), ...MENU, 'Tiêu đề bài viết về quan hệ Nga và Triều Tiên', 'Thứ Tư, 17/01/2024 21:08', P(1), P(2), P(3)]);
  assert.equal(above[0], 'teaser');
  // must not fire: a closing paragraph of the story stays
  assert.deepEqual(roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), P(2), P(3), 'Hai bên cũng nhất trí sẽ tiếp tục trao đổi.']).slice(-1), ['body']);
});

test('link-list: three headlines in a row inside the story are links, with the line that announces them; one subheading is not', () => {
  const r = roles(['Tiêu đề bài viết về quan hệ Nga và Triều Tiên', P(1), P(2), 'Đọc những thông tin kinh tế - tài chính mới nhất trên FICA:', 'Câu chuyện vượt bão của đại gia Đặng Thành Tâm', 'Trung Quốc mạnh tay, giá Bitcoin lao dốc', '250 mã tăng điểm, sắc xanh phủ lên thị trường', P(3), 'Không chính xác, chưa cụ thể như lời đồn', P(4)]);
  assert.deepEqual(r.slice(3, 7), ['related-link', 'related-link', 'related-link', 'related-link']);
  assert.equal(r[8], 'body');
});

test('title without a dateline: the lone headline above the story; never a menu item printed twice, nor a dated link', () => {
  const menu = ['Món ngon dễ làm', 'Đời sống', 'Phong cách', 'Làm đẹp', 'Mẹ và bé'];
  const r = roles([...menu, 'Chia sẻ:', '4 bước mix đồ giúp bạn tự tin tỏa sáng đêm Noel', P(1), P(2), P(3), ...menu]);
  assert.equal(r[menu.length + 1], 'title');
  assert.notEqual(r[0], 'title');
  const links = roles(['Gói 50.000 tỷ cứu bất động sản: chuyện thật hay đùa?', P(1), 'Tin liên quan', 'Giá vàng giảm còn 35,5 triệu đồng/lượng (28/3)', 'Quỹ Tiền tệ quốc tế chi 18 tỷ USD viện trợ Ukraine (27/3)', P(2), P(3), P(4), 'Quỹ Tiền tệ quốc tế chi 18 tỷ USD viện trợ Ukraine (27/3)']);
  assert.equal(links[0], 'title');
  assert.notEqual(links[4], 'title');
});

test('glued-link: on a page with empty lines between paragraphs, a headline glued under the sapo is a link; a spaced subheading is not', () => {
  const lines = ['Xe Camry tông 4 xe máy trên đường phố Sài Gòn', '08:36 ngày 14/03/2016', '', P(1), 'Vụ xe Camry tông chết 3 người: Lái xe không bằng lái, có hơi men', '', P(2), '', 'Phải học thuộc lòng trước mỗi bài kiểm tra văn', '', P(3), '', P(4)];
  const segs = classifyLines(lines.map((text, i) => ({ text, line: i + 1, column: 1 })).filter((l) => l.text));
  assert.equal(segs.find((s) => s.text.startsWith('Vụ xe'))?.role, 'related-link');
  assert.equal(segs.find((s) => s.text.startsWith('Phải học'))?.role, 'body');
  // must not fire: lines all glued together (no empty lines on the page)
  const tight = classifyLines(lines.filter(Boolean).map((text, i) => ({ text, line: i + 1, column: 1 })));
  assert.equal(tight.find((s) => s.text.startsWith('Vụ xe'))?.role, 'body');
});

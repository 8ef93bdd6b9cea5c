import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySegment, LINE_RULES } from '../src/classify/lineRules.ts';
import { segmentLine } from '../src/classify/segment.ts';

const role = (text: string): string => classifySegment({ text, line: 1, column: 1 }).role;
const segments = (text: string): string[] => segmentLine({ text, line: 1, column: 1 }).map((s) => s.text);

/** Each rule: lines where it must fire, lines where it must not. */
const CASES: Record<string, { fires: string[]; not: string[] }> = {
  'source-line': {
    fires: ['Nguồn Tin Tức TTXVN : https://baotintuc.vn/the-gioi/abc-20241219101002248.htm', 'Nguồn: https://tuoitre.vn/abc.htm', 'https://qdnd.vn/quoc-te/abc-802345'],
    not: ['Xem chi tiết tại https://example.vn nếu bạn muốn.', 'Nguồn tin trên cho biết: “Ông Kim Jong Un đã nhấn mạnh…”'],
  },
  dateline: {
    fires: ['Thứ Tư, 17/01/2024 21:08:30 +07:00', '19-06-2024 - 21:08', 'Cập nhật: 19/06/2024 09:15 GMT+7'],
    not: ['Ngày 22/9, Bộ Ngoại giao Nga cho biết, Moscow mong muốn phát triển hợp tác.', 'Hội nghị thượng đỉnh tháng 9/2023'],
  },
  'self-credit': {
    fires: ['(TTXVN/Vietnam+)', '(Reuters/AFP)'],
    not: ['(trái)', '(ảnh minh họa)', '(Nguồn: Reuters)'],
  },
  'outlet-tag': {
    fires: ['(VTC News) -', 'TTO -', '(NLĐO) -', 'ANTĐ -', 'GD&TĐ -'],
    not: ['(VTC News) - Người phát ngôn điện Kremlin Dmitry Peskov ngày 17/1 cho biết', 'TTO là viết tắt'],
  },
  'related-header': {
    fires: ['Tin liên quan |', 'TIN LIÊN QUAN', 'Xem thêm:', 'Đọc nhiều'],
    not: ['Tin liên quan đến chiến sự tại Kursk được công bố sáng nay.'],
  },
  widget: {
    fires: ['Chia sẻ · Facebook · Email', 'Bạn còn 500/500 ký tự', 'Lượt xem: 1.254', '• Zalo', 'Google News', 'Bình luận', 'Bình luận (0)', 'Copy link thành công', 'Theo dõi TGVN trên', 'Chia sẻ', 'In bài', 'Sự kiện: Xung đột Nga - Ukraine', 'Mời quý độc giả theo dõi video đang được quan tâm:', '#Kim Jong Un #Putin #Triều Tiên'],
    not: ['Chia sẻ thêm về hội đàm, ông Peskov nói rằng hai bên đã thảo luận.', 'Bình luận của ông Lavrov được đưa ra sau cuộc gặp.'],
  },
  'outlet-name': {
    fires: ['Soha', 'vtcnews.vn', 'Trí Thức Trẻ', 'Zing/Znews'],
    not: ['Soha cho biết thêm rằng cuộc gặp diễn ra trong hai giờ.', 'Công ty Cổ phần VCCorp'],
  },
  footer: {
    fires: ['© Copyright 2010 - 2023 – Công ty Cổ phần VCCorp', 'Email: btv@soha.vn', 'Đường dây nóng: 0943 113 999', 'Chịu trách nhiệm nội dung: Ông Nguyễn Thế Tân', 'Cơ quan của Bộ Công an'],
    not: ['Ông Lavrov cũng nhấn mạnh tầm quan trọng của cuộc họp tháng 11/2023 của Ủy ban liên chính phủ hai nước.'],
  },
  breadcrumb: {
    fires: ['Thời sự quốc tế', 'Thế giới', 'Trang chủ | Thế giới | Tin thế giới |', 'Thế giới > Quân sự'],
    not: ['Thế giới đang theo dõi sát sao cuộc gặp.', 'Nga | Triều Tiên ký hiệp ước'],
  },
  'related-inline': {
    fires: ['Bấm xem >> Triều Tiên lần đầu công bố hình ảnh binh sĩ tham chiến ở Kursk', 'Xem thêm: Nga phê chuẩn hiệp ước với Triều Tiên', '>> Công chức, viên chức được nghỉ 9 ngày dịp Tết Âm lịch', ' >>  Bản chất gói 50.000 tỷ “cứu” bất động sản'],
    not: ['Xem thêm các điều khoản của hiệp ước, có thể thấy hai bên cam kết hỗ trợ lẫn nhau.', '> Hai bên cam kết hỗ trợ lẫn nhau.', '>> 5'],
  },
  'photo-marker': {
    fires: ['Nga thực hiện bước đi mới đối với Triều Tiên - Ảnh 2.', 'Ông Putin tới Bình Nhưỡng - Ảnh 1.'],
    not: ['Ảnh 2 cho thấy đoàn xe của ông Kim.'],
  },
  'photo-credit': {
    fires: ['Nguồn hình ảnh, Reuters', 'Video: RIA Novosti', 'Ảnh: Reuters', '(Ảnh: KCNA/Yonhap)'],
    not: ['Ảnh chụp vệ tinh cho thấy nhiều tàu hàng cập cảng Rajin trong tháng 10.'],
  },
  credit: {
    fires: ['Bài viết có sử dụng thông tin từ Reuters và AP.', '(Theo Reuters, AFP)', '(Nguồn: Reuters)', 'Theo TTXVN', 'theo Người Lao động', 'Theo TASS, Reuters'],
    not: ['Theo đó, hãng Thông tấn Trung ương Triều Tiên (KCNA) đã đăng tải một thông báo.', 'Theo người phát ngôn Điện Kremlin Dmitry Peskov, ngoại trưởng hai bên đã đồng ý gặp nhau.'],
  },
  'caption-illustration': {
    fires: ['Một tàu chở dầu neo đậu tại cảng biển. (Ảnh minh họa)', 'Binh sĩ Triều Tiên trong một cuộc diễn tập (Hình minh hoạ)'],
    not: ['(Ảnh minh họa)', 'Ảnh minh họa cho thấy quy mô của cuộc duyệt binh.'],
  },
  'caption-prefix': {
    fires: ['Chú thích hình ảnh, Ông Putin và ông Kim Jong-un tại Bắc Kinh ngày 3/9'],
    not: ['Chú thích của biên tập viên về bài viết này được đưa ra sau.'],
  },
  'anonymous-byline': {
    fires: ['PV', 'Nhóm PV', '(Phóng viên Báo Nhân Dân tại Liên bang Nga)'],
    not: ['PV đã có mặt tại hiện trường để ghi nhận.', '(Phóng viên)'],
  },
  caption: {
    fires: [
      'Tổng thống Nga Vladimir Putin gặp Ngoại trưởng Triều Tiên Choe Son-hui tại Moskva ngày 16/1. (Ảnh: Reuters)',
      'Tổng thống Nga Vladimir Putin. Ảnh: Reuters',
      'Ông Putin và ông Kim tại Vladivostok năm 2019. (Nguồn: Reuters) |',
      'Ông Putin bắt tay ông Kim Jong Un tại sân bay vũ trụ Vostochny ngày 13-9 - Ảnh: REUTERS',
    ],
    not: ['Nguồn tin trên cho biết: “Ông Kim Jong Un đã nhấn mạnh sự cần thiết của việc tăng cường tiếp xúc”.', 'Ảnh hưởng của Mỹ tại khu vực đang giảm.'],
  },
  byline: {
    fires: ['Hải Anh, Theo Dân Việt', 'Thu Hằng/TTXVN', 'Khánh An, RFA', 'Tác giả, Kelly Ng', 'Bài và ảnh: HẢI VÂN', 'Tác giả: Minh Khôi', 'Phạm Nghĩa |', 'Hạnh Lê/Báo Thế giới và Việt Nam', 'BẢO ANH', 'XUÂN MAI - THU HÀ', 'Minh Châu và Thu Trang', 'Hoàng Linh (Tổng hợp)', 'Theo Hoàng Phương (Người Lao Động)', 'Thúy Nga'],
    not: ['Triều Tiên', 'Vladimir Putin', 'Tuổi Trẻ Online Newsletters', 'Nga thực hiện bước đi mới', 'Bình Nhưỡng'],
  },
};

test('every line rule has cases', () => {
  for (const rule of LINE_RULES) assert.ok(CASES[rule.id], `no test cases for line rule "${rule.id}"`);
});

for (const [id, { fires, not }] of Object.entries(CASES)) {
  test(`line rule ${id}`, () => {
    for (const line of fires) assert.equal(classifySegment({ text: line, line: 1, column: 1 }).ruleId, id, `should fire on: ${line}`);
    for (const line of not) assert.notEqual(classifySegment({ text: line, line: 1, column: 1 }).ruleId, id, `should not fire on: ${line}`);
  });
}

test('caption: the credit is read, the caption keeps its text', () => {
  const c = classifySegment({ text: 'Tổng thống Nga Vladimir Putin. Ảnh: Reuters', line: 1, column: 1 });
  assert.deepEqual([c.captionText, c.credit], ['Tổng thống Nga Vladimir Putin.', 'Reuters']);
});

test('byline: authors in normal case, outlet after the slash', () => {
  const b = classifySegment({ text: 'XUÂN MAI - THU HÀ', line: 1, column: 1 });
  assert.deepEqual(b.names, ['Xuân Mai', 'Thu Hà']);
  assert.equal(classifySegment({ text: 'Bình Thanh/Báo Tin tức', line: 1, column: 1 }).byOutlet, 'baotintuc');
  // "Long Trần - Theo Trí Thức Trẻ": the outlet the story was taken from, not one more author
  const taken = classifySegment({ text: 'Long Trần - Theo Trí Thức Trẻ', line: 1, column: 1 });
  assert.deepEqual([taken.role, taken.names, taken.fromOutlet], ['byline', ['Long Trần'], 'soha']);
  // initials before the name; the font-size buttons are no name
  assert.deepEqual(classifySegment({ text: 'K. Miên', line: 1, column: 1 }).names, ['K. Miên']);
  assert.notEqual(classifySegment({ text: 'A A A', line: 1, column: 1 }).role, 'byline');
});

test('credit: "Theo" and a Vietnamese writer\'s name is the byline; an agency, an outlet or a foreign source stays a credit', () => {
  const v = classifySegment({ text: 'Theo Vân Anh', line: 1, column: 1 });
  assert.deepEqual([v.role, v.names], ['byline', ['Vân Anh']]);
  for (const text of ['Theo K14', 'Theo Thanh Niên', 'Theo Nikkei Asia', 'Theo TASS']) assert.equal(classifySegment({ text, line: 1, column: 1 }).role, 'credit', text);
});

test('plain body text gets no role from the line rules', () => {
  assert.equal(role('Tuy nhiên, cả Nga và Triều Tiên đã lên tiếng phủ nhận các cáo buộc trên.'), 'text');
});

test('glued junk is split off into its own segments', () => {
  assert.deepEqual(segments('Ngày 22/9, Bộ Ngoại giao Nga cho biết, Moscow mong muốn phát triển hợp tác hơn nữa với Bình Nhưỡng.Theo dõi TGVN trên'),
    ['Ngày 22/9, Bộ Ngoại giao Nga cho biết, Moscow mong muốn phát triển hợp tác hơn nữa với Bình Nhưỡng.', 'Theo dõi TGVN trên']);
  assert.deepEqual(segments('Thời sự quốc tếThứ Tư, 17/01/2024 21:08:30 +07:00Google News'),
    ['Thời sự quốc tế', 'Thứ Tư, 17/01/2024 21:08:30 +07:00', 'Google News']);
  assert.deepEqual(segments('Kông Anh(Nguồn: Reuters)'), ['Kông Anh', '(Nguồn: Reuters)']);
  assert.deepEqual(segments('Bình Thanh/Báo Tin tức (Theo Reuters, AFP)'), ['Bình Thanh/Báo Tin tức', '(Theo Reuters, AFP)']);
  assert.deepEqual(segments('(VTC News) - Người phát ngôn điện Kremlin cho biết'), ['(VTC News) -', 'Người phát ngôn điện Kremlin cho biết']);
});

test('glue splitting leaves prose alone', () => {
  for (const line of [
    'Ông Peskov nói rằng hai bên sẵn sàng chia sẻ',
    'Tổng thống Nga Vladimir Putin gặp Ngoại trưởng Triều Tiên Choe Son-hui tại Moskva ngày 16/1. (Ảnh: Reuters)',
    'Ngày 19/6/2024, hai nhà lãnh đạo ký hiệp ước tại Bình Nhưỡng.',
  ]) assert.deepEqual(segments(line), [line]);
});

test('segments keep their column in the source line', () => {
  const parts = segmentLine({ text: 'Kông Anh(Nguồn: Reuters)', line: 30, column: 1 });
  assert.deepEqual(parts.map((p) => [p.line, p.column]), [[30, 1], [30, 9]]);
});

test('footerTest: the same answer as one expression of all the footer patterns, on footer lines and on story lines', async () => {
  const { footerTest } = await import('../src/classify/lineRules.ts');
  const { BOILERPLATE } = await import('../src/registry/index.ts');
  const combined = new RegExp(BOILERPLATE.footers.join('|'), 'iu');
  const test = footerTest(BOILERPLATE.footers);
  const lines = [
    '© 2024 Báo Sông Hàn. Giấy phép số 123/GP-BTTTT.', 'Tổng biên tập: Nguyễn Văn A', 'Chuyên trang của Báo Thanh Niên',
    'Chuyên trang thuộc VTC', 'Bộ trưởng Quốc phòng Nga tới Bình Nhưỡng - cơ quan trung ương của Đảng', 'All Rights Reserved.',
    'Ông Putin nói rằng hai nước sẽ hợp tác chặt chẽ hơn.', 'Địa chỉ: 123 Lê Lợi', 'Ghi rõ nguồn khi đăng lại',
    'Theo giấy phép đã cấp, công ty được hoạt động', 'chuyên trang', 'x Tổng biên tập', '',
  ];
  for (const line of lines) assert.equal(test(line), combined.test(line), line);
  // "^a|b" as one pattern is not anchored as a whole
  const split = footerTest(['^abc|xyz', '^(?:d|e)f', '[|^]q']);
  for (const line of ['abc', 'zabc', 'zxyz', 'df', 'zef', 'a|q', 'zz']) assert.equal(split(line), /^abc|xyz|^(?:d|e)f|[|^]q/iu.test(line), line);
});

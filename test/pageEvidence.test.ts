import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCopyrightLine, nameFromDomain, outletAsOf, outletFromCopyright } from '../src/extract/outlet.ts';
import { parseArticle } from '../src/parse.ts';

const P = (n: number): string =>
  `Đoạn văn số ${n} kể rằng hai nước đã thảo luận nhiều vấn đề quan trọng về hợp tác kinh tế và an ninh trong khu vực suốt nhiều năm qua.`;
const parse = (lines: string[]) => parseArticle({ sourceFile: 'page.txt', bytes: new TextEncoder().encode(lines.join('\n')) });

test('copyright line: names the outlet by its domain or name; an unknown domain is an outlet of its own', () => {
  assert.equal(isCopyrightLine('© Copyright 2010 iOne.net, All rights reserved'), true);
  assert.equal(isCopyrightLine('Copyright 2007 - 2014 - CafeF.vn'), true);
  assert.equal(isCopyrightLine('Bản quyền thuộc về Báo Người Lao Động'), true);
  assert.equal(isCopyrightLine('Ông Putin nói hai nước sẽ hợp tác.'), false);
  assert.deepEqual(outletFromCopyright('Copyright 2007 - 2014 - CafeF.vn'), { outlet: { id: 'cafef', name: 'CafeF', domain: 'cafef.vn' }, known: true });
  assert.equal(outletFromCopyright('© 1997-2017 Báo VietNamNet. All rights reserved.')?.outlet.domain, 'vietnamnet.vn');
  assert.deepEqual(outletFromCopyright('Copyright © 2011 xinhxinh.com.vn'), { outlet: { id: 'xinhxinh-com-vn', name: 'Xinhxinh', domain: 'xinhxinh.com.vn' }, known: false });
  // an e-mail address names no outlet of its own
  assert.equal(outletFromCopyright('Copyright © Công ty ABC. Email: toasoan@gmail.com'), null);
  assert.equal(nameFromDomain('www.xinhxinh.com.vn'), 'Xinhxinh');
});

test('copyright line: outweighs a menu word that names another outlet; an unknown outlet is named with a warning', () => {
  const r = parse(['Tin tuc 24h', 'Lịch thi đấu vòng loại Asian Cup 2019 của đội tuyển Việt Nam', '31/08/2017  08:30 GMT+7', P(1), P(2), P(3), '© 1997-2017 Báo VietNamNet. All rights reserved.']);
  assert.equal(r.record?.outlet?.domain, 'vietnamnet.vn');
  const u = parse(['4 bước mix đồ giúp bạn tự tin tỏa sáng đêm Noel', 'Thứ Hai, 24/12/2012 15:02', P(1), P(2), P(3), 'Copyright © 2011 xinhxinh.com.vn']);
  assert.deepEqual(u.record?.outlet, { id: 'xinhxinh-com-vn', name: 'Xinhxinh', domain: 'xinhxinh.com.vn' });
  assert.ok(u.record?.warnings.some((w) => w.includes('xinhxinh.com.vn') && w.includes('[outlet/unknown]')));
});

test("outlet as of the article's date: the name it had then", () => {
  const znews = { id: 'znews', name: 'Znews', domain: 'znews.vn' };
  assert.deepEqual(outletAsOf(znews, '2012-11-30'), { id: 'znews', name: 'Zing News', domain: 'news.zing.vn' });
  assert.deepEqual(outletAsOf(znews, '2024-01-17'), znews);
  assert.deepEqual(outletAsOf(znews, null), znews);
});

test("story dateline: the one next to the title, not the header's date bar", () => {
  const r = parse(['Thứ năm, 2/11/2023', 'Mới nhất', 'Thứ năm, 2/11/2023, 19:20 (GMT+7)', 'Ông Hồ Đức Phớc: Sẽ nâng mức giảm trừ gia cảnh khi sửa luật', P(1), P(2), P(3)]);
  assert.deepEqual([r.record?.published.date, r.record?.published.time], ['2023-11-02', '19:20']);
  const t = parse(['Thời gian 01/09/2017 10:06:57 (GMT+7)', 'Sự kiện NÓNG', 'Thể thao', 'Lịch thi đấu vòng loại Asian Cup 2019 của đội tuyển Việt Nam', '31/08/2017  08:30 GMT+7', P(1), P(2), P(3)]);
  assert.deepEqual([t.record?.published.date, t.record?.published.time], ['2017-08-31', '08:30']);
});

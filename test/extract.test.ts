import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributedAgencies } from '../src/extract/agencies.ts';
import { findPeople, findPlaces } from '../src/extract/entities.ts';
import { decideOutlets, outletsInFooter, unknownOutlet } from '../src/extract/outlet.ts';
import { firstSentence, slugWordsFromUrl, titleFromSlug } from '../src/extract/title.ts';
import { outletRegistry } from '../src/registry/index.ts';

test('agencies: attributions in the text count', () => {
  assert.deepEqual(attributedAgencies('Hãng tin nhà nước Triều Tiên KCNA ngày 15-8 đưa tin trong một lá thư'), ['KCNA']);
  assert.deepEqual(attributedAgencies('Reuters cho biết Ukraine đã ngay lập tức cắt đứt quan hệ.'), ['Reuters']);
  assert.deepEqual(attributedAgencies('Trước đó cùng ngày, theo hãng thông tấn trung ương Triều Tiên (KCNA), ông Kim đã nêu'), ['KCNA']);
  assert.deepEqual(attributedAgencies('Theo Hãng tin RIA Novosti, cuộc hội đàm kéo dài hơn 4 giờ'), ['RIA Novosti']);
  assert.deepEqual(attributedAgencies('Hãng tin Yonhap dẫn lời một quan chức quân đội'), ['Yonhap']);
  assert.deepEqual(attributedAgencies('Trong tuyên bố được hãng thông tấn trung ương Triều Tiên KCNA đăng tải ngày 17/5'), ['KCNA']);
  assert.deepEqual(attributedAgencies('Trước đó, theo thông báo của KCNA, hai bên đã ký'), ['KCNA']);
  assert.deepEqual(attributedAgencies('Reuters dẫn báo cáo của Viện RUSI cho biết'), ['Reuters']);
});

test('agencies: a mention that is no attribution does not count', () => {
  assert.deepEqual(attributedAgencies('Theo đó, hãng Thông tấn Trung ương Triều Tiên (KCNA) đã đăng tải một thông báo của Bộ Ngoại giao'), []);
  assert.deepEqual(attributedAgencies('Phóng viên Reuters có mặt tại hiện trường đã chụp ảnh đoàn xe.'), []);
  assert.deepEqual(attributedAgencies('Ông từng làm việc cho AFP trước khi chuyển sang ngành ngoại giao.'), []);
  assert.deepEqual(attributedAgencies('Tờ Reuters dẫn đầu danh sách các hãng tin được trích dẫn nhiều nhất.'), []);
});

test('people: variants and surnames after a title, canonical, in order', () => {
  assert.deepEqual(findPeople(['Bộ trưởng Ngoại giao Nga Lavrov cho biết', 'Tổng thống Nga Vladimir Putin và nhà lãnh đạo Kim Jong Un']), ['Sergei Lavrov', 'Vladimir Putin', 'Kim Jong-un']);
  assert.deepEqual(findPeople(['ông Peskov nói', 'Ngoại trưởng Sergey Lavrov']), ['Dmitry Peskov', 'Sergei Lavrov']);
  assert.deepEqual(findPeople(['Lavrova là một cái tên khác', 'putin viết thường']), []);
});

test('places: one canonical form per place', () => {
  assert.deepEqual(findPlaces(['Moscow mong muốn', 'tại Moskva', 'ở Kyiv và Kiev', 'Pyongyang']), ['Moskva', 'Kiev', 'Bình Nhưỡng']);
  assert.deepEqual(findPlaces(['Bảo Anh viết', 'thủ đô nga']), []);
});

test('outlets: found by host, alias, tag; an unknown domain still makes an outlet', () => {
  assert.equal(outletRegistry.byHost('www.vnexpress.net')?.id, 'vnexpress');
  assert.equal(outletRegistry.byHost('m.tuoitre.vn')?.id, 'tuoitre');
  assert.equal(outletRegistry.lookup('Báo Thế giới và Việt Nam')?.domain, 'baoquocte.vn');
  assert.equal(outletRegistry.lookup('baophapluat.vn')?.id, 'baophapluat');
  assert.equal(outletRegistry.tagAtStart('(NLĐO) - Ngày 28-3, Nga')?.outlet.id, 'nld');
  assert.equal(outletRegistry.lookup('Báo Không Tồn Tại'), undefined);
  assert.deepEqual(unknownOutlet('www.baomoi-xyz.vn', 'Báo XYZ'), { id: 'baomoi-xyz-vn', name: 'Báo XYZ', domain: 'baomoi-xyz.vn' });
  assert.deepEqual(outletsInFooter('Email: btv@soha.vn').map((o) => o.id), ['soha']);
});

test('outlets: the strongest evidence is the page; a credit or another byline outlet is the original', () => {
  const soha = { id: 'soha', name: 'Soha', domain: 'soha.vn' };
  const nld = { id: 'nld', name: 'Người Lao Động', domain: 'nld.com.vn' };
  const plvn = { id: 'baophapluat', name: 'Pháp luật Việt Nam', domain: 'baophapluat.vn' };
  const tgvn = { id: 'baoquocte', name: 'Báo Thế giới và Việt Nam', domain: 'baoquocte.vn' };
  assert.deepEqual(decideOutlets([{ kind: 'outlet-name', outlet: soha, line: 30 }, { kind: 'credit', outlet: nld, line: 26 }]), { outlet: soha, originalOutlet: nld });
  assert.deepEqual(decideOutlets([{ kind: 'byline', outlet: tgvn, line: 25 }, { kind: 'url', outlet: plvn, line: 27 }]), { outlet: plvn, originalOutlet: tgvn });
  assert.deepEqual(decideOutlets([{ kind: 'byline', outlet: tgvn, line: 25 }]), { outlet: tgvn, originalOutlet: null });
  assert.deepEqual(decideOutlets([]), { outlet: null, originalOutlet: null });
});

test('title from the URL slug takes the diacritics of the article words', () => {
  const words = slugWordsFromUrl('https://baotintuc.vn/the-gioi/trieu-tien-hop-tac-voi-nga-nham-dam-bao-can-bang-quyen-luc-toan-cau-20241219101002248.htm');
  assert.deepEqual(words?.slice(0, 3), ['trieu', 'tien', 'hop']);
  const text = 'Theo đó, liên minh của Triều Tiên với Nga nhằm tìm cách hợp tác, đảm bảo sự cân bằng quyền lực và an ninh toàn cầu.';
  assert.deepEqual(titleFromSlug(words!, text), { title: 'Triều Tiên hợp tác với Nga nhằm đảm bảo cân bằng quyền lực toàn cầu', unknown: [] });
  assert.deepEqual(titleFromSlug(['nga', 'xyz', 'moi'], 'Nga có bước đi mới.'), { title: 'Nga xyz mới', unknown: ['xyz'] });
  assert.equal(slugWordsFromUrl('https://baophapluat.vn/nga-noi-ve-y-dinh-tien-xa-hon-voi-trieu-tien-post489189.html')?.join(' '), 'nga noi ve y dinh tien xa hon voi trieu tien');
  assert.equal(slugWordsFromUrl('https://example.vn/'), null);
});

test('first sentence as a last-resort title', () => {
  assert.equal(firstSentence('Nga và Triều Tiên ký hiệp ước. Hai bên cam kết.'), 'Nga và Triều Tiên ký hiệp ước');
});

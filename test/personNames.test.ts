import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonNames, unknownPeople } from '../src/lang/personNames.ts';
import { isAttribution } from '../src/classify/names.ts';

const names = (text: string): string[] => findPersonNames(text).map((m) => m.name);

/** Each shape of a name: lines where it must be found, and lines where nothing is a person. */
const CASES: Record<string, { finds: [string, string][]; not: string[] }> = {
  'title before the name': {
    finds: [
      ['Trao đổi với PV Dân trí chiều 27/3, ông Đỗ Quang Hiển - Chủ tịch HĐQT Ngân hàng SHB cho biết.', 'Đỗ Quang Hiển'],
      ['Chị Lê Thị Ánh Tuyết, 56 tuổi, đến từ Nghệ An cho biết.', 'Lê Thị Ánh Tuyết'],
      ['Bé gái Connie Lloyd, người Anh sinh ra với chiếc mũi phồng to.', 'Connie Lloyd'],
      ['5. Cậu bé An Qi mắc bệnh "người sói"', 'An Qi'],
      ['bác sỹ phẫu thuật hàng đầu của Anh có tên Neil Bulstrode, đã đồng ý phẫu thuật miễn phí cho em.', 'Neil Bulstrode'],
      ['Anh Zhang Hongming, đến từ Trùng Khánh, Trung Quốc, đã mắc phải hội chứng Nevus.', 'Zhang Hongming'],
    ],
    not: ['Bé gái người Anh sinh ra với chiếc mũi phồng to.', 'Didier được chẩn đoán mắc chứng bệnh hiếm gặp có tên Congenital Melanocytic Nevus.', 'Ông Lâm nhận xét như vậy.'],
  },
  'role a few words before': {
    finds: [
      ['Chủ tịch Ủy ban Olympic quốc tế Thomas Bach là một trong những người tới dự.', 'Thomas Bach'],
      ['Bộ trưởng Quốc phòng Mỹ Lloyd Austin đã hủy các thỏa thuận.', 'Lloyd Austin'],
      ['Một phái đoàn do Ủy viên Bộ Chính trị, Tổng Bí thư Tô Lâm dẫn đầu.', 'Tô Lâm'],
      ['Chủ tịch UBND tỉnh Thanh Hóa Đỗ Minh Tuấn đã kiểm tra công trình.', 'Đỗ Minh Tuấn'],
    ],
    not: [
      'Ông Kim từng được Tổng thống Putin mời ngồi thử chiếc Aurus Senat khi hai nhà lãnh đạo hội đàm.',
      'Ngoại trưởng Choe kết thúc Hội nghị Bộ trưởng Ngoại giao Đông Á ở Kuala Lumpur, Malaysia.',
      'Tổng thống Putin tiếp ông tại Điện Kremlin ngày 4/11.',
      'Giám đốc Bệnh viện Bạch Mai cho biết bệnh nhân đã ổn định.',
      'Thủ tướng đã thị sát Thanh Hóa, Nghệ An và Trung Đông.',
    ],
  },
  'Vietnamese surname': {
    finds: [
      ['Năm 2007, Đặng Văn Trung đến thuê nhà của chị Phạm Kim Hương (SN 1971, ngụ tỉnh Vĩnh Long).', 'Đặng Văn Trung'],
      ['Bộ trưởng Tài chính Hồ Đức Phớc thừa nhận mức giảm trừ gia cảnh hiện thấp.', 'Hồ Đức Phớc'],
    ],
    not: [
      'Từ 19h tối, các ngả đường như Lê Lợi, Nguyễn Huệ, Phạm Ngọc Thạch, Đồng Khởi đã tràn ngập người.',
      'Người dân Thành phố Hồ Chí Minh đổ về trung tâm.',
      'Tòa Phúc thẩm TAND Tối cao tại TPHCM đã tuyên bác kháng cáo.',
      'Tại Hà Nội, dòng người đổ lên khu vực nhà thờ Lớn, Hàm Long, Cửa Bắc.',
      'Sở GD-ĐT TP.HCM cho biết Ngân hàng Xây dựng Việt Nam và Ngân hàng Nhà nước đã họp.',
    ],
  },
  'age after the name': {
    finds: [['Didier Montalvo, 6 tuổi, sống tại Colombia được biết đến với biệt danh "cậu bé rùa".', 'Didier Montalvo']],
    not: ['Krasnaya Polyana, nơi tổ chức các môn trượt tuyết, cách Sochi 40 km.'],
  },
  'Korean and Russian names': {
    finds: [
      ['Trước thế vận hội, Tổng thư ký Liên Hợp Quốc Ban Ki-moon đã ra lời kêu gọi.', 'Ban Ki-moon'],
      ['Thứ trưởng Kim Hong-kyun gặp đại sứ.', 'Kim Hong-kyun'],
      ['Vladimir Vladimirovich Putin phát biểu.', 'Vladimir Vladimirovich Putin'],
    ],
    not: ['Đại dịch Covid-19 khiến chi phí sinh hoạt tăng 20-30%.', 'Olympic Sochi trở thành kỳ vận hội đắt nhất lịch sử.'],
  },
};

for (const [shape, { finds, not }] of Object.entries(CASES)) {
  test(`person names: ${shape}`, () => {
    for (const [line, name] of finds) assert.ok(names(line).includes(name), `${name} in: ${line} → ${JSON.stringify(names(line))}`);
    for (const line of not) assert.deepEqual(names(line), [], line);
  });
}

test('person names: a name the registry holds is left to it; each unknown person once', () => {
  const texts = ['Người phát ngôn Điện Kremlin Dmitry Peskov cho biết ông Đỗ Quang Hiển đã tới.', 'Ông Đỗ Quang Hiển nói thêm.'];
  assert.deepEqual(unknownPeople(texts, new Set(['Dmitry Peskov'])), ['Đỗ Quang Hiển']);
});

test('attribution: a person and their role after a quote; not a headline', () => {
  assert.equal(isAttribution('Cô Lê Ngọc Diệp - Trưởng phòng GD tiểu học Sở GD-ĐT TP.HCM'), true);
  assert.equal(isAttribution('Giáo sư Nguyễn Minh Thuyết - Tổng chủ biên sách giáo khoa Tiếng Việt tiểu học'), true);
  assert.equal(isAttribution('Thảm án Thái Bình: Giết cả nhà người yêu ngày ra mắt'), false);
  assert.equal(isAttribution('Vụ xe Camry tông chết 3 người: Lái xe không bằng lái'), false);
});

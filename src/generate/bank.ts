/**
 * What generated articles are made of: the coverage's people and places, the
 * outlets and their habits, and a bank of Vietnamese sentence templates.
 *
 * Slots in templates: {P} a person with role, {p} the same person's short form
 * ("ông Putin"), {Q} a second person with role, {q} its short form, {L} a place,
 * {M} a second place, {A} a news agency, {D} a day ("ngày 17/6"), {N} a number,
 * {T} a topic ("hợp tác quân sự").
 */

export interface Person {
  /** as printed in full; first variant is canonical */
  names: readonly string[];
  role: string;
  short: string;
}

export const PEOPLE: readonly Person[] = [
  { names: ['Vladimir Putin'], role: 'Tổng thống Nga', short: 'ông Putin' },
  { names: ['Kim Jong-un', 'Kim Jong Un'], role: 'nhà lãnh đạo Triều Tiên', short: 'ông Kim' },
  { names: ['Sergei Lavrov', 'Sergey Lavrov'], role: 'Ngoại trưởng Nga', short: 'ông Lavrov' },
  { names: ['Sergei Shoigu'], role: 'Thư ký Hội đồng An ninh Nga', short: 'ông Shoigu' },
  { names: ['Dmitry Peskov'], role: 'Người phát ngôn Điện Kremlin', short: 'ông Peskov' },
  { names: ['Choe Son-hui', 'Choe Son Hui'], role: 'Ngoại trưởng Triều Tiên', short: 'bà Choe Son-hui' },
  { names: ['Kim Yo-jong', 'Kim Yo Jong'], role: 'Phó Vụ trưởng Ban Chấp hành Trung ương Đảng Lao động Triều Tiên', short: 'bà Kim Yo-jong' },
  { names: ['Maria Zakharova'], role: 'Người phát ngôn Bộ Ngoại giao Nga', short: 'bà Zakharova' },
  { names: ['Andrei Belousov'], role: 'Bộ trưởng Quốc phòng Nga', short: 'ông Belousov' },
  { names: ['Alexander Matsegora'], role: 'Đại sứ Nga tại Triều Tiên', short: 'ông Matsegora' },
  { names: ['Alexander Kozlov'], role: 'Bộ trưởng Tài nguyên và Môi trường Nga', short: 'ông Kozlov' },
  { names: ['Antony Blinken'], role: 'Ngoại trưởng Mỹ', short: 'ông Blinken' },
  { names: ['Dmitry Medvedev'], role: 'Phó Chủ tịch Hội đồng An ninh Nga', short: 'ông Medvedev' },
  { names: ['No Kwang-chol'], role: 'Bộ trưởng Quốc phòng Triều Tiên', short: 'ông No Kwang-chol' },
  { names: ['Kim Tok-hun'], role: 'Thủ tướng Triều Tiên', short: 'ông Kim Tok-hun' },
];

/** The first two dominate the coverage. */
export const LEADERS = PEOPLE.slice(0, 2);

export const PLACES: readonly string[] = [
  'Moskva', 'Moscow', 'Bình Nhưỡng', 'Vladivostok', 'Kursk', 'Kiev', 'Kyiv', 'Seoul',
  'Washington', 'Bắc Kinh', 'Khabarovsk', 'Wonsan', 'Rason', 'Vostochny', 'Tokyo', 'Donetsk',
];

export const AGENCIES: readonly string[] = ['Reuters', 'AFP', 'AP', 'TASS', 'RIA Novosti', 'KCNA', 'Yonhap', 'Interfax', 'Sputnik', 'Kyodo'];

export const PHOTO_CREDITS: readonly string[] = ['Reuters', 'AFP', 'KCNA', 'Yonhap', 'TASS', 'Sputnik', 'AP', 'Điện Kremlin', 'KCNA/Reuters', 'Yonhap/TTXVN'];

export const TOPICS: readonly string[] = [
  'hợp tác quân sự', 'quan hệ song phương', 'hợp tác kinh tế', 'an ninh khu vực', 'hiệp ước đối tác chiến lược toàn diện',
  'tuyến đường sắt xuyên biên giới', 'hợp tác năng lượng', 'trao đổi văn hóa', 'du lịch', 'công nghệ vệ tinh',
  'lệnh trừng phạt của Liên hợp quốc', 'cuộc xung đột ở Ukraine', 'cây cầu đường bộ qua sông Tumen', 'hợp tác y tế',
  'đường bay thẳng Moskva – Bình Nhưỡng', 'lao động Triều Tiên tại Nga', 'tình hình bán đảo Triều Tiên', 'hợp tác giáo dục',
];

export const SECTIONS: readonly string[] = ['Thế giới', 'Quốc tế', 'Thời sự quốc tế', 'Châu Á', 'Quân sự', 'Bình luận quốc tế', 'Hồ sơ'];

/** Title patterns; {p} here is a capitalised short surname ("Putin"), {K} a surname of a second person. */
export const TITLE_TEMPLATES: readonly string[] = [
  'Nga và Triều Tiên thúc đẩy {T}',
  '{K1} nói về {T} với Triều Tiên',
  'Triều Tiên cam kết ủng hộ Nga về {T}',
  'Điện Kremlin lên tiếng về {T} với Bình Nhưỡng',
  'Ông {K1} gặp ông {K2} tại {L}',
  'Nga – Triều Tiên bàn về {T} tại {L}',
  'Mỹ và Hàn Quốc lo ngại {T} giữa Nga và Triều Tiên',
  'Phái đoàn Nga tới {L}, thảo luận {T}',
  'Triều Tiên gửi thông điệp tới Nga nhân dịp {E}',
  'Nga trao tặng Triều Tiên {G}',
  'Ông {K1} tuyên bố {T} sẽ được đẩy mạnh',
  'Hai nước Nga, Triều Tiên ký văn kiện về {T}',
  'Bình Nhưỡng phản đối phương Tây chỉ trích {T} với Moskva',
  'Lãnh đạo Nga và Triều Tiên trao đổi thư nhân {E}',
  '{L} đón phái đoàn cấp cao, mở rộng {T}',
];

export const EVENTS: readonly string[] = [
  'ngày giải phóng', 'Quốc khánh Nga', 'năm mới', 'ngày thành lập nước', 'kỷ niệm 75 năm quan hệ ngoại giao',
  'ngày Chiến thắng', 'sinh nhật lãnh đạo', 'kỷ niệm ký hiệp ước',
];

export const GIFTS: readonly string[] = ['xe Aurus', 'ngựa giống', 'bộ trà', 'thanh kiếm danh dự', 'xe limousine', 'chó săn Pungsan'];

/** Bank of body sentences. Each is a complete sentence, ending with a period. */
export const SENTENCES: readonly string[] = [
  '{P} {D} cho biết Moskva sẵn sàng mở rộng {T} với Bình Nhưỡng trong thời gian tới.',
  'Theo hãng tin {A}, cuộc hội đàm giữa hai phái đoàn diễn ra trong bầu không khí thân thiện và kéo dài hơn {N} giờ.',
  'Phát biểu tại cuộc họp báo sau hội đàm, {p} nhấn mạnh quan hệ giữa hai nước đang ở "mức cao chưa từng có".',
  '{Q} khẳng định Triều Tiên luôn đứng về phía Nga trong mọi vấn đề liên quan tới chủ quyền và an ninh quốc gia.',
  'Hãng thông tấn {A} đưa tin {p} đã tới {L} {D} trong chuyến thăm kéo dài {N} ngày.',
  'Giới quan sát cho rằng {T} là trọng tâm của chuyến thăm lần này, dù hai bên không công bố chi tiết.',
  'Mỹ và các đồng minh nhiều lần cáo buộc Triều Tiên chuyển giao đạn pháo và tên lửa cho Nga, nhưng Moskva và Bình Nhưỡng đều bác bỏ.',
  '{p} cho biết hai bên đã thảo luận về tình hình trên bán đảo Triều Tiên và các biện pháp nhằm tăng cường {T}.',
  'Trước đó, {D}, {Q} đã có cuộc gặp với {P} tại {M} để chuẩn bị cho các cuộc tiếp xúc cấp cao.',
  'Văn kiện được ký tại {L} quy định hai bên hỗ trợ lẫn nhau nếu một trong hai nước bị tấn công.',
  '{A} dẫn lời một quan chức giấu tên cho biết khoảng {N}.000 binh sĩ Triều Tiên đã được triển khai tới tỉnh Kursk.',
  'Bộ Ngoại giao Hàn Quốc {D} lên án việc hai nước tăng cường {T}, gọi đây là hành động vi phạm nghị quyết của Hội đồng Bảo an.',
  'Trong bữa tiệc chiêu đãi, {p} nâng ly chúc sức khỏe người đồng cấp và gọi Nga là "người bạn thân thiết nhất".',
  'Ủy ban liên chính phủ hai nước đã nhóm họp lần thứ {N}, thông qua kế hoạch hợp tác trong các lĩnh vực thương mại, khoa học và giáo dục.',
  '{P} nói rằng Nga "không loại trừ" khả năng phát triển hợp tác kỹ thuật với Triều Tiên theo các thỏa thuận đã ký.',
  'Kim ngạch thương mại song phương năm ngoái tăng khoảng {N}%, phần lớn là hàng nông sản, phân bón và nhiên liệu.',
  'Theo {A}, đoàn tàu bọc thép chở phái đoàn Triều Tiên đã vượt sông Tumen và tới ga biên giới Khasan vào sáng sớm.',
  'Giới chức {M} bày tỏ lo ngại rằng {T} giữa hai nước có thể làm thay đổi cán cân an ninh ở Đông Bắc Á.',
  '{Q} cảm ơn {P} vì đã dành thời gian tiếp đón và khẳng định sẽ sớm đáp lễ bằng một chuyến thăm tới {L}.',
  'Hai bên nhất trí tiếp tục duy trì liên lạc chiến lược chặt chẽ ở cấp cao và phối hợp tại các diễn đàn quốc tế.',
  'Nhà Trắng {D} cho biết Washington đang theo dõi sát sao diễn biến và sẽ phối hợp với Seoul, Tokyo để đưa ra phản ứng thích hợp.',
  'Đây là lần thứ {N} trong năm nay một quan chức cấp cao của Nga tới thăm Triều Tiên, cho thấy mối quan hệ ngày càng chặt chẽ.',
  'Đài truyền hình trung ương Triều Tiên phát sóng hình ảnh {p} duyệt đội danh dự tại sân bay quốc tế Sunan.',
  '{p} bày tỏ tin tưởng rằng {T} sẽ mang lại lợi ích thiết thực cho nhân dân hai nước.',
  'Các chuyên gia tại {M} nhận định Moskva cần Bình Nhưỡng để bổ sung kho đạn dược, còn Triều Tiên cần công nghệ và lương thực từ Nga.',
  'Liên hợp quốc đã áp đặt nhiều lệnh trừng phạt đối với chương trình hạt nhân và tên lửa của Triều Tiên từ năm 2006.',
  'Theo thông báo của Bộ Ngoại giao Nga, hai bên cũng trao đổi ý kiến về {T} và các vấn đề quốc tế cùng quan tâm.',
  'Trên mạng xã hội, {Q} viết rằng "không thế lực nào có thể chia rẽ" tình hữu nghị giữa hai dân tộc.',
  'Đường bay thẳng giữa {L} và Bình Nhưỡng được nối lại sau nhiều năm gián đoạn, với tần suất {N} chuyến mỗi tuần.',
  'Hội nghị thượng đỉnh lần đầu giữa hai nhà lãnh đạo diễn ra tại Vladivostok vào tháng 4/2019.',
  '{P} và {Q} đã đi thăm một nhà máy sản xuất máy bay tại Komsomolsk-on-Amur, nơi chế tạo tiêm kích Su-57.',
  '{A} cho biết cuộc gặp kéo dài khoảng {N} phút, sau đó hai bên có cuộc trao đổi riêng không có phóng viên.',
  'Hàng chục nghìn người dân xếp hàng dọc các tuyến phố của {L}, cầm hoa và cờ hai nước chào đón đoàn xe.',
  'Nhiều nhà phân tích cho rằng quan hệ Nga – Triều Tiên đã bước sang giai đoạn mới kể từ khi chiến sự ở Ukraine nổ ra năm 2022.',
  '{p} lưu ý rằng các lệnh trừng phạt đơn phương của phương Tây "không có giá trị pháp lý" đối với hợp tác giữa hai nước.',
  'Cơ quan tình báo Hàn Quốc ước tính Triều Tiên đã gửi sang Nga hơn {N} triệu quả đạn pháo trong năm qua.',
  'Phía Nga cũng đề xuất tăng số lượng sinh viên Triều Tiên theo học tại các trường đại học ở {L}.',
  'Tại buổi lễ, {P} trao tặng huân chương cho các cựu binh từng tham gia giải phóng bán đảo Triều Tiên năm 1945.',
  'Ngoài ra, hai nước đang xem xét xây dựng cây cầu đường bộ bắc qua sông Tumen, dài khoảng {N} km.',
  'Điện Kremlin {D} từ chối bình luận về các thông tin cho rằng Nga đang giúp Triều Tiên phát triển công nghệ tàu ngầm.',
  'Truyền thông nhà nước Triều Tiên cho biết {p} đã thị sát một nhà máy sản xuất vũ khí ngay sau khi trở về từ {L}.',
  'Cuộc tập trận chung giữa Mỹ và Hàn Quốc diễn ra cùng thời điểm khiến căng thẳng trên bán đảo tiếp tục gia tăng.',
  '{Q} đánh giá cao vai trò của Nga trong việc bảo vệ hòa bình và ổn định ở khu vực Đông Bắc Á.',
  'Hai bên ký kết {N} văn kiện hợp tác, trong đó có thỏa thuận về y tế, giáo dục và phát triển du lịch tại Wonsan.',
  'Theo dữ liệu hải quan, lượng hàng hóa vận chuyển qua cảng Rason tăng mạnh trong {N} tháng đầu năm.',
  'Bộ Quốc phòng Nhật Bản cho biết đang theo dõi chặt chẽ mọi động thái quân sự liên quan tới hai nước.',
  'Khi được hỏi về khả năng Triều Tiên tham gia xung đột, {p} nói rằng đây là "vấn đề của các quốc gia có chủ quyền".',
  'Chuyến thăm diễn ra chỉ vài tuần sau khi hiệp ước giữa hai nước chính thức có hiệu lực.',
  'Nhà phân tích tại {M} nhận xét rằng Bình Nhưỡng đang tận dụng cơ hội để thoát khỏi sự cô lập quốc tế.',
  '{P} gửi thư chúc mừng {Q}, bày tỏ mong muốn cùng nhau củng cố tình hữu nghị truyền thống.',
];

/** Lede (sapo) patterns. */
export const LEDES: readonly string[] = [
  '{P} {D} tuyên bố Nga sẵn sàng đẩy mạnh {T} với Triều Tiên, bất chấp chỉ trích từ phương Tây.',
  '{Q} đã tới {L} trong chuyến thăm chính thức nhằm cụ thể hóa các thỏa thuận về {T}.',
  'Nga và Triều Tiên nhất trí tăng cường {T}, trong bối cảnh Mỹ và các đồng minh bày tỏ lo ngại.',
  'Hãng tin {A} {D} đưa tin {p} đã có cuộc hội đàm với {Q} về {T} và các vấn đề khu vực.',
  'Quan hệ Nga – Triều Tiên tiếp tục được thắt chặt khi hai bên công bố kế hoạch mới về {T}.',
];

export const CAPTIONS: readonly string[] = [
  '{P} và {Q} tại {L} {D}',
  '{P} phát biểu tại cuộc họp báo ở {L}',
  'Quang cảnh cuộc hội đàm giữa hai phái đoàn tại {L}',
  '{P} (trái) bắt tay {Q} tại {L}',
  'Đoàn xe chở {p} trên đường phố {L}',
];

export const AUTHORS: readonly string[] = [
  'Thanh Danh', 'Minh Phương', 'Hạnh Lê', 'Bảo Anh', 'Kông Anh', 'Thành Đạt', 'Phương Linh', 'Hồng Nhung', 'Khánh An',
  'Thanh Hảo', 'Vũ Hoàng', 'Ngọc Ánh', 'Hà Đào', 'Bình Thanh', 'Phạm Nghĩa', 'Đức Trung', 'Lê Minh', 'Thu Trang',
];

export const FIRST_WORDS_SWAP: readonly [string, string][] = [
  ['cho biết', 'nói'], ['khẳng định', 'nhấn mạnh'], ['tăng cường', 'đẩy mạnh'], ['lo ngại', 'quan ngại'],
];

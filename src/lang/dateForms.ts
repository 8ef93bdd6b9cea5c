/**
 * The date grammar: every publication-date form we read, as data.
 * A new form is one entry here and its tests in test/dates.test.ts.
 * Patterns are linear (no nested quantifiers) and compiled once.
 */

const WEEKDAY = String.raw`(?:[Tt]hứ\s*(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|[Cc]hủ\s*[Nn]hật|CN|T[2-7])`;
const DMY = String.raw`(?<d>\d{1,2})\s?[/.-]\s?(?<m>\d{1,2})\s?[/.-]\s?(?<y>(?:19|20)\d{2})`;
const VI_LONG = String.raw`(?:[Nn]gày\s)?(?<d>\d{1,2})\stháng\s(?<m>\d{1,2}),?\s(?:năm\s)?(?<y>(?:19|20)\d{2})`;
const TIME = String.raw`(?<hh>\d{1,2})\s?[:hg]\s?(?<mi>\d{2})(?::(?<ss>\d{2}))?(?:\s?(?<ampm>AM|PM|am|pm|SA|CH|sáng|trưa|chiều|tối|đêm)(?![\p{L}]))?`;
/** "30/11/12": a two-digit year, read only after a weekday or "ngày" */
const DMY2 = String.raw`(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<yy>\d{2})(?![\d/])`;
const ZONE = String.raw`(?:\s?\(?\s?(?:GMT|UTC)\s?(?<zs>[+-])\s?(?<zh>\d{1,2})(?::?(?<zm>\d{2}))?\s?\)?|\s?(?<zs2>[+-])(?<zh2>\d{2}):?(?<zm2>\d{2})|\s?(?<z>Z))`;
const SEP = String.raw`\s?(?:,|-|–|\||lúc|\/)?\s?`;
const ISO = String.raw`(?<y>(?:19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})(?:[T ](?<hh>\d{2}):(?<mi>\d{2})(?::(?<ss>\d{2})(?:\.\d{1,6})?)?)?`;

export interface DateForm {
  id: string;
  /** what it reads, for docs and tests */
  example: string;
  pattern: string;
}

/** Ordered: the first form that matches at a position wins. */
export const DATE_FORMS: readonly DateForm[] = [
  { id: 'iso', example: '2024-01-17T21:08:30+07:00', pattern: `${ISO}${ZONE}?` },
  { id: 'weekday-dmy-time', example: 'Thứ Tư, 17/01/2024 21:08:30 +07:00', pattern: `(?:${WEEKDAY}\\s?,?\\s?)?(?:[Nn]gày\\s)?${DMY}${SEP}${TIME}${ZONE}?` },
  { id: 'weekday-time-dmy', example: 'Thứ Tư, 07:09, 19/06/2024 · 06:30 - Thứ Tư, 18/06/2025', pattern: `(?:${WEEKDAY}\\s?,?\\s?)?${TIME}${SEP}(?:${WEEKDAY}\\s?,?\\s?)?(?:[Nn]gày\\s)?${DMY}${ZONE}?` },
  { id: 'ymd-dots', example: '2024.05.17', pattern: String.raw`(?<y>(?:19|20)\d{2})\.(?<m>\d{1,2})\.(?<d>\d{1,2})(?![\d.])` },
  { id: 'vi-long', example: 'ngày 17 tháng 1 năm 2024 lúc 21:08', pattern: `(?:${WEEKDAY}\\s?,?\\s?)?${VI_LONG}(?:${SEP}${TIME})?${ZONE}?` },
  { id: 'weekday-dmy2-time', example: 'thứ sáu, ngày 30/11/12 04:00 chiều', pattern: `(?:${WEEKDAY}\\s?,?\\s?(?:[Nn]gày\\s)?|[Nn]gày\\s)${DMY2}${SEP}${TIME}` },
  { id: 'weekday-dmy', example: 'Thứ hai, 5/2/2024', pattern: `(?:${WEEKDAY}\\s?,?\\s?)?(?:[Nn]gày\\s)?${DMY}${ZONE}?` },
];

/** Words that may stand before a dateline: "Cập nhật: …", "Đăng lúc …". */
export const DATELINE_PREFIXES = [
  'Cập nhật lúc', 'Cập nhật ngày', 'Cập nhật', 'Đăng lúc', 'Đăng ngày', 'Ngày đăng', 'Ngày cập nhật', 'Thời gian đăng', 'Thời gian', 'Xuất bản',
  'Published', 'Updated', 'Ngày', 'Đăng', 'Posted',
];

/** Body mentions of a day without a year: "ngày 15-8", "Hôm 20/9", "sáng 19/6". */
export const BODY_DAY_MONTH = String.raw`(?<![\p{L}\p{N}])(?:[Nn]gày|[Hh]ôm|[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm|[Rr]ạng sáng)\s(?<d>\d{1,2})\s?[/-]\s?(?<m>\d{1,2})(?![\d/-])`;

/** Dates in a URL, strongest first. */
export const URL_DATE_FORMS: readonly DateForm[] = [
  { id: 'url-17-digit-id', example: '…-20241219101002248.htm', pattern: String.raw`(?<![0-9])(?<y>20\d{2})(?<m>\d{2})(?<d>\d{2})(?<hh>\d{2})(?<mi>\d{2})(?<ss>\d{2})\d{3}(?![0-9])` },
  { id: 'url-14-digit-id', example: '…-20241219101002.htm', pattern: String.raw`(?<![0-9])(?<y>20\d{2})(?<m>\d{2})(?<d>\d{2})(?<hh>\d{2})(?<mi>\d{2})(?<ss>\d{2})(?![0-9])` },
  { id: 'url-ymd-path', example: '/2024/06/19/', pattern: String.raw`/(?<y>(?:19|20)\d{2})/(?<m>\d{1,2})/(?<d>\d{1,2})(?=/|$)` },
  { id: 'url-ymd-part', example: '-20240619-', pattern: String.raw`[-_/](?<y>20\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?=[-_./]|$)` },
  { id: 'url-iso-part', example: '/2024-06-19/', pattern: String.raw`[-_/](?<y>20\d{2})-(?<m>[01]\d)-(?<d>[0-3]\d)(?=[-_./]|$)` },
];

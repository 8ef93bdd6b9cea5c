/**
 * Credited sources. A photo credit is not a source credit (CONTRACT): only byline
 * notes, credit lines and attributions in the running text count.
 */
import { defaultRegistries, type Mention, type Registries } from '../registry/index.ts';

/** "Theo hãng tin TASS", "theo Hãng Thông tấn Trung ương Triều Tiên (KCNA)" */
const THEO_BEFORE_RE = /(?:^|[\s,;(])(?:[Tt]heo|[Tt]heo\s(?:thông báo|tuyên bố|thông cáo|báo cáo|bản tin|tin)\s(?:của|từ)|[Tt]rích dẫn|[Dd]ẫn nguồn|[Dd]ẫn lời)\s(?:(?:các\s)?(?:hãng tin|hãng thông tấn|thông tấn xã|hãng|kênh truyền hình|kênh|tờ báo|tờ|báo|đài|mạng|trang|nhật báo|tạp chí|truyền thông|hãng truyền thông)(?:\s[^\s.,;:!?]+){0,4}\s)?\(?$/iu;
/** "KCNA ngày 15-8 đưa tin", "Reuters cho biết", "hãng tin Yonhap dẫn lời" */
const VERB_AFTER_RE = /^\)?,?\s(?:[^\s.,;:!?“”"]+\s){0,5}(?:đưa tin|cho biết|dẫn lời|dẫn nguồn|trích lời|trích dẫn|loan tin|tường thuật|đưa tin rằng|công bố|thông tin rằng|cho hay|đăng tải thông tin|đưa ra tin|dẫn(?!\s(?:đầu|đến|tới|dắt|giải))|xác nhận)(?![\p{L}])/u;
/** "tuyên bố được hãng thông tấn KCNA đăng tải": published by the agency */
const PASSIVE_BEFORE_RE = /(?:^|\s)được\s(?:(?:hãng tin|hãng thông tấn|thông tấn xã|hãng|kênh|tờ|báo|đài)(?:\s[^\s.,;:!?]+){0,4}\s)?$/iu;
const PASSIVE_AFTER_RE = /^\)?\s(?:[^\s.,;:!?]+\s){0,2}(?:đăng tải|đưa tin|công bố|phát đi|đăng)(?![\p{L}])/u;

const BEFORE_WINDOW = 80;
const AFTER_WINDOW = 80;

export function isAttribution(text: string, m: Mention): boolean {
  const before = text.slice(Math.max(0, m.index - BEFORE_WINDOW), m.index);
  const after = text.slice(m.end, m.end + AFTER_WINDOW);
  return THEO_BEFORE_RE.test(before) || VERB_AFTER_RE.test(after) || (PASSIVE_BEFORE_RE.test(before) && PASSIVE_AFTER_RE.test(after));
}

/** Agencies credited in running text. */
export function attributedAgencies(text: string, reg: Registries = defaultRegistries()): string[] {
  return [...new Set(reg.agencies.scan(text).filter((m) => isAttribution(text, m)).map((m) => m.name))];
}

/** Canonical agency for a credited name ("Roi-tơ" → Reuters); undefined when unknown. */
export const canonicalAgency = (name: string, reg: Registries = defaultRegistries()): string | undefined => reg.agencies.canonical(name.trim());

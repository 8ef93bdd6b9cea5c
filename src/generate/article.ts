/**
 * One generated article: a story (what happened, pure function of seed and
 * index) rendered in one outlet's layout with that outlet's junk.
 */
import {
  AGENCIES, AUTHORS, CAPTIONS, EVENTS, FIRST_WORDS_SWAP, GIFTS, LEADERS, LEDES, PEOPLE, PHOTO_CREDITS, PLACES,
  SECTIONS, SENTENCES, TITLE_TEMPLATES, TOPICS, type Person,
} from './bank.ts';
import { makeRng, mixSeed, type Rng } from './prng.ts';

export interface Stamp { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number }

export interface Story {
  index: number;
  title: string;
  lede: string;
  /** body paragraphs */
  paras: string[];
  captions: { text: string; credit: string }[];
  date: Stamp;
  authors: string[];
  agencies: string[];
  /** titles of other stories, for teasers */
  related: string[];
}

export interface Generated {
  /** DIR-relative path: yyyy/name.txt */
  path: string;
  text: string;
  outlet: string;
  layout: string;
  duplicateOf: number | null;
  frontMatter: boolean;
  crlf: boolean;
  nfd: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function stampFor(rng: Rng): Stamp {
  // Spread over 2000–2025, weighted towards the years the coverage grew.
  const y = rng.chance(0.35) ? rng.int(2000, 2016) : rng.int(2017, 2025);
  const mo = rng.int(1, 12);
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { y, mo, d: rng.int(1, dim), h: rng.int(5, 23), mi: rng.int(0, 59), s: rng.int(0, 59), ms: rng.int(0, 999) };
}

function surname(p: Person): string {
  const n = p.names[0] as string;
  return n.startsWith('Kim ') || n.startsWith('Choe ') || n.startsWith('No ') ? n : n.split(' ').slice(-1)[0] as string;
}

interface Cast { P: Person; Q: Person; v: Map<Person, string> }

function fullName(p: Person, cast: Cast): string {
  return `${p.role} ${cast.v.get(p) ?? p.names[0]}`;
}

const SLOT_RE = /\{([A-Z]\d?|[a-z])\}/gu;

function fill(template: string, rng: Rng, cast: Cast, date: Stamp): string {
  const dayBefore = Math.max(1, date.d - rng.int(0, 3));
  return template.replace(SLOT_RE, (_, k: string) => {
    switch (k) {
      case 'P': return fullName(cast.P, cast);
      case 'Q': return fullName(cast.Q, cast);
      case 'p': return cast.P.short;
      case 'q': return cast.Q.short;
      case 'L': return rng.pick(PLACES);
      case 'M': return rng.pick(PLACES);
      case 'A': return rng.pick(AGENCIES);
      case 'D': return rng.chance(0.5) ? `ngày ${dayBefore}/${date.mo}` : `hôm ${dayBefore}/${date.mo}`;
      case 'N': return String(rng.int(2, 40));
      case 'T': return rng.pick(TOPICS);
      case 'E': return rng.pick(EVENTS);
      case 'G': return rng.pick(GIFTS);
      case 'K1': return surname(cast.P);
      case 'K2': return surname(cast.Q);
      default: return k;
    }
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The story of article `index`: a pure function of (seed, index). */
export function makeStory(seed: number, index: number): Story {
  const rng = makeRng(mixSeed(seed, index, 1));
  const P = rng.chance(0.7) ? rng.pick(LEADERS) : rng.pick(PEOPLE);
  let Q = rng.pick(PEOPLE);
  while (Q === P) Q = rng.pick(PEOPLE);
  const v = new Map<Person, string>();
  for (const p of [P, Q]) v.set(p, rng.chance(0.7) ? p.names[0] as string : rng.pick(p.names));
  const cast: Cast = { P, Q, v };
  const date = stampFor(rng);
  const title = capitalise(fill(rng.pick(TITLE_TEMPLATES), rng, cast, date));
  const lede = capitalise(fill(rng.pick(LEDES), rng, cast, date));
  const nParas = rng.int(8, 17);
  const paras: string[] = [];
  for (let i = 0; i < nParas; i++) {
    const k = rng.int(2, 4);
    const sentences: string[] = [];
    for (let j = 0; j < k; j++) sentences.push(capitalise(fill(rng.pick(SENTENCES), rng, cast, date)));
    paras.push(sentences.join(' '));
  }
  const captions = Array.from({ length: rng.int(1, 3) }, () => ({
    text: capitalise(fill(rng.pick(CAPTIONS), rng, cast, date)),
    credit: rng.pick(PHOTO_CREDITS),
  }));
  const authors = rng.sample(AUTHORS, rng.chance(0.85) ? 1 : 2);
  const agencies = rng.sample(['Reuters', 'AFP', 'TASS', 'Yonhap', 'KCNA', 'RIA Novosti', 'AP'], rng.int(1, 2));
  const related = Array.from({ length: rng.int(2, 3) }, () => capitalise(fill(rng.pick(TITLE_TEMPLATES), rng, cast, date)));
  return { index, title, lede, paras, captions, date, authors, agencies, related };
}

/** A republished copy is lightly edited: a word swapped, sometimes the last paragraph cut. */
export function lightlyEdit(story: Story, rng: Rng): Story {
  const [a, b] = rng.pick(FIRST_WORDS_SWAP);
  const paras = story.paras.map((p, i) => (i % 3 === 0 ? p.replace(a, b) : p));
  if (rng.chance(0.5) && paras.length > 4) paras.pop();
  const d = { ...story.date };
  if (d.d < 28 && rng.chance(0.5)) d.d += 1;
  return { ...story, paras, date: d };
}

// ---------------------------------------------------------------------------
// Layouts

export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];
const WEEKDAYS_CAP = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const weekday = (t: Stamp, cap = false) => (cap ? WEEKDAYS_CAP : WEEKDAYS)[new Date(Date.UTC(t.y, t.mo - 1, t.d)).getUTCDay()] as string;
const ts17 = (t: Stamp) => `${t.y}${pad(t.mo)}${pad(t.d)}${pad(t.h)}${pad(t.mi)}${pad(t.s)}${pad(t.ms, 3)}`;
const urlFor = (domain: string, section: string, story: Story) => `https://${domain}/${section}/${asciiSlug(story.title)}-${ts17(story.date)}.htm`;
const byline = (s: Story) => s.authors.join(' - ');

interface Layout {
  name: string;
  outlet: string;
  domain: string;
  render(s: Story, rng: Rng): string[];
}

/** Body paragraphs with captions (and their repeats) spliced in. */
function bodyWithCaptions(s: Story, rng: Rng, caption: (c: Story['captions'][number], i: number) => string[]): string[] {
  const out: string[] = [];
  const every = Math.max(2, Math.floor(s.paras.length / (s.captions.length + 1)));
  let c = 0;
  s.paras.forEach((p, i) => {
    out.push(p);
    if ((i + 1) % every === 0 && c < s.captions.length) out.push(...caption(s.captions[c] as Story['captions'][number], c++));
  });
  return out;
}

const LAYOUTS: Layout[] = [
  {
    name: 'vtc', outlet: 'vtcnews', domain: 'vtcnews.vn',
    render(s, rng) {
      const t = s.date;
      return [
        '• Zalo', '', s.title, '',
        `${rng.pick(SECTIONS)}${weekday(t, true)}, ${pad(t.d)}/${pad(t.mo)}/${t.y} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)} +07:00Google News`,
        '(VTC News) -', '', s.lede, '',
        ...bodyWithCaptions(s, rng, (c) => [`${c.text}. (Ảnh: ${c.credit})`, '', `${c.text}. (Ảnh: ${c.credit})`]).flatMap((l) => [l, '']),
        `${s.authors[0]}(Nguồn: ${s.agencies[0]})`, 'Bình luận', 'vtcnews.vn',
      ];
    },
  },
  {
    name: 'soha', outlet: 'soha', domain: 'soha.vn',
    render(s, rng) {
      const t = s.date;
      const lines = [
        s.title, '', `${s.authors[0]} |`, `${pad(t.d)}/${pad(t.mo)}/${t.y} ${pad(t.h)}:${pad(t.mi)}`, s.title, s.title,
        `${s.captions[0]?.text ?? s.title}. Ảnh: ${s.captions[0]?.credit ?? 'Reuters'}`, '', s.lede, '',
      ];
      let k = 1;
      for (const p of s.paras) {
        lines.push(p, '');
        if (rng.chance(0.15)) lines.push(`${s.title} - Ảnh ${++k}.`, '', `${rng.pick(s.captions).text}. Ảnh: ${rng.pick(PHOTO_CREDITS)}`, '');
      }
      if (rng.chance(0.4)) lines.push('theo Người Lao động', '');
      lines.push('Đường dây nóng: 0943 113 999', '', 'Soha', 'Trí Thức Trẻ', '    Công ty Cổ phần VCCorp', '',
        `    © Copyright 2010 - ${t.y < 2010 ? 2023 : t.y} – Công ty Cổ phần VCCorp`, '', '    Email: btv@soha.vn',
        '    Chịu trách nhiệm nội dung: Ông Nguyễn Thế Tân', '    Điện thoại: 024 7309 5555', '    Chính sách bảo mật', '', '    Chat với tư vấn viên');
      return lines;
    },
  },
  {
    name: 'tgvn', outlet: 'baoquocte', domain: 'baoquocte.vn',
    render(s, rng) {
      const t = s.date;
      const lines = [
        s.title, '', `${weekday(t, true)}, ${pad(t.d)}/${pad(t.mo)}/${t.y} ${pad(t.h)}:${pad(t.mi)}`, '',
        `${s.lede}Theo dõi TGVN trên`, '',
        `${s.title} |`, `${s.captions[0]?.text}. (Nguồn: ${s.captions[0]?.credit}) |`,
      ];
      s.paras.forEach((p, i) => {
        lines.push(p);
        if (i === 2) lines.push('Tin liên quan |', `${s.related[0]} ${s.related[0]} |`);
        if (i === 6 && s.related[1]) lines.push(`${s.related[1]}`, '', `${s.related[1]}`, '');
      });
      lines.push('', `${s.authors[0]}/Báo Thế giới và Việt Nam`);
      if (rng.chance(0.3)) lines.push('', `Nguồn TGVN: ${urlFor('baoquocte.vn', 'the-gioi', s)}`);
      return lines;
    },
  },
  {
    name: 'vnexpress', outlet: 'vnexpress', domain: 'vnexpress.net',
    render(s, rng) {
      const t = s.date;
      const lines = [rng.pick(SECTIONS), `${weekday(t)}, ${t.d}/${t.mo}/${t.y}, ${pad(t.h)}:${pad(t.mi)} (GMT+7)`, s.title, s.lede, ''];
      lines.push(...bodyWithCaptions(s, rng, (c) => [`${c.text}. Ảnh: ${c.credit}`]).flatMap((l) => [l, '']));
      if (rng.chance(0.3)) lines.push(`Video: ${rng.pick(AGENCIES)}`, '');
      lines.push(`${byline(s)} (Theo ${s.agencies.join(', ')})`, '', 'Trở lại Thế giớiTrở lại Thế giới', 'Chia sẻ', 'Copy link thành công', '×', 'Xem thêm',
        ...s.related, 'Thông tin doanh nghiệp', 'Sản phẩm', 'Báo tiếng Việt nhiều người xem nhất', '© Copyright 1997 VnExpress.net, All rights reserved');
      if (rng.chance(0.25)) lines.push(`Nguồn VnExpress: ${urlFor('vnexpress.net', 'the-gioi', s)}`);
      return lines;
    },
  },
  {
    name: 'tuoitre', outlet: 'tuoitre', domain: 'tuoitre.vn',
    render(s, rng) {
      const t = s.date;
      const author = (s.authors[0] as string).toUpperCase();
      const lines = [rng.pick(SECTIONS), 'Thời sự', s.title, author, `${pad(t.d)}/${pad(t.mo)}/${t.y} ${pad(t.h)}:${pad(t.mi)} GMT+7`, 'Nghe đọc bài', `TTO - ${s.lede}`];
      lines.push(...bodyWithCaptions(s, rng, (c) => [`${c.text} - Ảnh: ${c.credit.toUpperCase()}`]));
      lines.push(author, 'TIN LIÊN QUAN', ...s.related, '#Kim Jong Un #Putin #Triều Tiên #Nga', 'Tuổi Trẻ Online Newsletters', 'Đăng ký ngay để nhận gói tin tức mới', 'Đọc thêm');
      if (rng.chance(0.5)) lines.push(`Nguồn: ${urlFor('tuoitre.vn', 'the-gioi', s)}`);
      return lines;
    },
  },
  {
    name: 'dantri', outlet: 'dantri', domain: 'dantri.com.vn',
    render(s, rng) {
      const t = s.date;
      const lines = [rng.pick(SECTIONS), s.title, `${weekday(t)}, ${pad(t.d)}/${pad(t.mo)}/${t.y} - ${pad(t.h)}:${pad(t.mi)}`, 'Chia sẻ', `(Dân trí) - ${s.lede}`];
      lines.push(...bodyWithCaptions(s, rng, (c) => [`${c.text} (Ảnh: ${c.credit}).`]));
      lines.push(byline(s), `Theo ${s.agencies.join(', ')}`, 'Tin liên quan', ...s.related, 'Bình luận', 'Dân trí', 'Cơ quan của Bộ Nội vụ', 'Tổng biên tập: Phạm Tuấn Anh');
      if (rng.chance(0.6)) lines.push(urlFor('dantri.com.vn', 'the-gioi', s));
      return lines;
    },
  },
  {
    name: 'baotintuc', outlet: 'baotintuc', domain: 'baotintuc.vn',
    render(s, rng) {
      const lines = [`${s.captions[0]?.text}. Ảnh: ${s.captions[0]?.credit}`, ...s.paras];
      if (rng.chance(0.4)) lines.splice(4, 0, `Video về ${s.title.toLowerCase()}. Nguồn: ${rng.pick(AGENCIES)}.`);
      lines.push(`${s.authors[0]}/Báo Tin tức (Theo ${s.agencies.join(', ')})`, `Nguồn Tin Tức TTXVN : ${urlFor('baotintuc.vn', 'the-gioi', s)}`);
      return lines;
    },
  },
  {
    name: 'thanhnien', outlet: 'thanhnien', domain: 'thanhnien.vn',
    render(s, rng) {
      const t = s.date;
      const lines = [rng.pick(SECTIONS), 'Xung đột Nga - Ukraine', s.title, s.authors[0] as string, `${pad(t.d)}/${pad(t.mo)}/${t.y} ${pad(t.h)}:${pad(t.mi)} GMT+7`, s.lede];
      lines.push(...bodyWithCaptions(s, rng, (c) => [`${c.text} ẢNH: ${c.credit.toUpperCase()}`]));
      lines.push('Bình luận (0)', 'Gửi bình luận', 'Quan tâm nhất', 'Mới nhất', 'Xem thêm bình luận', 'Tin liên quan', ...s.related,
        'Thanh Niên', 'Cơ quan chủ quản: Trung ương Hội Liên hiệp Thanh niên Việt Nam', '© Báo Thanh Niên, Toà soạn: 268-270 Nguyễn Đình Chiểu, P.Võ Thị Sáu, Q.3, TP.HCM');
      return lines;
    },
  },
  {
    name: 'vietnamnet', outlet: 'vietnamnet', domain: 'vietnamnet.vn',
    render(s, rng) {
      const t = s.date;
      const lines = [rng.pick(SECTIONS), 'Bình luận quốc tế', s.title, `${weekday(t, true)}, ${pad(t.d)}/${pad(t.mo)}/${t.y} - ${pad(t.h)}:${pad(t.mi)}`, 'Lưu bài', 'Chia sẻ', s.lede,
        '<script type="text/javascript">window.admicroAds = window.admicroAds || []; admicroAds.push({zone: "vnn_article_inpage", id: 2241});</script>'];
      lines.push(...bodyWithCaptions(s, rng, (c) => [`${c.text}. Ảnh: ${c.credit}`]));
      lines.push(s.authors[0] as string, 'Từ khóa: Nga Triều Tiên Kim Jong-un Putin', 'Bình luận', 'Tin nổi bật', ...s.related, 'Đọc nhiều',
        '<div class="vnn-footer">© Copyright của VietNamNet</div>', 'Báo VietNamNet', 'Cơ quan chủ quản: Bộ Khoa học và Công nghệ');
      return lines;
    },
  },
  {
    name: 'znews', outlet: 'znews', domain: 'znews.vn',
    render(s, rng) {
      const t = s.date;
      const lines = [rng.pick(SECTIONS), s.title, s.authors[0] as string, `${weekday(t)}, ${t.d}/${t.mo}/${t.y} ${pad(t.h)}:${pad(t.mi)} (GMT+7)`, `<p><strong>${s.lede}</strong></p>`];
      let k = 0;
      lines.push(...bodyWithCaptions(s, rng, (c) => [`${s.title} - Ảnh ${++k}.`, `${c.text}. Ảnh: ${c.credit}.`]).map((p, i) => (i % 3 === 1 && !p.includes('Ảnh') ? `<p>${p.replace(/"/gu, '&quot;')}</p>` : p)));
      lines.push(s.authors[0] as string, `Theo ${s.agencies[0]}`, 'Đọc tiếp', 'Bình luận', 'Chủ đề', 'Triều Tiên', 'Quan hệ Nga - Triều Tiên', 'Zing/Znews', 'Tin liên quan', ...s.related);
      return lines;
    },
  },
];

export const LAYOUT_NAMES = LAYOUTS.map((l) => l.name);

function frontMatter(s: Story, layout: Layout, rng: Rng): string {
  const lines = ['---'];
  lines.push(`date: ${s.date.y}-${pad(s.date.mo)}-${pad(s.date.d)}`);
  if (rng.chance(0.5)) lines.push(`outlet: ${layout.domain}`);
  if (rng.chance(0.2)) lines.push(`tags: [Nga, Triều Tiên]`);
  lines.push('---');
  return `${lines.join('\n')}\n`;
}

export interface ArticleOptions {
  seed: number;
  /** share of articles that republish an earlier story under another outlet */
  duplicates?: number;
}

/** Article `index` of the archive generated with `seed`: a pure function of both. */
export function makeArticle(index: number, options: ArticleOptions): Generated {
  const { seed } = options;
  const rng = makeRng(mixSeed(seed, index, 2));
  let story = makeStory(seed, index);
  let duplicateOf: number | null = null;
  let layout = rng.pick(LAYOUTS);
  if (index >= 10 && rng.chance(options.duplicates ?? 0.03)) {
    duplicateOf = rng.int(0, index - 1);
    const original = makeStory(seed, duplicateOf);
    const originalLayout = makeRng(mixSeed(seed, duplicateOf, 2)).pick(LAYOUTS);
    while (layout === originalLayout) layout = rng.pick(LAYOUTS);
    story = lightlyEdit({ ...original, index }, rng);
  }
  let text = layout.render(story, rng).join('\n');
  const hasFrontMatter = rng.chance(0.1);
  if (hasFrontMatter) text = frontMatter(story, layout, rng) + text;
  if (!text.endsWith('\n') && rng.chance(0.7)) text += '\n';
  const crlf = rng.chance(0.03);
  if (crlf) text = text.replace(/\n/gu, '\r\n');
  const nfd = rng.chance(0.02);
  if (nfd) text = text.normalize('NFD');
  const t = story.date;
  const words = asciiSlug(story.title).split('-').slice(0, 6).join('-');
  const path = `${t.y}/${t.y}-${pad(t.mo)}-${pad(t.d)}-${layout.outlet}-${words}-${pad(index, 6)}.txt`;
  return { path, text, outlet: layout.outlet, layout: layout.name, duplicateOf, frontMatter: hasFrontMatter, crlf, nfd };
}

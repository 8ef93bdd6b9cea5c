/**
 * One file → one ArticleRecord. Pure: text in, record out; no I/O, no clock
 * (the caller passes `now` for the future-date check).
 *
 *   read      bytes → text → front matter + lines          (read/)
 *   classify  lines → roles                                 (classify/)
 *   extract   roles → fields; front matter overrides         (extract/)
 *   record    validated against the one schema              (record.ts)
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { decodeArticleBytes } from './read/decode.ts';
import { readFrontMatter } from './read/frontMatter.ts';
import { cleanHtmlLines } from './read/htmlClean.ts';
import { decodeHtmlBytes, isHtmlFile, readSavedPage, type SavedPage } from './read/html/index.ts';
import { pageAuthors, pageDate, pageOutletEvidence, pageOutletName, withPageKinds } from './extract/pageFacts.ts';
import { forgetWordCounts, normaliseLineEnds, slugify, toNFC } from './read/text.ts';
import { classifyLines } from './classify/index.ts';
import { REMOVED_ROLES, type Classified, type Segment } from './classify/types.ts';

/** roles whose lines are the story's own words: a copyright there is quoted, not the page's */
const CONTENT_ROLES: ReadonlySet<string> = new Set(['title', 'lede', 'body', 'caption']);
import { forgetHeadlineKeys, splitTitleSuffix } from './classify/headline.ts';
import { withoutPipe } from './classify/storyZone.ts';
import { dateFromUrl, findBodyDayMonth, noDate, parseDatelineText, toPublished } from './lang/dates.ts';
import { attributedAgencies, canonicalAgency } from './extract/agencies.ts';
import { findEntities } from './extract/entities.ts';
import { unknownPeople } from './lang/personNames.ts';
import { decideOutlets, hostOf, isCopyrightLine, outletAsOf, outletFromCopyright, outletFromText, outletsInFooter, unknownOutlet, type OutletEvidence } from './extract/outlet.ts';
import { firstSentence, slugWordsFromUrl, titleFromSlug } from './extract/title.ts';
import { paragraphsToHtml, toParagraph } from './extract/body.ts';
import { defaultRegistries, forgetTokens, toOutlet, type Registries } from './registry/index.ts';
import { cutToLength, markdownOverBudget, maxFileBytesFor, READ_BUDGET } from './read/budget.ts';
import { withoutBidiControls } from './read/bidi.ts';
import { articleRecordSchema, type ArticleRecord, type Published } from './record.ts';

export interface Finding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  ruleId: string;
}

export interface ParseInput {
  /** the path as given on the command line, or relative to articles/ */
  sourceFile: string;
  bytes: Uint8Array;
  /** for the future-date warning; omit to skip that check */
  now?: Date;
}

export interface ParseOptions {
  /**
   * the registries the rules use: createRegistries(knowledge) for an archive that extends the built-in
   * ones; the built-in registries when omitted
   */
  registries?: Registries;
}

export interface ParseResult {
  record: ArticleRecord | null;
  findings: Finding[];
  /** every segment with its role, for `check` and the tests */
  segments: Classified[];
}

/**
 * Stable across builds and edits of the text: from the file's whole path in the articles folder
 * ("2024/x.txt" and "2025/x.txt" differ; "/" separators, NFC), so two files never share one.
 */
export function recordId(sourceFile: string): string {
  const path = sourceFile.split('\\').join('/').normalize('NFC');
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}

/** markup cut from one line beyond which the cuts are kept as one removed entry */
const MAX_CUTS_PER_LINE = 20;

function toLines(body: string, lineOffset: number): { lines: Segment[]; cut: string[] } {
  const raw = body.split('\n');
  const cleaned = cleanHtmlLines(raw);
  const lines: Segment[] = [];
  const cut: string[] = [];
  cleaned.forEach((c, i) => {
    // one at a time (a line of 100,000 tags cut is more than a spread's arguments can hold), and a
    // line with very many cut into one entry, so that the record stays the size of its input
    const cuts = c.cut.filter((t) => t.trim());
    if (cuts.length > MAX_CUTS_PER_LINE) cut.push(cuts.join(''));
    else for (const t of cuts) cut.push(t);
    if (!c.text) return;
    const lead = raw[i]!.length - raw[i]!.trimStart().length;
    lines.push({ text: c.text, line: lineOffset + i + 1, column: lead + 1 });
  });
  return { lines, cut };
}

/** a dateline this close to the title is the story's own */
const DATELINE_NEAR_TITLE = 3;

/** The story's dateline: the one next to its title (a header's "today" date or a date picker is not), else the first. */
function storyDateline(segments: readonly Classified[]): Classified | undefined {
  const titleAt = segments.findIndex((s) => s.role === 'title');
  let best: { s: Classified; d: number } | undefined;
  if (titleAt >= 0) {
    segments.forEach((s, i) => {
      const d = Math.abs(i - titleAt);
      if (s.role === 'dateline' && d <= DATELINE_NEAR_TITLE && (!best || d < best.d)) best = { s, d };
    });
  }
  return best?.s ?? segments.find((s) => s.role === 'dateline');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function parseArticle(input: ParseInput, options: ParseOptions = {}): ParseResult {
  try {
    return parseOneArticle(input, options.registries ?? defaultRegistries());
  } finally {
    // the rules' memos are of this article's lines: kept, they would keep its text alive
    forgetWordCounts();
    forgetTokens();
    forgetHeadlineKeys();
  }
}

function parseOneArticle(input: ParseInput, reg: Registries): ParseResult {
  const file = input.sourceFile;
  const findings: Finding[] = [];
  const warn = (line: number, column: number, message: string, ruleId: string): void => {
    findings.push({ file, line, column, severity: 'warning', message, ruleId });
  };
  const html = isHtmlFile(file);
  const maxBytes = maxFileBytesFor(file);
  if (input.bytes.length > maxBytes) {
    findings.push({ file, line: 1, column: 1, severity: 'error', message: `the file is too large for an article (${input.bytes.length} bytes; at most ${maxBytes})`, ruleId: 'read/too-large' });
    return { record: null, findings, segments: [] };
  }
  const decoded = html ? decodeHtmlBytes(input.bytes) : decodeArticleBytes(input.bytes);
  if (!decoded.ok) {
    findings.push({ file, line: 1, column: 1, severity: 'error', message: decoded.reason, ruleId: decoded.ruleId });
    return { record: null, findings, segments: [] };
  }
  const bidi = withoutBidiControls(toNFC(normaliseLineEnds(decoded.text)));
  const text = bidi.text;
  if (bidi.removed) warn(bidi.line, 1, `removed ${bidi.removed} bidirectional control character${bidi.removed === 1 ? '' : 's'} (they can reverse how a title or a name reads)`, 'read/bidi');
  const fm = readFrontMatter(text);
  for (const f of fm.findings) findings.push({ file, ...f });
  if (fm.findings.some((f) => f.severity === 'error')) return { record: null, findings, segments: [] };

  const markdown = /\.(?:md|markdown)$/iu.test(file);
  // a saved page: its story's lines, and what its markup says (src/read/html/)
  const page: SavedPage | null = html ? readSavedPage(fm.body, fm.lineOffset) : null;
  if (page) for (const note of [...('note' in decoded && decoded.note ? [decoded.note] : []), ...page.notes]) warn(1, 1, note, 'html/read');
  const { lines, cut } = page ? { lines: page.lines, cut: [] } : toLines(fm.body, fm.lineOffset);
  if (markdown) {
    for (const l of lines) {
      const why = markdownOverBudget(l.text);
      if (why) warn(l.line, l.column, `read as plain text, not Markdown: ${why}`, 'read/markdown-budget');
    }
  }
  const segments = page ? withPageKinds(classifyLines(lines, { registries: reg }), page, reg) : classifyLines(lines, { markdown, registries: reg });
  const by = (role: string): Classified[] => segments.filter((s) => s.role === role);

  // ---- URL ----
  const sources = by('source');
  const pageSource = sources.find((s) => reg.outlets.byHost(hostOf(s.url!) ?? '')) ?? sources[0];
  const url = fm.data.url ?? page?.metadata.canonical ?? page?.metadata.pageUrl ?? pageSource?.url ?? null;

  // ---- outlet evidence ----
  const evidence: OutletEvidence[] = [];
  const add = (kind: OutletEvidence['kind'], outlet: ArticleRecord['outlet'], line: number): void => {
    if (outlet) evidence.push({ kind, outlet, line });
  };
  if (fm.data.outlet) {
    const o = outletFromText(fm.data.outlet, reg);
    const host = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/iu.test(fm.data.outlet) ? fm.data.outlet : null;
    if (!o) warn(1, 1, `front matter outlet "${fm.data.outlet}" is not in the outlet registry (src/registry/outlets.json)`, 'outlet/unknown');
    add('front-matter', o ?? (host ? unknownOutlet(host) : unknownOutlet(slugify(fm.data.outlet), fm.data.outlet)), 1);
  }
  if (url) {
    const host = hostOf(url);
    const known = host ? reg.outlets.byHost(host) : undefined;
    const label = pageSource && pageSource.url === url ? /^(?:Nguồn|Theo|Source)\s+([^:]{2,60}?)\s*:/iu.exec(pageSource.text)?.[1] : undefined;
    const name = label && !outletFromText(label, reg) ? label : page && host ? pageOutletName(page, host.replace(/^www\./u, '')) : undefined;
    if (host) add('url', known ? toOutlet(known) : unknownOutlet(host, name), pageSource?.line ?? 1);
  }
  const unknownFromPage: { outlet: NonNullable<ArticleRecord['outlet']>; line: number; column: number }[] = [];
  for (const s of segments) {
    if (s.role === 'outlet-tag' || s.role === 'outlet-name') add(s.role === 'outlet-tag' ? 'tag' : 'outlet-name', toOutlet(reg.outlets.byId(s.outletId!)!), s.line);
    if (s.role === 'title' && s.outletId) add('title-suffix', toOutlet(reg.outlets.byId(s.outletId)!), s.line);
    if (s.role === 'source') {
      const label = /^(?:Nguồn|Theo|Source)\s+([^:]{2,60}?)\s*:/iu.exec(s.text)?.[1];
      if (label) add('source-label', outletFromText(label, reg), s.line);
    }
    if (!CONTENT_ROLES.has(s.role) && isCopyrightLine(s.text)) {
      const c = outletFromCopyright(s.text, reg);
      if (c) {
        add('copyright', c.outlet, s.line);
        if (!c.known) unknownFromPage.push({ outlet: c.outlet, line: s.line, column: s.column });
      }
    }
    if (s.role === 'footer' || s.role === 'outlet-name') for (const o of outletsInFooter(s.text, reg)) add('footer-domain', toOutlet(o), s.line);
    if (s.role === 'footer') for (const m of reg.outlets.scan(s.text)) add('footer-name', toOutlet(m.outlet), s.line);
    if (s.role === 'byline' && s.byOutlet) add('byline', outletFromText(s.byOutlet, reg), s.line);
    if (s.role === 'byline' && s.fromOutlet) add('credit', outletFromText(s.fromOutlet, reg), s.line);
    if (s.role === 'widget') for (const m of reg.outlets.scan(s.text)) add('widget', toOutlet(m.outlet), s.line);
    if (s.role === 'credit') {
      const selfCredit = !/^\(?\s?(?:theo|nguồn|source|dịch theo|tổng hợp theo|lược dịch theo)/iu.test(s.text);
      for (const n of s.names ?? []) add(selfCredit ? 'self-credit' : 'credit', canonicalAgency(n, reg) ? null : outletFromText(n, reg), s.line);
    }
  }
  if (page) evidence.push(...pageOutletEvidence(page, reg));
  const decided = decideOutlets(evidence);
  const { originalOutlet } = decided;
  const named = unknownFromPage.find((u) => u.outlet.id === decided.outlet?.id);
  if (named) warn(named.line, named.column, `outlet "${named.outlet.name}" (${named.outlet.domain}) is named by the page's copyright line but is not in the outlet registry (src/registry/outlets.json)`, 'outlet/unknown');

  // ---- content ----
  const content = segments.filter((s) => s.role === 'lede' || s.role === 'body');
  const bodySegs = by('body');
  const ledeSeg = by('lede')[0];
  const paragraphs = bodySegs.map((s) => (s.markdown ? toParagraph(s.markdown, true) : toParagraph(s.text, false)));
  const lede = ledeSeg ? ledeSeg.text : null;
  const captions = by('caption').map((s) => ({ text: s.captionText ?? s.text, credit: s.credit ?? null }));

  // ---- title ----
  const titleSeg = by('title')[0];
  let title: string;
  let titleOrigin: ArticleRecord['titleOrigin'];
  const slugWords = url ? slugWordsFromUrl(url) : null;
  if (fm.data.title) {
    title = fm.data.title;
    titleOrigin = 'front-matter';
  } else if (page?.title) {
    title = page.title;
    titleOrigin = 'heading';
  } else if (titleSeg) {
    title = withoutPipe(splitTitleSuffix(titleSeg.text, reg).title);
    titleOrigin = 'heading';
  } else if (slugWords) {
    const restored = titleFromSlug(slugWords, segments.filter((s) => s.role !== 'source').map((s) => s.text).join('\n'));
    title = restored.title;
    titleOrigin = 'url';
    if (restored.unknown.length) warn(pageSource?.line ?? 1, 1, `title restored from the URL; no article word for: ${restored.unknown.join(', ')}`, 'title/url-words');
  } else {
    title = firstSentence([lede, ...paragraphs.map((p) => p.text)].filter(Boolean).join('\n')) || basename(file, extname(file));
    titleOrigin = 'first-sentence';
    warn(content[0]?.line ?? 1, 1, 'no title line, URL or front matter title: the first sentence stands in as the title', 'title/first-sentence');
  }

  const shortTitle = cutToLength(title, READ_BUDGET.maxLineFieldChars);
  if (shortTitle) {
    warn(titleSeg?.line ?? 1, 1, `the title is ${title.length} characters long; cut to ${shortTitle.length}`, 'title/too-long');
    title = shortTitle;
  }

  // ---- date ----
  let published: Published = noDate();
  if (fm.data.date) {
    const m = parseDatelineText(fm.data.date);
    if (m?.valid) published = { ...toPublished(m.parts, 'front-matter'), ...(m.parts.hour === null ? { time: null } : {}) };
    else findings.push({ file, line: 1, column: 1, severity: 'error', message: `front matter "date": ${fm.data.date} is not a date that exists`, ruleId: 'front-matter/value' });
  }
  for (const s of by('invalid-date')) warn(s.line, s.column, `"${s.text}" is not a date that exists; ignored`, 'date/invalid');
  const dateline = storyDateline(segments);
  if (published.origin === 'none' && dateline?.date) {
    published = toPublished(dateline.date.parts, 'dateline');
    if (dateline.date.parts.hour === null) published.time = null;
  }
  if (page) {
    const fromPage = pageDate(page, published, warn);
    if (fromPage) published = fromPage;
  }
  if (published.origin === 'none' && url) {
    const m = dateFromUrl(url);
    if (m) {
      published = toPublished(m.parts, 'url');
      if (m.parts.hour === null) published.time = null;
    }
  }
  if (published.origin === 'none') {
    for (const s of [ledeSeg, ...bodySegs]) {
      const dm = s ? findBodyDayMonth(s.text) : null;
      if (dm && s) {
        published = { ...noDate(), partial: dm.partial, origin: 'body' };
        warn(s.line, s.column + dm.index, `no publication year: only the day and month mentioned in the text (${dm.partial}) are known`, 'date/partial');
        break;
      }
    }
    if (published.origin === 'none') warn(1, 1, 'no publication date found (add "date:" to the front matter)', 'date/missing');
  }
  if (published.iso && input.now && Date.parse(published.iso) > input.now.getTime() + 86_400_000) {
    warn(dateline?.line ?? 1, 1, `publication date ${published.date} is in the future`, 'date/future');
  }

  // ---- authors, agencies ----
  const bylineNames = unique(by('byline').flatMap((s) => s.names ?? []));
  const authors = fm.data.authors ?? (bylineNames.length || !page ? bylineNames : pageAuthors(page, reg));
  const agencyOrder: { line: number; name: string }[] = [];
  for (const s of segments) {
    if (s.role === 'credit') {
      for (const n of s.names ?? []) {
        const a = canonicalAgency(n, reg);
        if (a) agencyOrder.push({ line: s.line, name: a });
        else if (!outletFromText(n, reg)) {
          agencyOrder.push({ line: s.line, name: n });
          warn(s.line, s.column, `credited source "${n}" is not in the agency registry (src/registry/agencies.json)`, 'agency/unknown');
        }
      }
    }
    if (s.role === 'byline') for (const a of s.agencyNames ?? []) agencyOrder.push({ line: s.line, name: a });
    if (s.role === 'title' || s.role === 'lede' || s.role === 'body') {
      for (const a of attributedAgencies(s.text, reg)) agencyOrder.push({ line: s.line, name: a });
    }
  }
  const agencies = fm.data.agencies?.map((a) => canonicalAgency(a, reg) ?? a) ?? unique(agencyOrder.map((a) => a.name));

  // ---- entities ----
  const entitySegs = segments.filter((s) => s.role === 'body' || s.role === 'caption');
  const entityTexts = [title, ...(lede ? [lede] : []), ...entitySegs.map((s) => s.captionText ?? s.text)];
  const { people: knownPeople, places, mentions } = findEntities(entityTexts, reg);
  // people no registry holds, from the story's own text (a name only in a caption is not the story's)
  const ownText = entityTexts.map((_, k) => k < entityTexts.length - entitySegs.length || entitySegs[k - (entityTexts.length - entitySegs.length)]!.role === 'body');
  const people = [...knownPeople, ...unknownPeople(entityTexts.filter((_, k) => ownText[k]), new Set(knownPeople), mentions.filter((_, k) => ownText[k]), reg)];

  if (!decided.outlet) warn(1, 1, 'no outlet found (add "outlet:" or "url:" to the front matter)', 'outlet/missing');

  const removed = [
    ...cut.map((t) => ({ text: t, reason: 'html' })),
    ...(page?.removed ?? []),
    ...segments.filter((s) => REMOVED_ROLES.has(s.role as never)).map((s) => ({ text: s.text, reason: s.role })),
  ];

  const record: ArticleRecord = {
    id: recordId(file),
    slug: slugify(title) || `bai-${recordId(file)}`,
    sourceFile: file,
    title,
    titleOrigin,
    lede,
    text: paragraphs.map((p) => p.text).join('\n\n'),
    html: paragraphsToHtml(paragraphs),
    published,
    outlet: decided.outlet ? outletAsOf(decided.outlet, published.date, reg) : null,
    originalOutlet: originalOutlet && originalOutlet.id !== decided.outlet?.id ? originalOutlet : null,
    authors,
    url,
    agencies,
    captions,
    people,
    places,
    removed,
    warnings: findings.filter((f) => f.severity === 'warning').map((f) => `line ${f.line}: ${f.message} [${f.ruleId}]`),
    tags: fm.data.tags ?? [],
  };
  const checked = articleRecordSchema.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    findings.push({ file, line: 1, column: 1, severity: 'error', message: `record field ${issue?.path.join('.')}: ${issue?.message}`, ruleId: 'record/schema' });
    return { record: null, findings, segments };
  }
  if (findings.some((f) => f.severity === 'error')) return { record: null, findings, segments };
  return { record: checked.data, findings, segments };
}


/**
 * The clean body as safe HTML, through unified:
 * mdast (paragraphs; Markdown inline syntax for .md input) → remark-rehype → rehype-sanitize → rehype-stringify.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root, RootContent, PhrasingContent } from 'mdast';

const markdownParser = unified().use(remarkParse);
const toHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, {
    ...defaultSchema,
    protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
    clobberPrefix: 'user-content-',
  })
  .use(rehypeStringify);

/** Plain text of Markdown phrasing content ("**Nga** nói" → "Nga nói"). */
function plain(nodes: readonly RootContent[] | readonly PhrasingContent[]): string {
  let s = '';
  for (const n of nodes) {
    if ('value' in n && typeof n.value === 'string' && (n.type === 'text' || n.type === 'inlineCode')) s += n.value;
    else if (n.type === 'break') s += ' ';
    else if ('children' in n) s += plain(n.children as RootContent[]);
  }
  return s;
}

export interface Paragraph {
  /** plain text, NFC */
  text: string;
  /** mdast phrasing content */
  children: PhrasingContent[];
}

/** One source paragraph → plain text and phrasing content. */
export function toParagraph(source: string, markdown: boolean): Paragraph {
  if (!markdown) return { text: source, children: [{ type: 'text', value: source }] };
  const tree = markdownParser.parse(source) as Root;
  const children: PhrasingContent[] = [];
  for (const block of tree.children) {
    if (children.length) children.push({ type: 'text', value: ' ' });
    if ('children' in block) children.push(...(block.children as PhrasingContent[]).filter((c) => c.type !== 'html'));
  }
  const text = plain(children).replace(/\s+/g, ' ').trim();
  return { text: text || source, children: text ? children : [{ type: 'text', value: source }] };
}

export function paragraphsToHtml(paragraphs: readonly Paragraph[]): string {
  const root: Root = {
    type: 'root',
    children: paragraphs.map((p) => ({ type: 'paragraph', children: p.children })),
  };
  const hast = toHtml.runSync(root);
  return String(toHtml.stringify(hast)).replace(/\n/g, '');
}

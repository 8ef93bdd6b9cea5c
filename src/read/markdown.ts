/** Markdown lines (.md articles): their plain text, for the rules that read lines. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';

const parser = unified().use(remarkParse);

function plain(nodes: readonly RootContent[]): string {
  let s = '';
  for (const n of nodes) {
    if ((n.type === 'text' || n.type === 'inlineCode') && typeof n.value === 'string') s += n.value;
    else if (n.type === 'break') s += ' ';
    else if ('children' in n) s += (s && n.type === 'listItem' ? ' ' : '') + plain(n.children as RootContent[]);
  }
  return s;
}

export interface MarkdownLine {
  /** the text a reader sees: "[Chia sẻ](…) · **Facebook**" → "Chia sẻ · Facebook" */
  plain: string;
  /** the line is only an image ("![Mảnh vỡ tên lửa](https://…)") */
  image: boolean;
  /** a "# heading" line */
  heading: boolean;
}

export function readMarkdownLine(line: string): MarkdownLine {
  const tree = parser.parse(line) as Root;
  const first = tree.children[0];
  const heading = first?.type === 'heading';
  const text = plain(tree.children).replace(/\s+/g, ' ').trim();
  const onlyImages = tree.children.length > 0 && tree.children.every((b) =>
    b.type === 'paragraph' && b.children.every((c) => c.type === 'image' || (c.type === 'text' && !c.value.trim())));
  const thematicBreak = first?.type === 'thematicBreak';
  return { plain: thematicBreak ? line.trim() : text, image: onlyImages, heading };
}

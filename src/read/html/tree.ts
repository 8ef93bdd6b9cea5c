/**
 * Text → hast (the unified syntax tree for HTML), as rehype-parse does it: parse5 (the WHATWG
 * parser browsers follow, scripting off so `<noscript>` is markup), then hast-util-from-parse5.
 * Nothing is executed or fetched. Between the two, elements nested deeper than MAX_DEPTH are
 * unwrapped (their text kept, in order) so that no recursive step downstream can overflow the
 * stack on a hostile page (100,000 nested <div>s).
 */
import { createRequire } from 'node:module';
import type * as Parse5 from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type * as FromParse5 from 'hast-util-from-parse5';
import type { Root } from 'hast';
import { VFile } from 'vfile';

/**
 * parse5 and hast-util-from-parse5 (some thirty modules) are loaded with the first saved page, so
 * that a process that parses only text files never loads them (parseArticle is synchronous: a
 * require of the two ES modules, which Node 20.19+ does; they hold no state of ours).
 */
interface HtmlLibs { parse: typeof Parse5.parse; fromParse5: typeof FromParse5.fromParse5 }
let libs: HtmlLibs | undefined;
function htmlLibs(): HtmlLibs {
  if (!libs) {
    const require = createRequire(import.meta.url);
    libs = {
      parse: (require('parse5') as typeof Parse5).parse,
      fromParse5: (require('hast-util-from-parse5') as typeof FromParse5).fromParse5,
    };
  }
  return libs;
}

type P5Node = DefaultTreeAdapterMap['node'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];

/** Real pages nest a few dozen levels; a browser's own layout gives up long before this. */
export const MAX_DEPTH = 256;

const hasChildren = (n: P5Node): n is P5Parent & P5Node => 'childNodes' in n && Array.isArray((n as P5Parent).childNodes);

/** The leaves (text, and void elements such as <br>, <img>) under `node`, in document order. */
function leavesOf(node: P5Parent): P5Node[] {
  const out: P5Node[] = [];
  const stack: P5Node[] = [...node.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (hasChildren(n) && n.childNodes.length) stack.push(...[...n.childNodes].reverse());
    else if (n.nodeName !== '#comment') out.push(n);
  }
  return out;
}

/** Unwrap everything below `maxDepth` (iterative: the walk itself must not recurse). Returns how many levels were cut. */
export function capDepth(root: P5Parent, maxDepth = MAX_DEPTH): boolean {
  let cut = false;
  const stack: { node: P5Parent; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth >= maxDepth) {
      if (node.childNodes.some((c) => hasChildren(c) && c.childNodes.length)) {
        const leaves = leavesOf(node);
        for (const l of leaves) (l as { parentNode: P5Parent | null }).parentNode = node;
        node.childNodes = leaves as typeof node.childNodes;
        cut = true;
      }
      continue;
    }
    for (const c of node.childNodes) if (hasChildren(c)) stack.push({ node: c, depth: depth + 1 });
    // <template> content is a separate fragment
    const content = (node as { content?: P5Parent }).content;
    if (content) stack.push({ node: content, depth: depth + 1 });
  }
  return cut;
}

export interface ParsedPage { tree: Root; depthCut: boolean }

export function parseHtml(text: string): ParsedPage {
  const { parse, fromParse5 } = htmlLibs();
  const doc = parse(text, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const depthCut = capDepth(doc);
  // the file gives every node its line and column (for messages that name them)
  return { tree: fromParse5(doc, { file: new VFile(text) }) as Root, depthCut };
}

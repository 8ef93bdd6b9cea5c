/** Small helpers over hast elements. Every walk is iterative: a page's depth is not trusted. */
import type { Element, Nodes, Parents, Root } from 'hast';

export const isElement = (n: Nodes | undefined): n is Element => n?.type === 'element';

export function attr(el: Element, name: string): string | null {
  const v = el.properties[name];
  if (v === undefined || v === null || v === false) return null;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** Every element, in document order (pre-order), with its parent. */
export function* elements(root: Root | Element): Generator<{ el: Element; parent: Parents }> {
  const stack: { node: Nodes; parent: Parents }[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push({ node: root.children[i]!, parent: root });
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    if (node.type !== 'element') continue;
    yield { el: node, parent };
    const kids = node.tagName === 'template' ? [] : node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, parent: node });
  }
}

/** The text of a subtree, white space collapsed (scripts and styles left out). */
export function textOf(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.value);
    else if (n.type === 'element' && (n.tagName === 'script' || n.tagName === 'style' || n.tagName === 'template')) continue;
    else if (n.type === 'element' && n.tagName === 'br') parts.push(' ');
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return collapse(parts.join(''));
}

export const collapse = (s: string): string => s.replace(/[\s\u00a0\u200b\ufeff]+/gu, ' ').trim();

export function classTokens(el: Element): string[] {
  const raw = `${attr(el, 'className') ?? ''} ${attr(el, 'id') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
}

/**
 * The one escaping module: every value that reaches a page, feed or sitemap
 * goes through one of these functions for its context.
 *
 * `html` is a tagged template: interpolated values are HTML-escaped (safe in
 * text and in quoted attributes) unless wrapped in `raw()`; arrays are joined.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const HTML_SPECIAL_RE = /[&<>"']/;
/** Escape for HTML text and double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  const text = String(value ?? '');
  // most values (titles, dates, slugs) have nothing to escape
  return HTML_SPECIAL_RE.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c) : text;
}

/** Escape for XML text and attributes (Atom, sitemap). Drops characters XML 1.0 forbids. */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => (c === "'" ? '&apos;' : HTML_ESCAPES[c] ?? c));
}

/** JSON for a <script type="application/ld+json"> block: "</" and friends cannot close it. */
export function jsonForScript(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An external URL fit for href: only http(s), otherwise null. */
export function safeExternalUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Markup that is already safe (rendered by `html`, or the sanitised article body). */
export class Raw {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function raw(value: string): Raw {
  return new Raw(value);
}

export type Html = Raw;
type Interpolation = Raw | string | number | null | undefined | false | readonly Interpolation[];

function interpolate(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Raw) return value.value;
  if (Array.isArray(value)) return (value as readonly Interpolation[]).map(interpolate).join('');
  return escapeHtml(value);
}

/** Tagged template: `html\`<a href="${url}">${title}</a>\`` escapes url and title. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Raw {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += interpolate(values[i]) + (strings[i + 1] ?? '');
  }
  return new Raw(out);
}

/**
 * Which files in the articles folder are articles: their names end in .txt, .md, .markdown, or .html/.htm (saved web pages).
 * Names starting with a dot (editors' swap files, .git) are never read, nor are their folders.
 * No imports: the build's heap sizing (src/heapLimit.ts) counts the files before anything else loads.
 */
export const ARTICLE_FILE_RE = /\.(?:txt|md|markdown|html?)$/iu;

export const isHidden = (name: string): boolean => name.startsWith('.');

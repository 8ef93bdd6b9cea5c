/**
 * Which files in the articles folder are articles: their names end in .txt, .md or .markdown.
 * Names starting with a dot (editors' swap files, .git) are never read, nor are their folders.
 * No imports: the build's heap sizing (src/heapLimit.ts) counts the files before anything else loads.
 */
export const ARTICLE_FILE_RE = /\.(?:txt|md|markdown)$/iu;

export const isHidden = (name: string): boolean => name.startsWith('.');

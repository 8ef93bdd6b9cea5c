/** The search page's text rules (templates/assets/search-text.js, plain JavaScript for the browser), typed for the tests. */
// @ts-expect-error: a browser module without types; the interface below is what the tests use of it
import * as module from '../../templates/assets/search-text.js';

export interface ResultData {
  url?: string;
  content?: string;
  locations?: number[];
  meta?: Record<string, string | undefined>;
}
export interface Part {
  text: string;
  mark: boolean;
}
interface SearchText {
  foldD(text: string): string;
  foldKey(text: string): string;
  shownWords(text: string, d?: string, h?: string): { words: string[]; hyphen: boolean[] };
  pagefindQuery(query: string): string;
  nameOf<R extends readonly [string, string, string, string | null]>(query: string, byKey: ReadonlyMap<string, R>): R | null;
  excerptParts(data: ResultData, length?: number): Part[];
  resultTitle(data: ResultData): string;
}

export const { foldD, foldKey, shownWords, pagefindQuery, nameOf, excerptParts, resultTitle } = module as SearchText;

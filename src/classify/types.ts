import type { DateMatch } from '../lang/dates.ts';

/** A piece of a source line, with its place in the file. */
export interface Segment {
  text: string;
  /** 1-based line in the source file (front matter included) */
  line: number;
  /** 1-based column of the segment's first character */
  column: number;
}

/** Kept in the record's content. */
export type ContentRole = 'title' | 'lede' | 'body' | 'caption';
/** Read into a metadata field. */
export type FieldRole = 'dateline' | 'byline' | 'credit' | 'source' | 'outlet-tag' | 'outlet-name';
/** Dropped from the body; the role is the reason in `removed`. */
export type RemovedRole =
  | 'widget' | 'footer' | 'breadcrumb' | 'related-link' | 'teaser' | 'photo-marker'
  | 'repeated-title' | 'repeated-caption' | 'duplicate-paragraph' | 'invalid-date' | 'html' | 'photo-credit' | 'image' | 'comment';
export type Role = ContentRole | FieldRole | RemovedRole;

export const REMOVED_ROLES: ReadonlySet<Role> = new Set<RemovedRole>([
  'widget', 'footer', 'breadcrumb', 'related-link', 'teaser', 'photo-marker',
  'repeated-title', 'repeated-caption', 'duplicate-paragraph', 'invalid-date', 'html', 'photo-credit', 'image', 'comment',
]);

/** A segment with its role; `text` is the undecided role before the document pass. */
export interface Classified extends Segment {
  role: Role | 'text';
  /** the rule that decided the role */
  ruleId: string;
  /** caption: the photo credit; byline: the outlet after "/" */
  credit?: string | null;
  /** caption: the caption without its credit */
  captionText?: string;
  url?: string;
  date?: DateMatch;
  outletId?: string;
  /** byline: the authors; credit: the credited names */
  names?: string[];
  byOutlet?: string;
  /** byline: the outlet the story was taken from ("… - Theo Trí Thức Trẻ") */
  fromOutlet?: string;
  /** byline: agencies credited beside the writer ("Thu Hằng/TTXVN") */
  agencyNames?: string[];
  /** .md input: the line's Markdown source, rendered into the body's HTML */
  markdown?: string;
}

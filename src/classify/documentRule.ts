/**
 * The shape of a document rule (DOCUMENT_RULES in documentRules.ts, the title rules in titleRules.ts):
 * it sees every segment of the page and what the rules before it learnt about the page.
 */
import type { Registries } from '../registry/index.ts';
import type { StorySpan } from './storyZone.ts';
import type { Classified, Role } from './types.ts';

/** what the rules learn about the whole page, for the rules after them */
export interface DocumentState {
  /** the block of prose that is the story (set by the rule `story`) */
  story: StorySpan | null;
  /** the registries of this parse (parseArticle's) */
  readonly registries: Registries;
}

export interface DocumentRule {
  id: string;
  apply(segments: Classified[], doc: DocumentState): void;
}

/** a segment no rule has given a role yet */
export const isText = (s: Classified): boolean => s.role === 'text';

export function setRole(s: Classified, role: Role | 'text', ruleId: string): void {
  s.role = role;
  s.ruleId = ruleId;
}

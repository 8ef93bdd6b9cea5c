/**
 * The catalogue of the rule ids a finding carries (a line of `check`, `records`, a build or
 * `add`: "file:line:column  severity  message  [rule id]"): what each means and what to do.
 * test/findingRules.test.ts checks that every id the code gives is here, and nothing else.
 */
export interface FindingRule {
  /** what the finding is: an error (the file gives no record, or a wrong one) or a warning (a record all the same) */
  severity: 'error' | 'warning';
  /** what it means, and what the editor can do */
  meaning: string;
}

export const FINDING_RULES = {
  // reading a file
  'read/io': { severity: 'error', meaning: 'the file cannot be read (it is gone, or not readable): check the path and its permissions' },
  'read/not-a-file': { severity: 'warning', meaning: 'a folder, a named pipe, a socket or a device where an article was expected: skipped, never opened' },
  'read/symlink': { severity: 'error', meaning: 'a symbolic link that is broken or points outside the articles folder: not read' },
  'read/too-large': { severity: 'error', meaning: 'over the size cap (1 MB for a text, 10 MB for a saved page): refused unread; split the file' },
  'read/empty': { severity: 'error', meaning: 'the file has no text (empty, or only white space)' },
  'read/binary': { severity: 'error', meaning: 'the file looks binary (NUL bytes), not a text or a web page' },
  'read/encoding': { severity: 'error', meaning: 'the bytes are neither UTF-8 nor UTF-16 (nor the charset a saved page declares): save the file as UTF-8' },
  'read/bidi': { severity: 'warning', meaning: 'bidirectional control characters were removed (they can reverse how a title or a name reads)' },
  'read/markdown-budget': { severity: 'warning', meaning: 'a Markdown line too deeply nested, too bracketed or too long: read as plain text' },
  'read/time-budget': { severity: 'error', meaning: 'parsing the file took more than the time budget (10 s): not read; split it or simplify its markup' },
  'read/memory-budget': { severity: 'error', meaning: 'parsing the file needed more than the memory budget (1 GB): not read; split it or simplify its markup' },
  'read/parse-failed': { severity: 'error', meaning: 'the parser failed on the file (a bug: please report it with the file); the other files are read' },
  'html/read': { severity: 'warning', meaning: 'what reading a saved web page noticed (its charset, a page without a story container…)' },
  // front matter
  'front-matter/yaml': { severity: 'error', meaning: 'the front matter is not valid YAML, holds an alias, or is too long' },
  'front-matter/unknown-key': { severity: 'warning', meaning: 'a front matter key the record format does not know: ignored (a typo?)' },
  'front-matter/value': { severity: 'error', meaning: 'a front matter value of the wrong shape (a date that does not exist, a URL that is not one…)' },
  // the record's facts
  'title/first-sentence': { severity: 'warning', meaning: 'no title line, URL or front matter title: the first sentence stands in; add "title:"' },
  'title/url-words': { severity: 'warning', meaning: 'the title was restored from the URL, and some of its words have no match in the article (no diacritics for them)' },
  'title/too-long': { severity: 'warning', meaning: 'the title is over 300 characters: cut' },
  'date/missing': { severity: 'warning', meaning: 'no publication date found: add "date:" to the front matter' },
  'date/partial': { severity: 'warning', meaning: 'only a day and a month are known, no year: add "date:"' },
  'date/invalid': { severity: 'warning', meaning: 'a date that does not exist ("31/2/2024") was written: ignored' },
  'date/future': { severity: 'warning', meaning: 'the publication date is more than a day in the future: a typo in the year?' },
  'date/metadata-disagrees': { severity: 'warning', meaning: "a saved page's metadata gives another date than its visible dateline: the dateline is kept" },
  'outlet/missing': { severity: 'warning', meaning: 'no outlet found: add "outlet:" or "url:" to the front matter' },
  'outlet/unknown': { severity: 'warning', meaning: "an outlet the registry lacks (named from the page's copyright line or the front matter): add it to the archive's knowledge or src/registry/outlets.json" },
  'agency/unknown': { severity: 'warning', meaning: 'a credited source the agency registry lacks: add it if it is a news agency' },
  'record/schema': { severity: 'error', meaning: 'the record made from the file breaks the record format (a bug: please report it with the file)' },
  // the archive
  'archive/duplicate': { severity: 'warning', meaning: 'near-identical text to another article of the archive (a copy, or a republication): folded into one page' },
  'slug/moved': { severity: 'warning', meaning: "an article's page moved: an older article with the same title now has the plain URL" },
} as const satisfies Record<string, FindingRule>;

export type FindingRuleId = keyof typeof FINDING_RULES;

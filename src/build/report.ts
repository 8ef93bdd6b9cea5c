/**
 * The build report (`_site/build-report.json`): every input and what became of it (its page, the
 * article it was folded into, or its errors). It lives with the site, so the next build keeps each
 * article's slug even without the cache folder (previousSlugs).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Message } from '../archive/load.ts';
import type { ArticleRecord } from '../record.ts';
import { SITE_GENERATOR } from '../site/outputGuard.ts';

/** One entry per input file: what became of it. */
export interface BuildReportEntry {
  file: string;
  outcome: 'page' | 'merged' | 'error';
  url?: string;
  into?: string;
  errors?: string[];
}

export function buildReport(
  records: readonly ArticleRecord[], files: readonly { file: string; outcome: string }[], messages: readonly Message[],
  merged: readonly { file: string; into: string; url: string }[], urlOf: (r: ArticleRecord) => string, prefixed: (url: string) => string,
): BuildReportEntry[] {
  const bySource = new Map(records.map((r) => [r.sourceFile, r]));
  const mergedInto = new Map(merged.map((m) => [m.file, m]));
  return files.map((f) => {
    const m = mergedInto.get(f.file);
    if (m) return { file: f.file, outcome: 'merged' as const, into: m.into, url: prefixed(m.url) };
    const r = bySource.get(f.file);
    if (r) return { file: f.file, outcome: 'page' as const, url: urlOf(r) };
    const errors = messages.filter((m) => m.file === f.file && m.severity === 'error').map((m) => `${m.line}:${m.column} ${m.message} [${m.ruleId}]`);
    return { file: f.file, outcome: 'error' as const, errors };
  });
}

/** The build report with its counts: inputs = pages + merged + errors. */
export function reportJson(report: readonly BuildReportEntry[]): string {
  const count = (outcome: BuildReportEntry['outcome']): number => report.filter((e) => e.outcome === outcome).length;
  const summary = { generator: SITE_GENERATOR, inputs: report.length, pages: count('page'), merged: count('merged'), errors: count('error'), files: report };
  return `${JSON.stringify(summary, null, 1)}\n`;
}

/**
 * Source file → slug of every page of the last build, from its build report (it lives with
 * the site, so URLs stay stable even without the cache folder).
 */
export async function previousSlugs(output: string, articlePath: RegExp): Promise<Map<string, string>> {
  const slugs = new Map<string, string>();
  try {
    const report = JSON.parse(await readFile(path.join(output, 'build-report.json'), 'utf8')) as { files?: BuildReportEntry[] };
    for (const e of report.files ?? []) {
      const slug = e.outcome === 'page' ? articlePath.exec(e.url ?? '')?.[1] : undefined;
      if (slug) slugs.set(e.file, slug);
    }
  } catch {
    // no last build, or a report from elsewhere: slugs as a first build gives them
  }
  return slugs;
}

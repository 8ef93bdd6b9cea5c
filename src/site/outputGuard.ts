/**
 * What `--output` may point at. A build replaces its output folder whole (swapIn) or
 * rewrites it in place, so it must never point at something that is not a site this
 * tool built: the articles, the project, a folder holding either, the cache, a regular
 * file, or any folder with other things in it.
 *
 * A site this tool built is recognised by its build report (`build-report.json`, written
 * into every site; `generator` names this tool, and a report of an older version, which
 * had no `generator`, is recognised by its shape).
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/** written into every build report: the mark of a site this tool built */
export const SITE_GENERATOR = 'tin-nga-trieu';
export const REPORT_FILE = 'build-report.json';

/** A refused output: the build stops before it touches anything (a usage error, exit 2). */
export class OutputRefused extends Error {
  readonly exitCode = 2;
}

export interface OutputPlaces {
  /** the output folder */
  output: string;
  /** the articles folder, if the build reads one */
  input?: string;
  /** the cache folder, if any */
  cache?: string | null;
  /** the project (this tool's folder) */
  root: string;
  /** the working folder */
  cwd?: string;
}

/** The real path of `p`: its longest existing part resolved (symbolic links followed), the rest appended. */
async function realish(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  for (let at = abs; ; at = path.dirname(at)) {
    try {
      return path.join(await realpath(at), ...rest.reverse());
    } catch {
      if (path.dirname(at) === at) return abs;
      rest.push(path.basename(at));
    }
  }
}

/** `outer` is `inner` or a folder that holds it. */
export function holds(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The build report's content is one this tool writes (now, or before it named itself). */
export function isSiteReport(text: string): boolean {
  try {
    const report = JSON.parse(text) as { generator?: unknown; files?: unknown; inputs?: unknown };
    if (report === null || typeof report !== 'object') return false;
    return report.generator === SITE_GENERATOR || (Array.isArray(report.files) && typeof report.inputs === 'number');
  } catch {
    return false;
  }
}

/** Throws OutputRefused, with one line saying why, when a build may not write `places.output`. */
export async function checkOutput(places: OutputPlaces): Promise<void> {
  const shown = places.output;
  const output = await realish(places.output);
  const refuse = (why: string): never => {
    throw new OutputRefused(`--output ${shown}: refused, ${why}; give a new or empty folder, or a site this tool built`);
  };
  const guarded: [string, string][] = [
    ...(places.input ? [[await realish(places.input), 'the articles folder'] as [string, string]] : []),
    ...(places.cache ? [[await realish(places.cache), 'the cache folder'] as [string, string]] : []),
    [await realish(places.root), 'the project folder'],
    [await realish(places.cwd ?? process.cwd()), 'the working folder'],
    [await realish(homedir()), 'the home folder'],
  ];
  for (const [place, name] of guarded) {
    if (output === place) refuse(`it is ${name}`);
    if (holds(output, place)) refuse(`it holds ${name} (${place})`);
  }
  if (places.input) {
    const input = await realish(places.input);
    if (holds(input, output)) refuse(`it is inside the articles folder (${input})`);
  }
  let kind: 'dir' | 'other' | null;
  try {
    kind = (await stat(output)).isDirectory() ? 'dir' : 'other';
  } catch {
    kind = null;
  }
  if (kind === null) return;
  if (kind === 'other') refuse('it is a file, not a folder');
  const names = await readdir(output);
  if (names.length === 0) return;
  const report = await readFile(path.join(output, REPORT_FILE), 'utf8').catch(() => null);
  if (report === null || !isSiteReport(report)) refuse(`it is not empty and holds no ${REPORT_FILE} of this tool (${names.length} entries)`);
}

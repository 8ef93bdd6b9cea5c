/**
 * An archive's identity and knowledge: `archive.config.json` (JSON, so no code runs from a
 * config), validated by zod. The generator is the same for every archive; this file is what makes
 * one archive this one: its name, tagline, description and subject phrase, language, public URL,
 * list page size, topics and key events (inline, or paths relative to the config file), and the
 * outlets, agencies, people, places and junk phrases it adds to the built-in registries.
 *
 * It is read once by the commands (`--config FILE`, default ./archive.config.json) and passed in:
 * to the site data, to the templates (Eleventy's `site` data) and to the search.
 * A bad value is one line naming the file and the key.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { knowledgeSchema, type Knowledge } from './registry/knowledge.ts';
import { parseTopics, topicSetSchema, type TopicSet } from './topics/index.ts';
import { eventListSchema, parseEvents, type TimelineEvent } from './timeline/index.ts';

export const DEFAULT_CONFIG = 'archive.config.json';

/** The config when none is named: ./archive.config.json, else the generator's own (run from another folder). */
export function defaultConfigFile(): string {
  return existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : fileURLToPath(new URL(`../${DEFAULT_CONFIG}`, import.meta.url));
}

const text = z.string().trim().min(1);
const configSchema = z.object({
  /** the site's name ("Nga – Triều Tiên qua báo chí"): the home page's heading, every <title>, the feeds */
  name: text,
  /** one line under the name, and in the feeds */
  tagline: text,
  /** the home page's meta description */
  description: text,
  /** a BCP 47 tag: <html lang>, the feeds, the search index */
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u, 'a language tag such as "vi"'),
  /** the public address (the SITE_URL environment variable overrides it: src/site/config.ts) */
  siteUrl: z.url({ protocol: /^https?$/u }),
  /** articles per list page */
  perPage: z.number().int().min(1).max(1000),
  phrases: z.object({
    /** what the archive is about, as a phrase the list descriptions close with ("quan hệ Nga – Triều Tiên") */
    subject: text,
    /** two or three letters shown in the header's mark */
    mark: z.string().trim().min(1).max(3),
    /** the search page's example: a query without diacritics finds the words written with them */
    searchExample: z.object({ folded: text, written: text }).strict(),
  }).strict(),
  /** a topic set, or the path of a JSON file holding one (relative to the config file) */
  topics: z.union([text, topicSetSchema]),
  /** the key events, or the path of a JSON file holding them (relative to the config file) */
  events: z.union([text, eventListSchema]),
  /** what this archive adds to the built-in registries */
  knowledge: knowledgeSchema.default({}),
}).strict();

/** The archive's settings, as the commands pass them on. */
export interface ArchiveConfig {
  /** the config file it was read from (absolute) */
  file: string;
  name: string;
  tagline: string;
  description: string;
  language: string;
  siteUrl: string;
  perPage: number;
  phrases: { subject: string; mark: string; searchExample: { folded: string; written: string } };
  topics: TopicSet;
  events: TimelineEvent[];
  knowledge: Knowledge;
}

/** A config that cannot be used: one line, naming the file and the key. */
export class ConfigError extends Error {}

function keyOf(issuePath: readonly PropertyKey[]): string {
  return issuePath.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./u, '') || '(the whole file)';
}

/** A path as messages show it: relative to the working folder when inside it. */
function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${shown(file)}: ${code === 'ENOENT' ? 'no such file (give another with --config FILE)' : `cannot read it (${code ?? String(error)})`}`);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ConfigError(`${shown(file)}: not JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** `value` checked by `schema`, or one line naming the file and the key of the first problem. */
function checked<T>(file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const unknown = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : null;
  throw new ConfigError(`${shown(file)}: ${keyOf(issue.path)}: ${unknown ?? issue.message}`);
}

/** The part of a config at `key`: inline, or read from the file it names (relative to the config's folder). */
function inlineOrFile<T>(configFile: string, key: string, value: string | unknown, schema: z.ZodType<T>): T {
  if (typeof value !== 'string') return value as T;
  const file = path.resolve(path.dirname(configFile), value);
  let json: unknown;
  try {
    json = readJson(file);
  } catch (error) {
    throw new ConfigError(`${shown(configFile)}: ${key}: ${(error as Error).message}`);
  }
  return checked(file, schema, json);
}

/** Parses a config's JSON (`file` names it in messages and resolves its relative paths). */
export function parseArchiveConfig(json: unknown, file: string): ArchiveConfig {
  const abs = path.resolve(file);
  const c = checked(abs, configSchema, json);
  const topics = inlineOrFile(abs, 'topics', c.topics, topicSetSchema);
  const events = inlineOrFile(abs, 'events', c.events, eventListSchema);
  return {
    file: abs,
    name: c.name,
    tagline: c.tagline,
    description: c.description,
    language: c.language,
    siteUrl: c.siteUrl.replace(/\/+$/u, ''),
    perPage: c.perPage,
    phrases: c.phrases,
    topics: parseTopics(topics),
    events: parseEvents(events),
    knowledge: c.knowledge,
  };
}

/** Reads and checks a config file (default: defaultConfigFile()). */
export function loadArchiveConfig(file: string = defaultConfigFile()): ArchiveConfig {
  const abs = path.resolve(file);
  return parseArchiveConfig(readJson(abs), abs);
}

/** The parser's share of a config, to spread into LoadOptions and ParsePoolOptions: its `knowledge`. */
export function parserOptions(config: ArchiveConfig | undefined): { knowledge?: Knowledge } {
  return config ? { knowledge: config.knowledge } : {};
}

/**
 * `--config FILE` / `--config=FILE` taken out of `argv`: the rest of the arguments and the config
 * (defaultConfigFile() when not given). A config that cannot be used throws a ConfigError.
 */
export function takeConfigArg(argv: readonly string[]): { rest: string[]; config: ArchiveConfig } {
  const rest: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config') {
      const next = argv[++i];
      if (next === undefined) throw new ConfigError('--config needs a file');
      file = next;
    } else if (arg.startsWith('--config=')) file = arg.slice('--config='.length);
    else rest.push(arg);
  }
  return { rest, config: loadArchiveConfig(file ?? defaultConfigFile()) };
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArticle } from '../src/parse.ts';
import { createRegistries, defaultRegistries, knowledgeFingerprint } from '../src/registry/index.ts';
import { knowledgeSchema, type Knowledge } from '../src/registry/knowledge.ts';
import { recordVersion } from '../src/archive/parserVersion.ts';
import { loadArchive, scanArchive } from '../src/archive/load.ts';
import { ParsePool } from '../src/archive/parsePool.ts';

/** a whole page of an outlet no registry holds, naming a person no registry holds (by no title or role) */
const FILE = new URL('./fixtures/knowledge/song-han.txt', import.meta.url);
const bytes = readFileSync(FILE);

/** an archive's knowledge, as its config gives it (parsed by the same schema) */
const KNOWLEDGE: Knowledge = knowledgeSchema.parse({
  outlets: [{ id: 'songhan', name: 'Báo Sông Hàn', domain: 'songhan.vn', aliases: ['Sông Hàn'], tags: ['(Sông Hàn)'] }],
  people: [{ name: 'Aleksandr Dugin', variants: ['Alexander Dugin'], short: ['Dugin'] }],
  junk: { widgets: ['Gói Sông Hàn Plus chỉ [\\d.]+ đồng mỗi ngày'] },
});

const parse = (registries = defaultRegistries()) => parseArticle({ sourceFile: 'song-han.txt', bytes }, { registries }).record!;

test('knowledge: an extra outlet (copyright line, dateline tag), an extra person and a junk line are found with the archive\'s registries', () => {
  const r = parse(createRegistries(KNOWLEDGE));
  assert.deepEqual(r.outlet, { id: 'songhan', name: 'Báo Sông Hàn', domain: 'songhan.vn' });
  assert.ok(r.people.includes('Aleksandr Dugin'), r.people.join(', '));
  assert.ok(r.removed.some((x) => x.text === 'Gói Sông Hàn Plus chỉ 2.000 đồng mỗi ngày' && x.reason === 'widget'));
  assert.ok(!r.text.includes('Gói Sông Hàn Plus'));
  assert.ok(!r.warnings.some((w) => w.includes('outlet/missing')), r.warnings.join('\n'));
});

test('knowledge: the built-in registries are not changed by it (two parses, two registries)', () => {
  const before = parse();
  const extended = createRegistries(KNOWLEDGE);
  assert.notEqual(extended, defaultRegistries());
  const after = parse();
  assert.deepEqual(after, before);
  assert.equal(after.outlet, null);
  assert.ok(!after.people.includes('Aleksandr Dugin'));
  assert.ok(after.text.includes('Gói Sông Hàn Plus'));
  assert.equal(defaultRegistries().outlets.byId('songhan'), undefined);
  assert.equal(defaultRegistries().people.canonical('Alexander Dugin'), undefined);
  assert.equal(extended.people.canonical('Alexander Dugin'), 'Aleksandr Dugin');
  // and the archive's registries keep theirs after a parse with the built-in ones
  assert.deepEqual(parse(extended).outlet?.id, 'songhan');
});

test('knowledge: no knowledge (or an empty one) is the built-in registries themselves', () => {
  assert.equal(createRegistries(), defaultRegistries());
  assert.equal(createRegistries({}), defaultRegistries());
  assert.equal(createRegistries(knowledgeSchema.parse({ outlets: [], junk: { widgets: [] } })), defaultRegistries());
});

test('knowledge: an entry with a built-in id or name extends it (names and domains override, lists are added to)', () => {
  const reg = createRegistries(knowledgeSchema.parse({
    outlets: [{ id: 'vnexpress', name: 'VnExpress', domain: 'vnexpress.net', aliases: ['Tờ VNE'] }],
    people: [{ name: 'Vladimir Putin', variants: ['V. V. Putin'] }],
    places: [{ name: 'Bình Nhưỡng', variants: ['Pyongyang City'] }],
  }));
  assert.equal(reg.outlets.lookup('Tờ VNE')?.id, 'vnexpress');
  assert.equal(defaultRegistries().outlets.lookup('Tờ VNE'), undefined);
  // the built-in aliases stay
  for (const alias of defaultRegistries().outlets.byId('vnexpress')!.aliases) assert.equal(reg.outlets.lookup(alias)?.id, 'vnexpress', alias);
  assert.equal(reg.outlets.all.filter((o) => o.id === 'vnexpress').length, 1);
  assert.equal(reg.people.canonical('V. V. Putin'), 'Vladimir Putin');
  assert.equal(reg.people.canonical('Vladimir Putin'), 'Vladimir Putin');
  assert.deepEqual(reg.places.scan('Pyongyang City hôm nay').map((m) => m.name), ['Bình Nhưỡng']);
  assert.equal(reg.places.kindOf('Bình Nhưỡng'), defaultRegistries().places.kindOf('Bình Nhưỡng'));
});

test('knowledgeFingerprint: stable over key order and absent lists; changes with an entry; the record version and so the cache keys with it', () => {
  const a = knowledgeFingerprint(KNOWLEDGE);
  const reordered = JSON.parse(JSON.stringify({ junk: KNOWLEDGE.junk, people: KNOWLEDGE.people, outlets: KNOWLEDGE.outlets })) as Knowledge;
  assert.equal(knowledgeFingerprint(reordered), a);
  assert.equal(knowledgeFingerprint({ ...KNOWLEDGE, places: [] }), a);
  assert.equal(knowledgeFingerprint(undefined), 'none');
  assert.equal(knowledgeFingerprint({}), 'none');
  const renamed = knowledgeSchema.parse({ ...KNOWLEDGE, outlets: [{ ...KNOWLEDGE.outlets![0]!, name: 'Báo Sông Hàn Online' }] });
  assert.notEqual(knowledgeFingerprint(renamed), a);
  assert.notEqual(recordVersion(renamed), recordVersion(KNOWLEDGE));
  assert.notEqual(recordVersion(KNOWLEDGE), recordVersion());
  assert.equal(recordVersion({}), recordVersion());
});

test('loadArchive: parses with the knowledge, and a change in it parses again (the cache key covers it)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  try {
    const articles = join(dir, 'articles');
    mkdirSync(articles);
    writeFileSync(join(articles, 'song-han.txt'), bytes);
    const cache = join(dir, 'cache');
    const plain = await loadArchive(articles, { cache });
    assert.equal(plain.records[0]!.outlet, null);
    const first = await loadArchive(articles, { cache, knowledge: KNOWLEDGE });
    assert.equal(first.cacheHits, 0);
    assert.equal(first.records[0]!.outlet?.id, 'songhan');
    const again = await loadArchive(articles, { cache, knowledge: KNOWLEDGE });
    assert.equal(again.cacheHits, 1);
    assert.equal(again.records[0]!.outlet?.id, 'songhan');
    const renamed = knowledgeSchema.parse({ ...KNOWLEDGE, outlets: [{ ...KNOWLEDGE.outlets![0]!, name: 'Báo Sông Hàn Online' }] });
    const changed = await loadArchive(articles, { cache, knowledge: renamed });
    assert.equal(changed.cacheHits, 0);
    assert.equal(changed.records[0]!.outlet?.name, 'Báo Sông Hàn Online');
    assert.notEqual((await scanArchive(articles, { knowledge: renamed })).inputKey, (await scanArchive(articles, { knowledge: KNOWLEDGE })).inputKey);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parse workers build the registries of the knowledge they are given', async () => {
  const pool = new ParsePool(2, { knowledge: KNOWLEDGE });
  try {
    const [r] = await pool.parse([{ rel: 'song-han.txt', bytes }]);
    assert.equal(r!.record?.outlet?.id, 'songhan');
    assert.ok(r!.record?.people.includes('Aleksandr Dugin'));
  } finally {
    await pool.close();
  }
});

test('knowledge: a junk pattern that is no valid expression is refused by the schema, naming it', () => {
  const r = knowledgeSchema.safeParse({ junk: { widgets: ['Theo dõi (Sông Hàn'] } });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues[0]?.path, ['junk', 'widgets', 0]);
  assert.match(r.error?.issues[0]?.message ?? '', /not a valid pattern/u);
});

test('archive list --outlet: an outlet of the archive\'s knowledge is found by its alias; without the knowledge it is not', async () => {
  const { listReport } = await import('../src/editor/list.ts');
  const r = parseArticle({ sourceFile: 'song-han.txt', bytes: readFileSync('test/fixtures/knowledge/song-han.txt') }, { registries: createRegistries(KNOWLEDGE) }).record!;
  assert.equal(r.outlet?.id, 'songhan');
  assert.match(listReport([r], { outlet: 'Sông Hàn' }, createRegistries(KNOWLEDGE)).join('\n'), /songhan/u);
  assert.match(listReport([r], { outlet: 'Sông Hàn' }).join('\n'), /no article matches/u);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agencyRegistry, outletRegistry, personRegistry, placeRegistry } from '../src/registry/index.ts';
import { foldAscii } from '../src/read/text.ts';

test('outlets: at least 40, unique ids, domains and aliases; every alias finds its own outlet', () => {
  const all = outletRegistry.all;
  assert.ok(all.length >= 40, `${all.length} outlets`);
  assert.equal(new Set(all.map((o) => o.id)).size, all.length);
  const aliasOwner = new Map<string, string>();
  for (const o of all) {
    for (const a of [o.name, ...o.aliases]) {
      const k = foldAscii(a);
      assert.ok(!aliasOwner.has(k) || aliasOwner.get(k) === o.id, `alias "${a}" of ${o.id} is also ${aliasOwner.get(k)}'s`);
      aliasOwner.set(k, o.id);
      assert.equal(outletRegistry.lookup(a)?.id, o.id, `lookup("${a}")`);
    }
    assert.equal(outletRegistry.byHost(o.domain)?.id, o.id, o.domain);
    assert.doesNotMatch(o.domain, /^www\.|\/|[A-Z]/);
  }
});

test('agencies: the contract\'s canonical names are there and no alias is shared', () => {
  for (const name of ['Reuters', 'AFP', 'AP', 'TASS', 'RIA Novosti', 'Interfax', 'KCNA', 'Yonhap', 'TTXVN', 'Sputnik', 'Xinhua', 'Kyodo', 'CNN', 'BBC']) {
    assert.equal(agencyRegistry.canonical(name), name);
  }
  assert.equal(agencyRegistry.canonical('Tân Hoa xã'), 'Xinhua');
  assert.equal(agencyRegistry.canonical('Thông tấn xã Việt Nam'), 'TTXVN');
  const seen = new Set<string>();
  for (const a of agencyRegistry.all) for (const alias of a.aliases) {
    assert.ok(!seen.has(alias), `alias ${alias} twice`);
    seen.add(alias);
  }
});

test('people: at least 60, with the contract\'s canonical spellings', () => {
  assert.ok(personRegistry.all.length >= 60, `${personRegistry.all.length} people`);
  const scan = (t: string): string[] => personRegistry.scan(t).map((m) => m.name);
  assert.deepEqual(scan('Kim Jong Un'), ['Kim Jong-un']);
  assert.deepEqual(scan('Sergey Lavrov'), ['Sergei Lavrov']);
  assert.deepEqual(scan('Bộ trưởng Ngoại giao Nga Lavrov'), ['Sergei Lavrov']);
  const variants = new Set<string>();
  for (const p of personRegistry.all) for (const v of p.variants) {
    const k = v.toLowerCase().replace(/[\s-]+/g, ' ');
    assert.ok(!variants.has(k) || p.variants.some((x) => x !== v && x.toLowerCase().replace(/[\s-]+/g, ' ') === k), `variant ${v} twice`);
    variants.add(k);
  }
});

test('places: one form per place (Moscow/Moskva → Moskva, Kyiv/Kiev → Kiev)', () => {
  const scan = (t: string): string[] => placeRegistry.scan(t).map((m) => m.name);
  assert.deepEqual(scan('Moscow Moskva Mátxcơva'), ['Moskva', 'Moskva', 'Moskva']);
  assert.deepEqual(scan('Kyiv Kiev'), ['Kiev', 'Kiev']);
  assert.deepEqual(scan('Pyongyang Bình Nhưỡng'), ['Bình Nhưỡng', 'Bình Nhưỡng']);
  assert.ok(placeRegistry.all.length >= 60);
});

test('people: a short form after a title ("ông Lavrov"), not when the title is the end of another word', () => {
  const names = (text: string): string[] => personRegistry.scan(text).map((m) => `${m.text}@${m.index}`);
  assert.deepEqual(names('Hôm qua, ông Lavrov nói với báo giới.'), ['Lavrov@13']);
  assert.deepEqual(names('Ngoại trưởng Nga Sergei Lavrov gặp Bộ trưởng Choe; Ngoại trưởng Lavrov nói.'), ['Sergei Lavrov@17', 'Lavrov@64']);
  // "Bông" ends in "ông": no title there
  assert.deepEqual(names('Bông Lavrov nở rộ.'), []);
  assert.deepEqual(names('Xbà Lavrov'), []);
  // a letter outside the BMP before the title
  assert.deepEqual(names('\u{1D400}ông Lavrov'), []);
  assert.deepEqual(names('\u{1F600} ông Lavrov'), ['Lavrov@7']);
});

test('tokenize: the words /[\\p{L}\\p{M}\\p{N}]+|[.&+]/gu finds, where it finds them', async () => {
  const { scanTokens } = await import('../src/registry/index.ts');
  const RE = /[\p{L}\p{M}\p{N}]+|[.&+]/gu;
  for (const line of [
    'Tổng thống V.Putin gặp TG&VN, Vietnam+ ngày 19/6/2024.',
    'Ho\u0300ng Văn (dấu rời) – 𝐀𝐁1 ٣٤ \uD800x',
    '',
    '...&&++',
  ]) {
    assert.deepEqual(scanTokens(line), [...line.matchAll(RE)].map((m) => ({ text: m[0], index: m.index, end: m.index + m[0].length })), line);
  }
});

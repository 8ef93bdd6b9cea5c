/**
 * A rebuild's changes put into the last site in place, through a journal
 * (src/site/siteJournal.ts): moved, removed, the state moved in; and a journal
 * that a killed build left is finished by the next.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { sealState } from '../src/stateFile.ts';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { finishInterruptedUpdate, updateInPlace, type SiteUpdate } from '../src/site/siteJournal.ts';

async function put(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
}

async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(root, { recursive: true, withFileTypes: true }))) {
    if (name.isFile()) out[path.relative(root, path.join(name.parentPath, name.name)).split(path.sep).join('/')] = await readFile(path.join(name.parentPath, name.name), 'utf8');
  }
  return out;
}

/** A last site, its state, and a rebuild's changes staged beside it. */
async function fixture(): Promise<{ dir: string; update: SiteUpdate; journal: string; state: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'journal-'));
  const output = path.join(dir, '_site');
  const staging = path.join(dir, '_site.building-1');
  const state = path.join(dir, 'state');
  await put(output, {
    'index.html': 'trang chủ cũ',
    'bai-viet/a/index.html': 'bài A',
    'bai-viet/c/index.html': 'bài C, gỡ khỏi kho',
    'dia-danh/nga/2011/index.html': 'Nga, 2011',
    'dia-danh/nga/2011/trang/2/index.html': 'Nga, 2011, trang 2',
    'dia-danh/nga/index.html': 'Nga',
    'pagefind/shards.json': '{"shards":["0","2011-03-01"]}',
    'pagefind/shards/0/pagefind-entry.json': 'mảnh 0, cũ',
    'pagefind/shards/0/fragment/cu.pf_fragment': 'cũ',
    'pagefind/shards/2011-03-01/pagefind-entry.json': 'mảnh 2011',
    'pagefind/shards/2019-01-01/pagefind-entry.json': 'mảnh 2019, gộp vào mảnh khác',
  });
  await put(staging, {
    'index.html': 'trang chủ mới',
    'bai-viet/d/index.html': 'bài D, mới',
    'pagefind/shards.json': '{"shards":["0","2011-03-01"]}',
    'pagefind/shards/0/pagefind-entry.json': 'mảnh 0, mới',
    'pagefind/shards/0/fragment/moi.pf_fragment': 'mới',
  });
  await put(state, { 'manifest.json': 'cũ', 'manifest.json.next': 'mới', 'search/shards.json.next': 'mới' });
  const update: SiteUpdate = {
    output, staging, trash: path.join(dir, 'trash'),
    moves: ['index.html', 'bai-viet/d/index.html', 'pagefind/shards.json', 'pagefind/shards/0'],
    // two in one folder, removed side by side: neither leaves it behind
    removes: ['bai-viet/c/index.html', 'dia-danh/nga/2011/index.html', 'dia-danh/nga/2011/trang/2/index.html', 'pagefind/shards/2019-01-01'],
    pending: [path.join(state, 'manifest.json.next'), path.join(state, 'search/shards.json.next')],
  };
  return { dir, update, journal: path.join(state, 'journal.json'), state };
}

const EXPECTED_SITE = {
  'index.html': 'trang chủ mới',
  'bai-viet/a/index.html': 'bài A',
  'bai-viet/d/index.html': 'bài D, mới',
  'dia-danh/nga/index.html': 'Nga',
  'pagefind/shards.json': '{"shards":["0","2011-03-01"]}',
  'pagefind/shards/0/pagefind-entry.json': 'mảnh 0, mới',
  'pagefind/shards/0/fragment/moi.pf_fragment': 'mới',
  'pagefind/shards/2011-03-01/pagefind-entry.json': 'mảnh 2011',
};

test('an update in place: changed files and folders moved over the site\'s, gone ones removed with the folders they leave empty, the state moved in', async () => {
  const { dir, update, journal, state } = await fixture();
  await updateInPlace(update, journal);
  assert.deepEqual(await tree(update.output), EXPECTED_SITE, 'a replaced folder keeps nothing of the old one (cu.pf_fragment)');
  assert.ok(!existsSync(path.join(update.output, 'bai-viet/c')), 'the folder of a removed page goes');
  assert.ok(!existsSync(path.join(update.output, 'dia-danh/nga/2011')));
  assert.ok(existsSync(path.join(update.output, 'dia-danh/nga')), 'a folder that still has a page stays');
  assert.deepEqual(await tree(state), { 'manifest.json': 'mới', 'search/shards.json': 'mới' });
  assert.ok(!existsSync(update.staging), 'the staging folder goes');
  assert.ok(!existsSync(journal), 'the journal goes');
  assert.equal((await readdir(update.trash!)).length, 2, 'the replaced and the removed shard folders wait in the trash');
  assert.equal(await finishInterruptedUpdate(journal), false, 'nothing left to finish');
  await rm(dir, { recursive: true });
});

test('an update stopped midway is finished by the next build from its journal, every step once', async () => {
  const { dir, update, journal, state } = await fixture();
  // killed after the journal and half the moves: a few staged files are in the site already
  await mkdir(path.dirname(journal), { recursive: true });
  await writeFile(journal, sealState(update));
  for (const rel of update.moves.slice(0, 2)) {
    await mkdir(path.dirname(path.join(update.output, rel)), { recursive: true });
    await rm(path.join(update.output, rel), { recursive: true, force: true });
    await rename(path.join(update.staging, rel), path.join(update.output, rel));
  }
  assert.equal(await finishInterruptedUpdate(journal), true);
  assert.deepEqual(await tree(update.output), EXPECTED_SITE);
  assert.deepEqual(await tree(state), { 'manifest.json': 'mới', 'search/shards.json': 'mới' });
  assert.ok(!existsSync(journal) && !existsSync(update.staging));
  await rm(dir, { recursive: true });
});

test('a file where a folder of the update belongs (_site/bai-viet/d made a file) is removed: the update is done, not failed for ever', async () => {
  const { dir, update, journal } = await fixture();
  await writeFile(path.join(update.output, 'bai-viet/d'), 'không phải thư mục');
  await updateInPlace(update, journal);
  assert.deepEqual(await tree(update.output), EXPECTED_SITE);
  assert.ok(!existsSync(journal));
  await rm(dir, { recursive: true });
});

test('a journal whose staging folder is gone (another build replaced the site) is dropped with the state it would have moved in', async () => {
  const { dir, update, journal, state } = await fixture();
  await mkdir(path.dirname(journal), { recursive: true });
  await writeFile(journal, sealState(update));
  // a build without this cache rebuilt the site and removed the folders a killed build left beside it
  await rm(update.staging, { recursive: true });
  const site = await tree(update.output);
  assert.equal(await finishInterruptedUpdate(journal), true);
  assert.deepEqual(await tree(update.output), site, 'the site is not touched');
  assert.deepEqual(await tree(state), {}, 'no state is trusted: the next build makes a whole site');
  assert.ok(!existsSync(journal));
  await rm(dir, { recursive: true });
});

test('a journal that cannot be read (cut, changed, garbage) is told of, dropped with the site\'s state, and the build goes on', async () => {
  const { dir, update, journal, state } = await fixture();
  for (const damage of ['{"output": ', sealState(update).replace('bai-viet', 'bai-vxet'), '\u0000\u0001garbage']) {
    await put(state, { 'manifest.json': 'cũ' });
    await writeFile(journal, damage);
    const told: string[] = [];
    assert.equal(await finishInterruptedUpdate(journal, (file, reason) => told.push(`${file}: ${reason}`), [path.join(state, 'manifest.json')]), true);
    assert.equal(told.length, 1);
    assert.ok(told[0]!.startsWith(journal), told[0]);
    assert.ok(!existsSync(journal));
    assert.ok(!existsSync(path.join(state, 'manifest.json')), 'no state of a site that may be half updated is trusted');
  }
  await rm(dir, { recursive: true });
});

/**
 * Every command answers --help: its flags on stdout, exit 0, nothing run (no build, no bench).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const COMMANDS: { name: string; args: string[]; flags: string[] }[] = [
  { name: 'build', args: ['src/build.ts'], flags: ['--input', '--output', '--pathprefix', '--force', '--cache', '--no-cache', '--quiet', '--serve', '--port', '--records'] },
  { name: 'serve', args: ['src/build.ts', '--serve'], flags: ['--port', '--input', '--output', '--pathprefix'] },
  { name: 'archive', args: ['src/cli.ts'], flags: ['records', 'check', 'add', 'list', 'show', '--date', '--outlet', '--strict', '--no-build', '--json', '--warnings'] },
  { name: 'archive add', args: ['src/cli.ts', 'add'], flags: ['--date', '--outlet', '--force'] },
  { name: 'generate', args: ['src/generate/index.ts'], flags: ['--articles', '--out', '--seed', '--from'] },
  { name: 'bench', args: ['src/bench/index.ts'], flags: ['--articles', '--runs', '--json', '--seed', '--keep', '--ours-only', '--peers-only'] },
  { name: 'bench:search', args: ['src/bench/searchTransfer.ts'], flags: ['--site', '--prefix', '--json', '--verbose'] },
];

for (const c of COMMANDS) {
  for (const flag of ['--help', '-h']) {
    test(`${c.name} ${flag}: its flags, exit 0`, () => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', ...c.args, flag], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      for (const f of [...c.flags, '--help']) assert.ok(r.stdout.includes(f), `${c.name}: ${f} in\n${r.stdout}`);
    });
  }
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// The GitHub Pages workflow cannot run here; these checks pin what makes its rebuilds incremental.
const workflow = readFileSync(new URL('../.github/workflows/pages.yml', import.meta.url), 'utf8');

/** The workflow's steps in order, each as the text of its block. */
function steps(): string[] {
  return workflow.split(/\n(?=      - )/).slice(1);
}

function stepIndex(pattern: RegExp): number {
  return steps().findIndex((step) => pattern.test(step));
}

test('pages workflow: the last build (.cache/ and _site/) is restored before the build and saved after it', () => {
  const restore = stepIndex(/actions\/cache\/restore@/);
  const build = stepIndex(/npm run build/);
  const save = stepIndex(/actions\/cache\/save@/);
  const upload = stepIndex(/upload-pages-artifact/);
  assert.ok(restore >= 0 && save >= 0, 'both cache steps are there');
  assert.ok(restore < build && build < save && save < upload, `order: restore ${restore}, build ${build}, save ${save}, upload ${upload}`);
  for (const index of [restore, save]) {
    const step = steps()[index]!;
    assert.match(step, /^\s+\.cache$/m);
    assert.match(step, /^\s+_site$/m);
  }
  assert.match(steps()[restore]!, /restore-keys: site-build-/, 'the newest earlier entry is restored');
  assert.match(steps()[save]!, /if: \$\{\{ steps\.build\.outcome == 'success' \}\}/, 'a failed build is never saved');
});

test('pages workflow: "Run workflow" can build from scratch without the cache', () => {
  assert.match(workflow, /clean:\n\s+description:/);
  assert.match(steps()[stepIndex(/actions\/cache\/restore@/)]!, /if: \$\{\{ !inputs\.clean \}\}/);
});

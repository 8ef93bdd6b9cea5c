/**
 * The parse worker as one JavaScript file, bundled by esbuild once per version of the code and
 * kept in node_modules/.cache: a worker that loads it is ready in a few hundred milliseconds,
 * where one that loads the TypeScript sources through tsx takes two seconds (every worker of
 * every command pays that). Each module's `import.meta.url` stays its source file's, so the data
 * files it reads (registries, hints, topics) are read from src/ as before. The first command after
 * a change of the code makes it in the background (about a second) and its workers load the
 * sources through tsx, as they do when it cannot be made (a read-only node_modules, say).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { versionOf } from './parserVersion.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(SRC, 'archive', 'parseWorker.ts');
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/parse-worker/', import.meta.url));

/**
 * A hash of every source and data file under src/ (versionOf, as the parser's version is made),
 * of the installed packages (the lock file: the bundle holds their code too) and of esbuild's
 * version: the bundle's name.
 */
function sourceKey(esbuildVersion: string): string {
  const hash = createHash('sha256').update(esbuildVersion).update('\0').update(SRC).update('\0').update(versionOf(['.'], SRC));
  try {
    hash.update(readFileSync(join(SRC, '..', 'package-lock.json')));
  } catch {
    // no lock file: the sources alone
  }
  return hash.digest('hex').slice(0, 20);
}

const esbuildVersion = (): string => (createRequire(import.meta.url)('esbuild/package.json') as { version: string }).version;
/** bundles of other versions of the code are removed once this old (another checkout may still use one) */
const STALE_MS = 86_400_000;

let key: string | undefined;
let making: Promise<void> | undefined;

/**
 * The bundled worker's URL when it is made for this code; otherwise null, and it is made in the
 * background (once per process) for the workers of the next command.
 */
export function parseWorkerBundle(): URL | null {
  try {
    key ??= sourceKey(esbuildVersion());
    const file = join(CACHE, `${key}.mjs`);
    if (existsSync(file)) return pathToFileURL(file);
    making ??= makeBundle(file).catch(() => {});
  } catch {
    // no esbuild, an unreadable src/: the sources through tsx
  }
  return null;
}

/** The bundle, made now if need be (tests; a command that would rather wait for it). */
export async function madeParseWorkerBundle(): Promise<URL | null> {
  const known = parseWorkerBundle();
  if (known) return known;
  await making;
  return parseWorkerBundle();
}

async function makeBundle(file: string): Promise<void> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    // CommonJS packages in an ES module bundle
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    plugins: [{
      name: 'source-import-meta-url',
      setup(build) {
        // each source module keeps its own import.meta.url (new URL('./x.json', import.meta.url))
        build.onLoad({ filter: /\/src\/.*\.ts$/ }, (args) => ({
          contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
          loader: 'ts',
        }));
      },
    }],
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) return;
  mkdirSync(CACHE, { recursive: true });
  // written aside and renamed: a process that starts meanwhile never loads half a bundle
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, file);
  const now = Date.now();
  for (const name of readdirSync(CACHE)) {
    const other = join(CACHE, name);
    if (other !== file && now - statSync(other).mtimeMs > STALE_MS) rmSync(other, { force: true });
  }
}

/**
 * The peers' projects, laid out once before timing: a plain Eleventy 3 site
 * (markdown-it, one Nunjucks layout, one page per article) and a Hugo site
 * (content/a/<n>.md, a minimal single and list layout), both over the same raw files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Raw article → (title, body): front matter dropped, line ends unified, title = first non-empty line. */
export function splitRaw(raw: string): { title: string; body: string } {
  let text = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const fm = /^---\n[\s\S]*?\n---\n/u.exec(text);
  if (fm) text = text.slice(fm[0].length);
  const first = text.split('\n').find((l) => l.trim() !== '') ?? 'Untitled';
  return { title: first.trim().normalize('NFC'), body: text };
}

/** YAML double-quoted scalar (a JSON string is one). */
const yamlString = (s: string) => JSON.stringify(s);

const PAGE_LAYOUT = (body: string) => `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>${'{{ title }}'}</title></head>
<body><main><h1>${'{{ title }}'}</h1>
${body}
</main></body>
</html>
`;

export function writeEleventyProject(dir: string, files: readonly string[]): void {
  mkdirSync(path.join(dir, 'src', 'a'), { recursive: true });
  mkdirSync(path.join(dir, 'src', '_includes'), { recursive: true });
  writeFileSync(path.join(dir, 'src', '_includes', 'layout.njk'), PAGE_LAYOUT('{{ content | safe }}'));
  writeFileSync(path.join(dir, 'package.json'), '{"private": true, "type": "module"}\n');
  files.forEach((file, n) => {
    const { title, body } = splitRaw(readFileSync(file, 'utf8'));
    writeFileSync(path.join(dir, 'src', 'a', `${n}.md`), `---\ntitle: ${yamlString(title)}\nlayout: layout.njk\npermalink: /a/${n}/\n---\n${body}`);
  });
}

export function writeHugoProject(dir: string, files: readonly string[]): void {
  mkdirSync(path.join(dir, 'content', 'a'), { recursive: true });
  mkdirSync(path.join(dir, 'layouts', '_default'), { recursive: true });
  // Raw HTML passes through, as Eleventy's markdown-it (html: true) lets it: the same pages for Pagefind to index.
  writeFileSync(path.join(dir, 'config.toml'), 'baseURL = "/"\ntitle = "bench"\nlanguageCode = "vi"\n\n[markup.goldmark.renderer]\nunsafe = true\n');
  writeFileSync(path.join(dir, 'layouts', '_default', 'single.html'),
    '<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1>\n{{ .Content }}\n</main></body>\n</html>\n');
  writeFileSync(path.join(dir, 'layouts', '_default', 'list.html'),
    '<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body><main><h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n</main></body>\n</html>\n');
  files.forEach((file, n) => {
    const { title, body } = splitRaw(readFileSync(file, 'utf8'));
    writeFileSync(path.join(dir, 'content', 'a', `${n}.md`), `---\ntitle: ${yamlString(title)}\n---\n${body}`);
  });
}

/** The hugo binary, installing the Debian package when missing and root. Returns a reason when unavailable. */
export function ensureHugo(log: (s: string) => void): { bin: string } | { reason: string } {
  const found = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return { bin: found.stdout.trim() };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { reason: 'hugo is not installed and the bench is not root (apt-get install -y hugo)' };
  log('hugo missing: apt-get install -y hugo');
  let r = spawnSync('apt-get', ['install', '-y', 'hugo'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update'], { encoding: 'utf8' });
    r = spawnSync('apt-get', ['install', '-y', 'hugo'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const again = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' });
  if (again.status === 0 && again.stdout.trim()) return { bin: again.stdout.trim() };
  return { reason: `apt-get install -y hugo failed: ${(r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').slice(-1)[0]}` };
}

export function hugoVersion(bin: string): string {
  const r = spawnSync(bin, ['version'], { encoding: 'utf8' });
  return (r.stdout || '').trim().split(' ')[1] ?? 'unknown';
}

/**
 * `npm run serve`: build, serve the output on localhost, rebuild when
 * articles/ or templates/ change. Each rebuild runs in a fresh child process,
 * so edited templates are re-imported and a failing build leaves the last good
 * site in place (and prints its error).
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizePathPrefix } from './config.ts';
import { watchTree } from './watchTree.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A small static file server for a built site; `prefix` is the path prefix ("/" or "/sub/"). */
export function createStaticServer(dir: string, prefix = '/'): http.Server {
  const root = path.resolve(dir);
  return http.createServer(async (req, res) => {
    const send404 = async () => {
      res.statusCode = 404;
      res.setHeader('content-type', TYPES['.html'] ?? 'text/html');
      try {
        createReadStream(path.join(root, '404.html')).on('error', () => res.end('404')).pipe(res);
      } catch {
        res.end('404');
      }
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send404();
    }
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return send404();
    let file = path.join(root, pathname.slice(prefix.length - 1));
    if (!file.startsWith(root)) return send404();
    try {
      let s = await stat(file);
      if (s.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { location: `${pathname}/` });
          return res.end();
        }
        file = path.join(file, 'index.html');
        s = await stat(file);
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': s.size,
        'cache-control': 'no-cache',
      });
      createReadStream(file).pipe(res);
    } catch {
      return send404();
    }
  });
}

/** What serve builds and serves (passed on to the build's command line, src/build.ts). */
export interface ServeOptions {
  input?: string;
  output?: string;
  pathPrefix?: string;
  /** the archive's config file (default: the build's, ./archive.config.json) */
  config?: string;
  port: number;
}

function buildInChild(options: ServeOptions): Promise<boolean> {
  const args = ['--import', 'tsx', path.join(ROOT, 'src/build.ts')];
  if (options.pathPrefix) args.push(`--pathprefix=${options.pathPrefix}`);
  if (options.input) args.push(`--input=${options.input}`);
  if (options.output) args.push(`--output=${options.output}`);
  if (options.config) args.push(`--config=${options.config}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('exit', (code) => resolve(code === 0));
  });
}

/** Listens on 127.0.0.1:`port`; rejects with the server's error (a busy port: EADDRINUSE). */
export function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
}

/** One line for a server that cannot listen: a busy port names --port. */
export function busyPortMessage(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `serve: port ${port} is already in use; choose another with --port=N (or PORT=N), --port=0 for any free one`;
  if (code === 'EACCES') return `serve: port ${port} is not allowed for this user; choose another with --port=N (above 1023)`;
  return `serve: cannot listen on port ${port}: ${(error as Error | undefined)?.message ?? String(error)}`;
}

export async function serve(options: ServeOptions): Promise<void> {
  const prefix = normalizePathPrefix(options.pathPrefix);
  await buildInChild(options);
  const server = createStaticServer(options.output ?? '_site', prefix);
  try {
    await listen(server, options.port);
  } catch (error) {
    console.error(busyPortMessage(error, options.port));
    process.exit(1);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  console.log(`serving http://localhost:${port}${prefix}  (watching ${options.input ?? 'articles'}/ and templates/)`);

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      console.log('change detected, rebuilding…');
      await buildInChild(options);
    } while (again);
    running = false;
  };
  // one watcher per folder: files replaced by a rename and folders created later are seen (watchTree.ts)
  const watcher = watchTree(
    [options.input ?? 'articles', 'templates', 'src'],
    () => {
      clearTimeout(timer);
      timer = setTimeout(rebuild, 150);
    },
    (message) => console.error(message),
  );
  const stop = () => {
    watcher.close();
    server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

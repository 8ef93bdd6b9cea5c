#!/usr/bin/env node
// Pagefind's binary as the build runs it (src/search/pagefindProcess.ts points Pagefind's Node API
// here): what it writes on stderr (a Rust panic and its backtrace on a full disk) goes to a file,
// never to the user's terminal, and it dies with the build: killed when the build's process is
// gone (kill -9 included), so no Pagefind is left running as an orphan.
import { spawn } from 'node:child_process';
import { openSync, writeSync, closeSync } from 'node:fs';

const real = process.env.TIN_PAGEFIND_REAL;
const log = process.env.TIN_PAGEFIND_STDERR;
const MAX_LOG = 64 * 1024;
const parent = process.ppid;
if (!real) process.exit(127);
const child = spawn(real, process.argv.slice(2), { stdio: ['inherit', 'inherit', 'pipe'] });
const fd = log ? openSync(log, 'a') : null;
let logged = 0;
child.stderr.on('data', (chunk) => {
  if (fd === null || logged >= MAX_LOG) return;
  const part = chunk.subarray(0, MAX_LOG - logged);
  logged += part.length;
  writeSync(fd, part);
});
const stop = (code) => {
  child.kill('SIGKILL');
  if (fd !== null) closeSync(fd);
  process.exit(code);
};
// the build is gone when this process has another parent (re-parented to init or a subreaper)
const watch = setInterval(() => { if (process.ppid !== parent) stop(1); }, 250);
child.on('exit', (code) => {
  clearInterval(watch);
  if (fd !== null) closeSync(fd);
  process.exit(code ?? 1);
});
child.on('error', () => stop(127));
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(1));

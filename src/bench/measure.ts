/**
 * Wall time and peak RSS of a child process and all its descendants.
 *
 * Every ~50 ms the tree under the child is walked (/proc/<pid>/task/<tid>/children,
 * or a scan of /proc/<pid>/stat when that file is missing) and the VmRSS of
 * every process in it is summed; the peak is the largest sum seen, or the
 * largest single-process high-water mark (VmHWM) if that is larger (a spike
 * between two samples of a one-process tree is not lost).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Measured {
  seconds: number;
  peakRssMB: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** tail of stderr, for error messages */
  stderr: string;
  stdout: string;
  samples: number;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** VmRSS and VmHWM of a process in kB (0 when gone). */
export function memoryOf(pid: number): { rssKB: number; hwmKB: number } {
  const status = readText(`/proc/${pid}/status`);
  if (!status) return { rssKB: 0, hwmKB: 0 };
  const rss = /^VmRSS:\s+(\d+)\s+kB/mu.exec(status);
  const hwm = /^VmHWM:\s+(\d+)\s+kB/mu.exec(status);
  return { rssKB: rss ? Number(rss[1]) : 0, hwmKB: hwm ? Number(hwm[1]) : 0 };
}

function childrenViaTasks(pid: number): number[] | null {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tids) {
    const text = readText(`/proc/${pid}/task/${tid}/children`);
    if (text === null) return null; // kernel without CONFIG_PROC_CHILDREN
    for (const c of text.split(' ')) if (c.trim()) out.push(Number(c));
  }
  return out;
}

function parentMap(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/u.test(name)) continue;
    const stat = readText(`/proc/${name}/stat`);
    if (!stat) continue;
    // pid (comm) state ppid …; comm may contain spaces and parentheses
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(after[1]);
    const list = map.get(ppid);
    if (list) list.push(Number(name)); else map.set(ppid, [Number(name)]);
  }
  return map;
}

/** pid and all its descendants. */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  let byParent: Map<number, number[]> | null = null;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    out.push(p);
    let kids = byParent ? (byParent.get(p) ?? []) : childrenViaTasks(p);
    if (kids === null) {
      byParent = parentMap();
      kids = byParent.get(p) ?? [];
    }
    stack.push(...kids);
  }
  return out;
}

/** Summed RSS of the tree (kB) and the largest single high-water mark in it (kB). */
export function sampleTree(pid: number): { rssKB: number; hwmKB: number; processes: number } {
  let rssKB = 0;
  let hwmKB = 0;
  const pids = processTree(pid);
  for (const p of pids) {
    const m = memoryOf(p);
    rssKB += m.rssKB;
    hwmKB = Math.max(hwmKB, m.hwmKB);
  }
  return { rssKB, hwmKB, processes: pids.length };
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  intervalMs?: number;
  /** kill the tree after this many seconds */
  timeoutSeconds?: number;
}

const TAIL = 4000;

/** Runs `cmd args` and measures it; never throws for a failing command (see `code`). */
export function measure(cmd: string, args: readonly string[], options: RunOptions = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let peakKB = 0;
    let samples = 0;
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString('utf8')).slice(-TAIL); });
    child.stdout.on('data', (d: Buffer) => { stdout = (stdout + d.toString('utf8')).slice(-TAIL); });
    const sample = () => {
      if (child.pid === undefined || child.exitCode !== null) return;
      const s = sampleTree(child.pid);
      samples++;
      peakKB = Math.max(peakKB, s.rssKB, s.hwmKB);
    };
    const timer = setInterval(sample, options.intervalMs ?? 50);
    const killer = options.timeoutSeconds
      ? setTimeout(() => { try { if (child.pid) process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, options.timeoutSeconds * 1000)
      : null;
    sample();
    child.on('error', (error) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMB: peakKB / 1024, code, signal, stderr, stdout, samples });
    });
  });
}

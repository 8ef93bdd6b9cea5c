/** The editor's I/O seams: where lines go, and reading the article the editor gave. */
import { readFile, stat } from 'node:fs/promises';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/** The bytes of a file, or of standard input for "-"; a problem becomes a reason, never a throw. */
export async function readRequest(source: string, stdin: () => Promise<Uint8Array>): Promise<ReadResult> {
  try {
    if (source === '-') return { ok: true, bytes: await stdin() };
    if ((await stat(source)).isDirectory()) return { ok: false, reason: 'is a directory, not a file' };
    return { ok: true, bytes: await readFile(source) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})` };
  }
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

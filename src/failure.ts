/**
 * A failed build's one line for the user: a system error by what it means and what to do,
 * never a stack trace, a child's backtrace or a raw "ENOSPC: no space left on device, write".
 */

/** what the user can do about a system error, by its code */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOSPC: 'disk full (ENOSPC): free some space and build again (a build stopped midway never publishes half a site)',
  EDQUOT: 'disk quota exceeded (EDQUOT): free some space and build again (a build stopped midway never publishes half a site)',
  EROFS: 'read-only file system (EROFS): the output or the cache is on a disk that cannot be written',
  EMFILE: 'too many open files (EMFILE): raise the limit (ulimit -n) and build again',
};

/** The first line of an error, cut; a known system error by its meaning (and the file, when known). */
export function failureLine(error: unknown, maxChars = 300): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? SYSTEM_ERRORS[code] : undefined;
  if (known) {
    const path = (error as NodeJS.ErrnoException).path;
    return path ? `${known} (writing ${path})` : known;
  }
  const message = (error instanceof Error ? error.message : String(error)).split('\n').find((l) => l.trim()) ?? 'unknown error';
  return message.length > maxChars ? `${message.slice(0, maxChars)}…` : message;
}

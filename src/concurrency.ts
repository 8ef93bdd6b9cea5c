/**
 * How many file operations a build keeps in flight at once. Reading the parse cache,
 * linking unchanged pages and copying search shards wait on the file system's latency,
 * not on the CPU: thousands of small operations one after the other leave both cores idle.
 */
export const IO_CONCURRENCY = 32;

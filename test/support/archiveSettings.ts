/** This repository's archive settings (archive.config.json), for tests that build site data by hand. */
import { loadArchiveConfig } from '../../src/archiveConfig.ts';
import type { ArchiveSettings } from '../../src/site/model.ts';

export const CONFIG = loadArchiveConfig(new URL('../../archive.config.json', import.meta.url).pathname);
export const ARCHIVE: ArchiveSettings = { subject: CONFIG.phrases.subject, topics: CONFIG.topics, events: CONFIG.events };

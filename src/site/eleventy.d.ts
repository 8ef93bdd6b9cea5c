/** The small part of Eleventy's API this project uses (Eleventy ships no .d.ts). */
declare module '@11ty/eleventy' {
  export interface UserConfig {
    addExtension(extensions: string[], options: { key: string }): void;
    setTemplateFormats(formats: string[]): void;
    addPassthroughCopy(copy: string | Record<string, string>): void;
    addGlobalData(name: string, data: unknown): void;
    setQuietMode(quiet: boolean): void;
    getFilter(name: string): (this: unknown, ...args: unknown[]) => unknown;
    addFilter(name: string, filter: (this: unknown, ...args: never[]) => unknown): void;
  }
  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    config?: (config: UserConfig) => void | Promise<void>;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** renders every page in memory: [{ url, inputPath, outputPath, content }] */
    toJSON(): Promise<unknown[]>;
  }
}

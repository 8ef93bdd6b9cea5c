/**
 * The article record: one zod schema is both the TypeScript type and the
 * runtime check (see ../shared/docs/CONTRACT.md).
 */
import { z } from 'zod';

export const outletSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  domain: z.string().min(1),
});
export type Outlet = z.infer<typeof outletSchema>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const hhmm = /^\d{2}:\d{2}$/;

export const publishedSchema = z.object({
  date: z.string().regex(isoDay).nullable(),
  time: z.string().regex(hhmm).nullable(),
  iso: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/).nullable(),
  partial: z.string().regex(/^--\d{2}-\d{2}$/).nullable(),
  origin: z.enum(['front-matter', 'dateline', 'url', 'body', 'none']),
});
export type Published = z.infer<typeof publishedSchema>;

export const articleRecordSchema = z.object({
  id: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  sourceFile: z.string().min(1),
  title: z.string().min(1),
  titleOrigin: z.enum(['front-matter', 'heading', 'url', 'first-sentence']),
  lede: z.string().nullable(),
  text: z.string(),
  html: z.string(),
  published: publishedSchema,
  outlet: outletSchema.nullable(),
  originalOutlet: outletSchema.nullable(),
  authors: z.array(z.string()),
  url: z.string().nullable(),
  agencies: z.array(z.string()),
  captions: z.array(z.object({ text: z.string(), credit: z.string().nullable() })),
  people: z.array(z.string()),
  places: z.array(z.string()),
  removed: z.array(z.object({ text: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  tags: z.array(z.string()),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;

/**
 * The shapes of the registries' entries, and of an archive's own knowledge that extends them
 * (archive.config.json's `knowledge`: extra outlets, agencies, people, places, junk phrases).
 */
import { z } from 'zod';

export const outletEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  domain: z.string().min(3),
  domains: z.array(z.string()).default([]),
  aliases: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  /** the names the outlet went by before a date ("Zing News", news.zing.vn until 2019) */
  formerly: z.array(z.object({ until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), name: z.string().min(1), domain: z.string().min(3) })).default([]),
});
export const agencyEntry = z.object({ name: z.string().min(1), aliases: z.array(z.string()).default([]) });
export const personEntry = z.object({
  name: z.string().min(1),
  variants: z.array(z.string()).default([]),
  short: z.array(z.string()).default([]),
  role: z.string().optional(),
  country: z.string().optional(),
});
export const placeEntry = z.object({
  name: z.string().min(1),
  variants: z.array(z.string()).default([]),
  kind: z.string().optional(),
  country: z.string().optional(),
});
export const boilerplateFile = z.object({
  widgets: z.array(z.string()),
  gluedWidgets: z.array(z.string()),
  footers: z.array(z.string()),
  relatedHeaders: z.array(z.string()),
  sections: z.array(z.string()),
  continuations: z.array(z.string()),
  relatedInline: z.array(z.string()),
  anonymousBylines: z.array(z.string()),
  commentHeaders: z.array(z.string()),
  nonNameWords: z.array(z.string()),
});

export type OutletEntry = z.infer<typeof outletEntry>;
export type AgencyEntry = z.infer<typeof agencyEntry>;
export type PersonEntry = z.infer<typeof personEntry>;
export type PlaceEntry = z.infer<typeof placeEntry>;
export type Boilerplate = z.infer<typeof boilerplateFile>;

/** An archive's knowledge: what it adds to the built-in registries (Vietnamese press knowledge stays built in). */
export const knowledgeSchema = z.object({
  outlets: z.array(outletEntry).optional(),
  agencies: z.array(agencyEntry).optional(),
  people: z.array(personEntry).optional(),
  places: z.array(placeEntry).optional(),
  /** junk phrases, by the boilerplate registry's kinds ("widgets", "footers", "sections"…): patterns, as there */
  junk: boilerplateFile.partial().optional().superRefine((junk, ctx) => {
    for (const [kind, patterns] of Object.entries(junk ?? {})) {
      (patterns ?? []).forEach((p, i) => {
        try {
          new RegExp(p, 'iu');
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: [kind, i], message: `not a valid pattern: ${(error as Error).message}` });
        }
      });
    }
  }),
}).strict();
export type Knowledge = z.infer<typeof knowledgeSchema>;

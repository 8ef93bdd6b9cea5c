/** ASCII slugs for Vietnamese names and titles: "Bình Nhưỡng" → "binh-nhuong", "Đà Nẵng" → "da-nang". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'khac';
}

/**
 * Gives each name a unique slug: names are taken in the order given (callers pass
 * a deterministic order), a clash gets "-2", "-3"…
 */
export function uniqueSlugs(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const name of names) {
    if (out.has(name)) continue;
    const base = slugify(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    out.set(name, slug);
  }
  return out;
}

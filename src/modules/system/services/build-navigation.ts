import type { z } from 'zod';
import type { NavEntry } from '../../../kernel/module.js';
import type { NavigationSchema } from '../contract.js';

type Navigation = z.infer<typeof NavigationSchema>;

/** Groups the modules' nav entries into ordered sections (section order, then item order). */
export function buildNavigation(entries: readonly NavEntry[]): Navigation {
  const sections = new Map<string, { id: string; title: string; order: number; entries: NavEntry[] }>();
  for (const entry of entries) {
    const section = sections.get(entry.section.id) ?? { ...entry.section, entries: [] };
    section.entries.push(entry);
    sections.set(entry.section.id, section);
  }
  return {
    sections: [...sections.values()]
      .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
      .map((section) => ({
        id: section.id,
        title: section.title,
        items: section.entries
          .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title))
          .map(({ id, title, path, icon, description }) => ({ id, title, path, icon, description })),
      })),
  };
}

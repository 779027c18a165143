import { describe, expect, it } from 'vitest';
import type { NavEntry } from '../../../kernel/module.js';
import { buildNavigation } from './build-navigation.js';

const entry = (id: string, section: NavEntry['section'], order: number): NavEntry => ({
  section,
  id,
  title: id,
  path: `/${id}`,
  icon: 'server',
  description: `${id} page`,
  order,
});

describe('buildNavigation', () => {
  it('groups entries by section and orders sections and items', () => {
    const platform = { id: 'platform', title: 'Platform', order: 90 };
    const build = { id: 'build', title: 'Build', order: 10 };
    const navigation = buildNavigation([
      entry('system', platform, 100),
      entry('keys', build, 20),
      entry('apps', build, 10),
    ]);
    expect(navigation.sections.map((section) => section.id)).toEqual(['build', 'platform']);
    expect(navigation.sections[0]?.items.map((item) => item.id)).toEqual(['apps', 'keys']);
    expect(navigation.sections[1]?.items[0]).toEqual({
      id: 'system',
      title: 'system',
      path: '/system',
      icon: 'server',
      description: 'system page',
    });
  });

  it('returns no sections when no module declares pages', () => {
    expect(buildNavigation([])).toEqual({ sections: [] });
  });
});

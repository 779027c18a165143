import { describe, expect, it } from 'vitest';
import { type AppTab, resolveAppTabs } from './app-tabs.js';

const Panel = () => null;
const tab = (id: string, order: number, placeholder?: boolean): AppTab => ({
  id,
  title: id,
  order,
  Panel,
  ...(placeholder ? { placeholder } : {}),
});

describe('resolveAppTabs', () => {
  it('orders the tabs and lets a module’s real tab replace the placeholder of the same id', () => {
    const own = [tab('overview', 0), tab('keys', 10, true), tab('logs', 30, true)];
    const keys = tab('keys', 10);
    const tabs = resolveAppTabs(own, [keys, tab('usage', 5)]);
    expect(tabs.map((entry) => entry.id)).toEqual(['overview', 'usage', 'keys', 'logs']);
    expect(tabs.find((entry) => entry.id === 'keys')).toBe(keys);
  });

  it('keeps the first real tab when two claim one id, and placeholders never replace a real tab', () => {
    const first = tab('keys', 10);
    expect(resolveAppTabs([first], [tab('keys', 10), tab('keys', 10, true)])).toEqual([first]);
  });

  it('reads the modules’ contributions by default and keeps the page’s own first tab', () => {
    expect(resolveAppTabs([tab('overview', -1)])[0]?.id).toBe('overview');
  });
});

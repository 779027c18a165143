import { describe, expect, it } from 'vitest';
import { type LogTab, resolveLogTabs } from './log-tabs.js';

const Panel = () => null;
const tab = (id: string, order: number, title = id): LogTab => ({
  id,
  title,
  order,
  description: id,
  searchKeys: [],
  Panel,
});

describe('resolveLogTabs', () => {
  it('orders the tabs by order, then title, and keeps the first of two with one id', () => {
    const first = tab('webhooks', 10);
    const tabs = resolveLogTabs([first, tab('jobs', 5), tab('webhooks', 1), tab('audit', 10, 'Audit')]);
    expect(tabs.map((entry) => entry.id)).toEqual(['jobs', 'audit', 'webhooks']);
    expect(tabs.find((entry) => entry.id === 'webhooks')).toBe(first);
  });

  it('reads the modules’ contributions by default', () => {
    expect(resolveLogTabs().map((entry) => entry.id)).toContain('webhooks');
  });
});

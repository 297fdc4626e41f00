import { ItemAction, ItemStatus, LifecycleError, canTransition, transition } from './item-lifecycle';

describe('item lifecycle', () => {
  const table: [ItemStatus, ItemAction, ItemStatus | 'error'][] = [
    ['draft', 'publish', 'published'],
    ['draft', 'edit', 'draft'],
    ['draft', 'withdraw', 'withdrawn'],
    ['draft', 'expire', 'error'],
    ['draft', 'close', 'error'],
    ['published', 'edit', 'published'],
    ['published', 'publish', 'error'],
    ['published', 'withdraw', 'withdrawn'],
    ['published', 'expire', 'expired'],
    ['published', 'close', 'closed'],
    ['withdrawn', 'edit', 'error'],
    ['withdrawn', 'publish', 'error'],
    ['expired', 'edit', 'error'],
    ['expired', 'withdraw', 'error'],
    ['closed', 'edit', 'error'],
  ];

  it.each(table)('%s --%s--> %s', (from, action, expected) => {
    if (expected === 'error') {
      expect(() => transition(from, action)).toThrow(LifecycleError);
      expect(canTransition(from, action)).toBe(false);
    } else {
      expect(transition(from, action)).toBe(expected);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { findTimeRefs, pickDeadline } from './deadlines';

// Wednesday 5 March 2025, 15:00 UTC.
const NOW = new Date('2025-03-05T15:00:00Z');
const due = (text: string) => pickDeadline(findTimeRefs(text, NOW))?.due.toISOString();

describe('findTimeRefs', () => {
  it.each([
    ['Can you send it by EOD?', '2025-03-05T17:00:00.000Z'],
    ['Please reply by end of day', '2025-03-05T17:00:00.000Z'],
    ['I need it by tomorrow', '2025-03-06T17:00:00.000Z'],
    ["I'll review it with legal by Thursday", '2025-03-06T17:00:00.000Z'],
    ['Send it by Friday', '2025-03-07T17:00:00.000Z'],
    ['by Wednesday', '2025-03-05T17:00:00.000Z'],
    ['by next Friday', '2025-03-14T17:00:00.000Z'],
    ['by Monday', '2025-03-10T17:00:00.000Z'],
    ['before the 15th', '2025-03-15T17:00:00.000Z'],
    ['before the 3rd', '2025-04-03T17:00:00.000Z'],
    ['by end of week', '2025-03-07T17:00:00.000Z'],
    ['by the end of the month', '2025-03-31T17:00:00.000Z'],
    ['sometime next week', '2025-03-10T17:00:00.000Z'],
    ['by March 20', '2025-03-20T17:00:00.000Z'],
    ['on 2 April', '2025-04-02T17:00:00.000Z'],
    ['by 3/14', '2025-03-14T17:00:00.000Z'],
    ['within 24 hours', '2025-03-06T15:00:00.000Z'],
    ['in two days', '2025-03-07T15:00:00.000Z'],
    ['by Jan 10', '2026-01-10T17:00:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(due(text)).toBe(expected);
  });

  it('ignores past and non-date look-alikes', () => {
    expect(findTimeRefs('We met last Friday', NOW)).toEqual([]);
    expect(findTimeRefs('This is the 2nd time I ask', NOW)).toEqual([]);
    expect(findTimeRefs('We offer 24/7 support', NOW)).toEqual([]);
  });

  it('marks deadlines introduced by "by"/"before" as strong', () => {
    const [byFriday] = findTimeRefs('Send it by Friday', NOW);
    const [onFriday] = findTimeRefs('Friday works for a call', NOW);
    expect(byFriday?.strong).toBe(true);
    expect(onFriday?.strong).toBe(false);
    expect(findTimeRefs('Please reply by EOD', NOW)[0]?.strong).toBe(true);
  });

  it('prefers the strong deadline over an earlier casual mention', () => {
    const refs = findTimeRefs('Tomorrow is busy, but I need the deck by Friday', NOW);
    expect(refs).toHaveLength(2);
    expect(pickDeadline(refs)?.phrase).toBe('Friday');
  });

  it('reports hours until the deadline', () => {
    expect(findTimeRefs('by tomorrow', NOW)[0]?.hours).toBe(26);
  });
});

import type { CalendarEventType } from '@flow/contracts';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { suggestSlots } from './suggest';
import type { SuggestSlotsInput, WorkingHours } from './types';

/**
 * Properties that must hold for any calendar: no suggestion overlaps an event (with its travel
 * buffer, and the slot's own preparation and travel), every suggestion lies in working hours in
 * the user's zone, starts after now, and lasts exactly the requested time.
 */

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
/** DST switches of 2025 in those zones; `now` is drawn within ten days of one of them. */
const SWITCHES = [
  '2025-03-09T07:00:00Z',
  '2025-11-02T06:00:00Z',
  '2025-03-30T01:00:00Z',
  '2025-10-26T01:00:00Z',
  '2025-04-05T16:00:00Z',
  '2025-10-04T16:00:00Z',
].map((iso) => Date.parse(iso));
const PHYSICAL = 'Client office, 12 Main Street';
const LOCATIONS = [undefined, PHYSICAL, 'https://meet.example.com/abc', 'Room 2'];
const TYPES: CalendarEventType[] = ['meeting', 'call', 'demo', 'follow-up', 'internal', 'personal'];
const MIN = 60_000;

const hm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const workingHours: fc.Arbitrary<WorkingHours | undefined> = fc.option(
  fc
    .record({
      open: fc.integer({ min: 6 * 4, max: 11 * 4 }).map((q) => q * 15),
      length: fc.integer({ min: 4 * 4, max: 10 * 4 }).map((q) => q * 15),
      days: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 7 }),
    })
    .map(({ open, length, days }) => ({ start: hm(open), end: hm(open + length), days })),
  { nil: undefined },
);

const input: fc.Arbitrary<SuggestSlotsInput> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    switchAt: fc.constantFrom(...SWITCHES),
    offsetMinutes: fc.integer({ min: -10 * 24 * 60, max: 10 * 24 * 60 }),
    durationMinutes: fc.integer({ min: 1, max: 48 }).map((n) => n * 5),
    events: fc.array(
      fc.record({
        startOffset: fc.integer({ min: -2 * 24 * 60, max: 16 * 24 * 60 }),
        length: fc.integer({ min: 5, max: 300 }),
        location: fc.constantFrom(...LOCATIONS),
        type: fc.constantFrom(...TYPES),
      }),
      { maxLength: 40 },
    ),
    workingHours,
    horizonDays: fc.integer({ min: 1, max: 14 }),
    travelMinutes: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    preparationMinutes: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
    location: fc.constantFrom(...LOCATIONS),
    count: fc.integer({ min: 1, max: 12 }),
  })
  .map((r) => {
    const now = r.switchAt + r.offsetMinutes * MIN;
    return {
      durationMinutes: r.durationMinutes,
      timezone: r.zone,
      now: new Date(now),
      events: r.events.map((e) => ({
        startTime: new Date(now + e.startOffset * MIN).toISOString(),
        endTime: new Date(now + (e.startOffset + e.length) * MIN).toISOString(),
        type: e.type,
        ...(e.location ? { location: e.location } : {}),
      })),
      workingHours: r.workingHours,
      horizonDays: r.horizonDays,
      travelMinutes: r.travelMinutes,
      preparationMinutes: r.preparationMinutes,
      type: r.type,
      location: r.location,
      count: r.count,
    };
  });

const minutesOfDay = (d: DateTime) => d.hour * 60 + d.minute;
const parseHm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

describe('suggestSlots properties', () => {
  it('never overlaps an event, stays in local working hours, starts after now, lasts the duration', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const result = suggestSlots(inp);
        const travel = inp.travelMinutes ?? 30;
        const ownTravel = inp.location === PHYSICAL ? travel : 0;
        const prep = result.preparationTimeNeeded;
        const hours = inp.workingHours ?? { start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] };
        const days = hours.days.map((d) => (d === 0 ? 7 : d));
        for (const slot of result.suggestedTimes) {
          const start = Date.parse(slot.startTime);
          const end = Date.parse(slot.endTime);
          expect(end - start).toBe(inp.durationMinutes * MIN);
          expect(start).toBeGreaterThan(inp.now.getTime());
          const need = { start: start - (prep + ownTravel) * MIN, end: end + ownTravel * MIN };
          for (const e of inp.events) {
            const pad = e.location === PHYSICAL ? travel * MIN : 0;
            const busy = { start: Date.parse(e.startTime) - pad, end: Date.parse(e.endTime) + pad };
            expect(need.start < busy.end && busy.start < need.end).toBe(false);
          }
          const s = DateTime.fromMillis(start, { zone: inp.timezone });
          const f = DateTime.fromMillis(end, { zone: inp.timezone });
          expect(days).toContain(s.weekday);
          expect(s.hasSame(f, 'day')).toBe(true);
          expect(minutesOfDay(s)).toBeGreaterThanOrEqual(parseHm(hours.start));
          expect(minutesOfDay(f)).toBeLessThanOrEqual(parseHm(hours.end));
          expect(s.minute % 15).toBe(0);
        }
      }),
      { numRuns: 300, seed: 20250309 },
    );
  });

  it('never suggests the same time twice and respects the count', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const starts = suggestSlots(inp).suggestedTimes.map((s) => s.startTime);
        expect(new Set(starts).size).toBe(starts.length);
        expect(starts.length).toBeLessThanOrEqual(inp.count ?? 5);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

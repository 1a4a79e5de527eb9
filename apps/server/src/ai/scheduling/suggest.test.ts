import { SmartSchedulingSchema } from '@flow/contracts';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { suggestSlots } from './suggest';
import type { SuggestSlotsInput } from './types';

const NY = 'America/New_York';
const base = (over: Partial<SuggestSlotsInput>): SuggestSlotsInput => ({
  durationMinutes: 60,
  events: [],
  timezone: NY,
  now: new Date('2025-03-07T12:00:00Z'),
  ...over,
});
const local = (iso: string, zone: string) =>
  DateTime.fromISO(iso, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
const window = (startTime: string, endTime: string) => ({ startTime, endTime });

describe('suggestSlots across DST changes', () => {
  it('keeps 9:00 local on both sides of the March switch (New York)', () => {
    // Friday 7 March is EST (UTC-5); Monday 10 March is EDT (UTC-4).
    const before = suggestSlots(
      base({ preferredTimes: [window('2025-03-07T14:00:00Z', '2025-03-07T15:00:00Z')] }),
    );
    const after = suggestSlots(
      base({ preferredTimes: [window('2025-03-10T13:00:00Z', '2025-03-10T14:00:00Z')] }),
    );
    expect(before.suggestedTimes[0]?.startTime).toBe('2025-03-07T14:00:00.000Z');
    expect(after.suggestedTimes[0]?.startTime).toBe('2025-03-10T13:00:00.000Z');
    expect(local(after.suggestedTimes[0]?.startTime ?? '', NY)).toBe('Mon 2025-03-10 09:00');
  });

  it('never offers 8:00 local on the Monday after the switch, though it was 9:00 the week before in UTC terms', () => {
    const r = suggestSlots(
      base({ preferredTimes: [window('2025-03-10T12:00:00Z', '2025-03-10T13:00:00Z')], count: 20 }),
    );
    expect(r.suggestedTimes.map((s) => s.startTime)).not.toContain('2025-03-10T12:00:00.000Z');
  });

  it('keeps 9:00 local on both sides of the November switch (New York and Berlin)', () => {
    const now = new Date('2025-10-20T12:00:00Z');
    const ny = suggestSlots(
      base({ now, preferredTimes: [window('2025-11-03T14:00:00Z', '2025-11-03T15:00:00Z')] }),
    );
    expect(ny.suggestedTimes[0]?.startTime).toBe('2025-11-03T14:00:00.000Z');
    const nyBefore = suggestSlots(
      base({ now, preferredTimes: [window('2025-10-31T13:00:00Z', '2025-10-31T14:00:00Z')] }),
    );
    expect(nyBefore.suggestedTimes[0]?.startTime).toBe('2025-10-31T13:00:00.000Z');
    // Berlin leaves summer time on 26 October: 9:00 is 07:00Z before and 08:00Z after.
    const berlin = { timezone: 'Europe/Berlin', now };
    const fri = suggestSlots(
      base({ ...berlin, preferredTimes: [window('2025-10-24T07:00:00Z', '2025-10-24T08:00:00Z')] }),
    );
    const mon = suggestSlots(
      base({ ...berlin, preferredTimes: [window('2025-10-27T08:00:00Z', '2025-10-27T09:00:00Z')] }),
    );
    expect(fri.suggestedTimes[0]?.startTime).toBe('2025-10-24T07:00:00.000Z');
    expect(mon.suggestedTimes[0]?.startTime).toBe('2025-10-27T08:00:00.000Z');
  });

  it('keeps working hours local in Sydney when daylight saving ends in April', () => {
    const r = suggestSlots(
      base({
        timezone: 'Australia/Sydney',
        now: new Date('2025-04-01T00:00:00Z'),
        count: 20,
        horizonDays: 10,
      }),
    );
    for (const s of r.suggestedTimes) {
      const start = DateTime.fromISO(s.startTime, { zone: 'Australia/Sydney' });
      expect(start.hour * 60 + start.minute).toBeGreaterThanOrEqual(9 * 60);
      expect(start.hour * 60 + start.minute + 60).toBeLessThanOrEqual(17 * 60 + 30);
    }
  });
});

describe('suggestSlots: buffers and conflicts', () => {
  const meeting = {
    startTime: '2025-03-10T14:00:00Z',
    endTime: '2025-03-10T15:00:00Z',
    type: 'meeting' as const,
  };

  it('leaves room to prepare after an event and warns that the preferred time is double-booked', () => {
    const r = suggestSlots(
      base({
        events: [meeting],
        preferredTimes: [window('2025-03-10T14:00:00Z', '2025-03-10T17:00:00Z')],
        preparationMinutes: 15,
      }),
    );
    const top = r.suggestedTimes[0];
    expect(top && Date.parse(top.startTime)).toBeGreaterThanOrEqual(
      Date.parse('2025-03-10T15:15:00Z'),
    );
    expect(r.conflictWarnings).toContainEqual(
      expect.objectContaining({ type: 'double-booking', severity: 'medium' }),
    );
    expect(r.preparationTimeNeeded).toBe(15);
  });

  it('says a preferred time is fully taken with high severity', () => {
    const r = suggestSlots(
      base({
        events: [meeting],
        preferredTimes: [window('2025-03-10T14:00:00Z', '2025-03-10T15:00:00Z')],
      }),
    );
    expect(r.conflictWarnings[0]).toMatchObject({ type: 'double-booking', severity: 'high' });
    expect(r.suggestedTimes.map((s) => s.startTime)).not.toContain('2025-03-10T14:00:00.000Z');
  });

  it('keeps travel time around an in-person event and explains a preferred time lost to it', () => {
    const onSite = { ...meeting, location: 'Globex HQ, 12 Main St' };
    const r = suggestSlots(
      base({
        events: [onSite],
        travelMinutes: 45,
        preferredTimes: [window('2025-03-10T15:00:00Z', '2025-03-10T16:00:00Z')],
        count: 20,
      }),
    );
    expect(r.conflictWarnings).toContainEqual(
      expect.objectContaining({ type: 'travel-time', severity: 'high' }),
    );
    for (const s of r.suggestedTimes) {
      const clear =
        Date.parse(s.endTime) <= Date.parse('2025-03-10T13:15:00Z') ||
        Date.parse(s.startTime) >= Date.parse('2025-03-10T15:45:00Z');
      expect(clear).toBe(true);
    }
  });

  it('does not add travel for a video call or an office room', () => {
    const events = [
      { ...meeting, location: 'https://zoom.us/j/123' },
      {
        startTime: '2025-03-10T16:00:00Z',
        endTime: '2025-03-10T17:00:00Z',
        type: 'internal' as const,
        location: 'Room 4B',
      },
    ];
    const r = suggestSlots(
      base({
        events,
        preparationMinutes: 0,
        preferredTimes: [window('2025-03-10T15:00:00Z', '2025-03-10T16:00:00Z')],
      }),
    );
    expect(r.suggestedTimes[0]?.startTime).toBe('2025-03-10T15:00:00.000Z');
    expect(r.travelTimeEstimate).toBeUndefined();
    expect(r.conflictWarnings).toContainEqual(expect.objectContaining({ type: 'back-to-back' }));
  });

  it('estimates travel for an in-person meeting and keeps it free on both sides', () => {
    const r = suggestSlots(
      base({
        location: 'Client site, 5th Avenue',
        travelMinutes: 20,
        events: [meeting],
        count: 20,
      }),
    );
    expect(r.travelTimeEstimate).toBe(20);
    for (const s of r.suggestedTimes) {
      const start = Date.parse(s.startTime);
      const end = Date.parse(s.endTime);
      const need = {
        start: start - (r.preparationTimeNeeded + 20) * 60_000,
        end: end + 20 * 60_000,
      };
      expect(
        need.end <= Date.parse(meeting.startTime) || need.start >= Date.parse(meeting.endTime),
      ).toBe(true);
    }
  });

  it('answers with a high warning and no slots when the calendar is full', () => {
    const events = [
      {
        startTime: '2025-03-07T00:00:00Z',
        endTime: '2025-03-30T00:00:00Z',
        type: 'personal' as const,
      },
    ];
    const r = suggestSlots(base({ events, horizonDays: 7 }));
    expect(r.suggestedTimes).toEqual([]);
    expect(r.conflictWarnings[0]).toMatchObject({ type: 'double-booking', severity: 'high' });
  });
});

describe('suggestSlots: ranking', () => {
  it('puts demos in the morning and asks for more preparation', () => {
    const r = suggestSlots(base({ type: 'demo' }));
    expect(r.preparationTimeNeeded).toBe(30);
    const top = DateTime.fromISO(r.suggestedTimes[0]?.startTime ?? '', { zone: NY });
    expect(top.hour).toBeLessThan(12);
    expect(r.suggestedTimes[0]?.reason).toMatch(/morning/i);
  });

  it('prefers times inside the contact’s working day and says so', () => {
    const r = suggestSlots(base({ contactTimezone: 'Europe/Berlin' }));
    const top = DateTime.fromISO(r.suggestedTimes[0]?.startTime ?? '', { zone: 'Europe/Berlin' });
    expect(top.hour * 60 + top.minute + 60).toBeLessThanOrEqual(17 * 60 + 30);
    expect(r.suggestedTimes[0]?.reason).toMatch(
      /for the contact \(Europe\/Berlin\), within their working day/,
    );
  });

  it('returns future slots on the 15-minute grid, sorted by confidence, valid for the contract', () => {
    const r = suggestSlots(base({ now: new Date('2025-03-07T14:07:00Z'), count: 10 }));
    expect(SmartSchedulingSchema.safeParse(r).success).toBe(true);
    const confidences = r.suggestedTimes.map((s) => s.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    for (const s of r.suggestedTimes) {
      expect(Date.parse(s.startTime)).toBeGreaterThan(Date.parse('2025-03-07T14:07:00Z'));
      expect(DateTime.fromISO(s.startTime, { zone: NY }).minute % 15).toBe(0);
    }
  });

  it('is deterministic and rejects an unknown time zone', () => {
    const input = base({
      events: [
        { startTime: '2025-03-10T14:00:00Z', endTime: '2025-03-10T15:00:00Z', type: 'call' },
      ],
    });
    expect(suggestSlots(input)).toEqual(suggestSlots(input));
    expect(() => suggestSlots(base({ timezone: 'Nowhere/City' }))).toThrow(RangeError);
  });
});

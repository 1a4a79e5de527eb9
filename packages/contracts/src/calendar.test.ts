import { describe, expect, it } from 'vitest';
import {
  CalendarEventsQuerySchema,
  CreateCalendarEventBodySchema,
  MeetingOutcomeBodySchema,
  MeetingOutcomeSchema,
  SmartSchedulingBodySchema,
  UpdateCalendarEventBodySchema,
} from './calendar';

const newEvent = () => ({
  title: 'Renewal review with Northwind',
  type: 'meeting',
  startTime: '2025-03-10T14:00:00Z',
  endTime: '2025-03-10T15:00:00Z',
  contactId: 'c1',
  attendees: [{ name: 'Dana Whitfield', email: 'dana@northwind.example', role: 'VP Operations' }],
});

const outcome = () => ({
  summary: 'Agreed on the renewal scope',
  nextSteps: ['Send revised proposal'],
  sentimentScore: 40,
  keyDecisions: ['Three-year term'],
  followUpRequired: true,
  followUpDate: '2025-03-17T14:00:00Z',
  meetingRating: 4,
});

describe('CreateCalendarEventBodySchema', () => {
  it('accepts an event that ends after it starts', () => {
    expect(CreateCalendarEventBodySchema.safeParse(newEvent()).success).toBe(true);
  });

  it('rejects endTime equal to or before startTime, on the endTime path', () => {
    for (const endTime of ['2025-03-10T14:00:00Z', '2025-03-10T13:00:00Z']) {
      const result = CreateCalendarEventBodySchema.safeParse({ ...newEvent(), endTime });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
      expect(result.error?.issues[0]?.path).toEqual(['endTime']);
    }
  });

  it('compares instants, not strings, across offsets', () => {
    // 15:30+02:00 is 13:30Z: before the 14:00Z start although it sorts later as text.
    const result = CreateCalendarEventBodySchema.safeParse({
      ...newEvent(),
      endTime: '2025-03-10T15:30:00+02:00',
    });
    expect(result.success).toBe(false);
  });

  it('rejects a bad attendee email and unknown fields', () => {
    const badEmail = { ...newEvent(), attendees: [{ name: 'Dana', email: 'dana' }] };
    const result = CreateCalendarEventBodySchema.safeParse(badEmail);
    expect(result.error?.issues[0]?.path).toEqual(['attendees', 0, 'email']);
    expect(CreateCalendarEventBodySchema.safeParse({ ...newEvent(), aiInsights: [] }).success).toBe(
      false,
    );
  });
});

describe('UpdateCalendarEventBodySchema', () => {
  it('accepts one end alone but not a reversed pair', () => {
    expect(
      UpdateCalendarEventBodySchema.safeParse({ endTime: '2025-03-10T16:00:00Z' }).success,
    ).toBe(true);
    const reversed = UpdateCalendarEventBodySchema.safeParse({
      startTime: '2025-03-10T16:00:00Z',
      endTime: '2025-03-10T15:00:00Z',
    });
    expect(reversed.error?.issues[0]?.path).toEqual(['endTime']);
    expect(UpdateCalendarEventBodySchema.safeParse({ preparation: {} }).success).toBe(false);
  });
});

describe('MeetingOutcome', () => {
  it('accepts sentimentScore from -100 to 100 and rejects beyond', () => {
    for (const sentimentScore of [-100, 0, 100]) {
      expect(MeetingOutcomeBodySchema.safeParse({ ...outcome(), sentimentScore }).success).toBe(
        true,
      );
    }
    for (const sentimentScore of [-101, 101]) {
      expect(MeetingOutcomeBodySchema.safeParse({ ...outcome(), sentimentScore }).success).toBe(
        false,
      );
      expect(MeetingOutcomeSchema.safeParse({ ...outcome(), sentimentScore }).success).toBe(false);
    }
  });

  it('accepts meetingRating 1 to 5 only, in whole stars', () => {
    for (const meetingRating of [1, 5]) {
      expect(MeetingOutcomeBodySchema.safeParse({ ...outcome(), meetingRating }).success).toBe(
        true,
      );
    }
    for (const meetingRating of [0, 6, 4.5]) {
      expect(MeetingOutcomeBodySchema.safeParse({ ...outcome(), meetingRating }).success).toBe(
        false,
      );
    }
  });

  it('is strict as a body but not as a stored model', () => {
    expect(MeetingOutcomeBodySchema.safeParse({ ...outcome(), mood: 'good' }).success).toBe(false);
    expect(MeetingOutcomeSchema.safeParse({ ...outcome(), mood: 'good' }).success).toBe(true);
  });
});

describe('CalendarEventsQuerySchema', () => {
  it('reads a window and a filter, and rejects a reversed window', () => {
    expect(
      CalendarEventsQuerySchema.parse({
        start: '2025-03-10',
        end: '2025-03-16',
        filter: 'meetings',
      }),
    ).toMatchObject({ start: '2025-03-10', end: '2025-03-16', filter: 'meetings' });
    expect(
      CalendarEventsQuerySchema.safeParse({ start: '2025-03-16', end: '2025-03-10' }).success,
    ).toBe(false);
    expect(CalendarEventsQuerySchema.safeParse({ sort: 'location' }).success).toBe(false);
    expect(CalendarEventsQuerySchema.safeParse({ q: 'x' }).success).toBe(false);
  });

  it('takes a search (the NL query engine links /calendar?search=…), capped in length', () => {
    expect(CalendarEventsQuerySchema.parse({ search: ' Maria ' }).search).toBe('Maria');
    expect(CalendarEventsQuerySchema.safeParse({ search: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('SmartSchedulingBodySchema', () => {
  it('takes a duration in minutes within a working day', () => {
    expect(SmartSchedulingBodySchema.safeParse({ contactId: 'c1', duration: 30 }).success).toBe(
      true,
    );
    expect(SmartSchedulingBodySchema.safeParse({ duration: 0 }).success).toBe(false);
    expect(SmartSchedulingBodySchema.safeParse({ duration: 24 * 60 }).success).toBe(false);
  });
});

import { CalendarStatsSchema, SmartSchedulingSchema } from '@flow/contracts';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { createTeam } from '../helpers/factories';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { expectErrorShape } from '../helpers/visibility';
import { insertDeal, listIds, newContact, newEvent } from './calendar-fixtures';

/** Sunday 16 March 2025, 20:00 UTC: already Monday 05:00 in Tokyo. */
const SUNDAY_EVENING = new Date('2025-03-16T20:00:00.000Z');

const slot = (start: string, minutes = 60) => ({
  startTime: start,
  endTime: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
});

describe.each(testDatabaseKinds)('calendar time and feed on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  /** A user of an organization of their own, in Tokyo: every event they see is made here. */
  let tokyo: string;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => SUNDAY_EVENING });
    cast = await signedInTeams(t);
    const team = await createTeam(t.db.handle.db, 'Zones');
    tokyo = (await t.login(team.sales.email)).token;
  });
  afterAll(() => t.close());

  const stats = async (token: string) =>
    CalendarStatsSchema.parse((await t.request('GET', '/api/calendar/stats', { token })).body);
  const setZone = async (token: string, timezone: string) => {
    const res = await t.request('PATCH', '/api/auth/me', {
      token,
      body: { preferences: { timezone } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  it('counts this week, Monday to Sunday, in the user’s time zone', async () => {
    const friday = await newEvent(t, tokyo, { ...slot('2025-03-14T10:00:00Z'), priority: 'high' });
    const sundayUtc = await newEvent(t, tokyo, slot('2025-03-16T16:00:00Z'));
    const tuesday = await newEvent(t, tokyo, { ...slot('2025-03-18T10:00:00Z'), type: 'call' });
    const cancelled = await newEvent(t, tokyo, {
      ...slot('2025-03-15T10:00:00Z'),
      status: 'cancelled',
    });
    const gone = await newEvent(t, tokyo, slot('2025-03-13T10:00:00Z'));
    await t.request('DELETE', `/api/calendar/events/${gone.id}`, { token: tokyo });

    // In UTC the week is 10–16 March: Friday's and Sunday's meetings.
    expect(await stats(tokyo)).toEqual({
      totalThisWeek: 2,
      meetingsThisWeek: 2,
      highPriorityThisWeek: 1,
      followUpsNeeded: 0,
    });
    // The list still shows the cancelled meeting (greyed out in the grid); the cards do not count it.
    expect(await listIds(t, tokyo, '&filter=this-week')).toEqual([
      friday.id,
      cancelled.id,
      sundayUtc.id,
    ]);

    // In Tokyo it is Monday already: Sunday 16:00 UTC is Monday 01:00 there.
    await setZone(tokyo, 'Asia/Tokyo');
    expect(await stats(tokyo)).toEqual({
      totalThisWeek: 2,
      meetingsThisWeek: 1,
      highPriorityThisWeek: 0,
      followUpsNeeded: 0,
    });
    expect(await listIds(t, tokyo, '&filter=this-week')).toEqual([sundayUtc.id, tuesday.id]);
  });

  it('reads bare dates in a window as days of the user’s time zone', async () => {
    const lateUtc = await newEvent(t, tokyo, slot('2025-03-19T16:00:00Z', 30));
    // 19 March in Tokyo runs from 18 March 15:00 UTC to 19 March 15:00 UTC.
    expect(await listIds(t, tokyo, '&start=2025-03-19&end=2025-03-19')).toEqual([]);
    expect(await listIds(t, tokyo, '&start=2025-03-20&end=2025-03-20')).toEqual([lateUtc.id]);
    await t.request('DELETE', `/api/calendar/events/${lateUtc.id}`, { token: tokyo });
  });

  it('counts follow-ups still owed until the follow-up is completed', async () => {
    const event = await newEvent(t, tokyo, slot('2025-03-17T02:00:00Z'));
    const res = await t.request('POST', `/api/calendar/events/${event.id}/outcome`, {
      token: tokyo,
      body: {
        summary: 'Good talk',
        nextSteps: ['Send pricing'],
        sentimentScore: 30,
        keyDecisions: [],
        followUpRequired: true,
        meetingRating: 4,
      },
    });
    expect(res.status).toBe(200);
    expect((await stats(tokyo)).followUpsNeeded).toBe(1);
    const followUp = await t.db.handle.db
      .selectFrom('calendar_events')
      .select(['id', 'start_time'])
      .where('follow_up_of', '=', event.id)
      .executeTakeFirstOrThrow();
    // The owner is in Tokyo: the meeting ends Monday 12:00 there, so Tuesday 10:00 JST.
    expect(followUp.start_time).toBe('2025-03-18T01:00:00.000Z');
    await t.request('PATCH', `/api/calendar/events/${followUp.id}/status`, {
      token: tokyo,
      body: { status: 'completed' },
    });
    expect((await stats(tokyo)).followUpsNeeded).toBe(0);
  });

  it('suggests slots in working hours that never overlap the caller’s events', async () => {
    const token = cast.tokens.sales2;
    const busy = [
      slot('2025-03-17T09:00:00Z', 180),
      slot('2025-03-17T13:00:00Z', 270),
      slot('2025-03-18T10:00:00Z', 60),
      slot('2025-03-18T14:30:00Z', 45),
    ];
    for (const b of busy) await newEvent(t, token, b);
    await newEvent(t, token, { ...slot('2025-03-18T09:00:00Z', 60), status: 'cancelled' });
    const res = await t.request('POST', '/api/calendar/smart-scheduling', {
      token,
      body: { duration: 60 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const result = SmartSchedulingSchema.parse(res.body);
    expect(result.suggestedTimes.length).toBeGreaterThan(0);
    expect(result.preparationTimeNeeded).toBe(15);
    for (const s of result.suggestedTimes) {
      const [start, end] = [Date.parse(s.startTime), Date.parse(s.endTime)];
      expect(end - start).toBe(3_600_000);
      expect(start).toBeGreaterThan(SUNDAY_EVENING.getTime());
      for (const b of busy) {
        const overlaps = start < Date.parse(b.endTime) && Date.parse(b.startTime) < end;
        expect(overlaps, `${s.startTime} overlaps ${b.startTime}`).toBe(false);
      }
      const local = DateTime.fromMillis(start, { zone: 'UTC' });
      expect(local.weekday).toBeLessThanOrEqual(5);
      expect(local.hour).toBeGreaterThanOrEqual(9);
      expect(local.hour * 60 + local.minute + 60).toBeLessThanOrEqual(17 * 60 + 30);
    }
    // Monday is full: its one free hour has no room to prepare.
    expect(result.suggestedTimes.some((s) => s.startTime.startsWith('2025-03-17'))).toBe(false);
    // The cancelled event does not block its hour.
    const preferred = await t.request('POST', '/api/calendar/smart-scheduling', {
      token,
      body: { duration: 30, preferredTimes: [slot('2025-03-18T09:00:00Z', 60)] },
    });
    expect(
      preferred.body.suggestedTimes.some((s: { startTime: string }) =>
        s.startTime.startsWith('2025-03-18T09:'),
      ),
    ).toBe(true);
  });

  it('works in the caller’s zone, implies a demo for a deal being proposed, and checks ids', async () => {
    const res = await t.request('POST', '/api/calendar/smart-scheduling', {
      token: tokyo,
      body: { duration: 45 },
    });
    for (const s of SmartSchedulingSchema.parse(res.body).suggestedTimes) {
      const local = DateTime.fromISO(s.startTime, { zone: 'Asia/Tokyo' });
      expect(local.hour * 60 + local.minute).toBeGreaterThanOrEqual(9 * 60);
      expect(local.hour * 60 + local.minute + 45).toBeLessThanOrEqual(17 * 60 + 30);
    }
    const contact = await newContact(t, cast.tokens.sales2);
    const deal = await insertDeal(t, cast.acme.sales2, {
      title: 'Scoping',
      contactId: contact.id,
      stage: 'qualified',
    });
    const demo = await t.request('POST', '/api/calendar/smart-scheduling', {
      token: cast.tokens.sales2,
      body: { duration: 60, dealId: deal, contactId: contact.id },
    });
    expect(demo.body.preparationTimeNeeded).toBe(30);
    const hidden = await t.request('POST', '/api/calendar/smart-scheduling', {
      token: cast.tokens.sales,
      body: { duration: 60, contactId: contact.id },
    });
    expect(hidden.status).toBe(422);
    expect(Object.keys(hidden.body.error.details.fields)).toEqual(['contactId']);
  });

  it('serves the owner’s events as an iCalendar feed authenticated by the feed secret', async () => {
    const token = cast.tokens.sales;
    const alpha = await newEvent(t, token, {
      ...slot('2025-03-18T10:00:00Z'),
      title: 'Feed alpha',
    });
    const beta = await newEvent(t, token, { ...slot('2025-03-10T10:00:00Z'), title: 'Feed beta' });
    await newEvent(t, token, {
      ...slot('2025-03-19T10:00:00Z'),
      title: 'Feed cancelled',
      status: 'cancelled',
    });
    const deleted = await newEvent(t, token, {
      ...slot('2025-03-20T10:00:00Z'),
      title: 'Feed deleted',
    });
    await t.request('DELETE', `/api/calendar/events/${deleted.id}`, { token });
    await newEvent(t, token, { ...slot('2025-02-01T10:00:00Z'), title: 'Feed ancient' });
    await newEvent(t, token, { ...slot('2025-07-01T10:00:00Z'), title: 'Feed far' });
    await newEvent(t, cast.tokens.sales2, { ...slot('2025-03-18T12:00:00Z'), title: 'Feed other' });

    const link = await t.request('GET', '/api/calendar/feed-url', { token });
    expect(link.status).toBe(200);
    const url = new URL(link.body.url);
    expect(url.pathname).toBe('/api/calendar/feed.ics');
    const res = await t.request('GET', url.pathname + url.search);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const lines = (res.body as string).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter(Boolean).at(-1)).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('SUMMARY:')).sort()).toEqual([
      'SUMMARY:Feed alpha',
      'SUMMARY:Feed beta',
    ]);
    expect(lines.filter((l) => l.startsWith('UID:')).sort()).toEqual(
      [`UID:${alpha.id}@flow-crm`, `UID:${beta.id}@flow-crm`].sort(),
    );
    expect(lines).toContain('DTSTART:20250318T100000Z');
    const again = await t.request('GET', url.pathname + url.search);
    expect(again.body).toBe(res.body);

    for (const path of ['/api/calendar/feed.ics?token=not-the-secret', '/api/calendar/feed.ics']) {
      const refused = await t.request('GET', path);
      expect(refused.status, path).toBe(401);
      expectErrorShape(refused, path);
      expect(refused.body.error.code).toBe('UNAUTHORIZED');
    }
    expect((await t.request('GET', '/api/calendar/feed-url')).status).toBe(401);
  });
});

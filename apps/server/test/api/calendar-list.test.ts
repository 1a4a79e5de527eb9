import {
  CalendarEventListResponseSchema,
  CalendarEventStatusBodySchema,
  CreateCalendarEventBodySchema,
  MeetingOutcomeBodySchema,
  SmartSchedulingBodySchema,
  UpdateCalendarEventBodySchema,
} from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery, fuzzRoute } from '../helpers/fuzz';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { expectVisibilityMatrix } from '../helpers/visibility';
import { DAY, NOW, at, eventBody, listIds, newContact, newEvent } from './calendar-fixtures';

describe.each(testDatabaseKinds)('calendar lists, visibility and fuzz on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => NOW });
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  describe('listing', () => {
    // Another organization's user, so this block controls every event the list can show.
    let ids: Record<'lastWeek' | 'tuesday' | 'midnight' | 'nextWeek' | 'named', string>;
    const token = () => cast.tokens.globexSales;
    const list = (query: string) => listIds(t, token(), query);

    beforeAll(async () => {
      const contact = await newContact(t, token(), { name: 'Zora Quill', company: 'Hyrule Corp' });
      const make = async (extra: Record<string, unknown>) => (await newEvent(t, token(), extra)).id;
      ids = {
        lastWeek: await make({
          startTime: '2025-03-05T09:00:00Z',
          endTime: '2025-03-05T10:00:00Z',
        }),
        tuesday: await make({
          startTime: '2025-03-11T09:00:00Z',
          endTime: '2025-03-11T10:00:00Z',
          priority: 'high',
        }),
        midnight: await make({
          type: 'call',
          startTime: '2025-03-13T23:30:00Z',
          endTime: '2025-03-14T00:30:00Z',
        }),
        nextWeek: await make({
          type: 'follow-up',
          startTime: '2025-03-20T09:00:00Z',
          endTime: '2025-03-20T09:30:00Z',
        }),
        named: await make({
          type: 'demo',
          title: 'Platform walkthrough',
          contactId: contact.id,
          startTime: '2025-03-21T09:00:00Z',
          endTime: '2025-03-21T10:00:00Z',
        }),
      };
    });

    it('orders by startTime, pages, and sorts on request', async () => {
      const all = [ids.lastWeek, ids.tuesday, ids.midnight, ids.nextWeek, ids.named];
      expect(await list('')).toEqual(all);
      const page = await t.request('GET', '/api/calendar/events?limit=2&page=2', {
        token: token(),
      });
      const parsed = CalendarEventListResponseSchema.parse(page.body);
      expect(parsed.meta).toEqual({ total: 5, page: 2, limit: 2 });
      expect(parsed.data.map((e) => e.id)).toEqual([ids.midnight, ids.nextWeek]);
      expect(await list('&sort=-startTime')).toEqual([...all].reverse());
    });

    it('returns the events overlapping the window; bare dates are whole days', async () => {
      expect(await list('&start=2025-03-13&end=2025-03-13')).toEqual([ids.midnight]);
      expect(await list('&start=2025-03-14T00:00:00Z&end=2025-03-20T08:00:00Z')).toEqual([
        ids.midnight,
      ]);
      expect(await list('&end=2025-03-10')).toEqual([ids.lastWeek]);
      expect(await list('&start=2025-03-20')).toEqual([ids.nextWeek, ids.named]);
      const reversed = await t.request(
        'GET',
        '/api/calendar/events?start=2025-03-20&end=2025-03-10',
        {
          token: token(),
        },
      );
      expect(reversed.status).toBe(422);
    });

    it('filters meetings, high priority, this week, follow-ups, and searches', async () => {
      expect(await list('&filter=meetings')).toEqual([ids.lastWeek, ids.tuesday]);
      expect(await list('&filter=high-priority')).toEqual([ids.tuesday]);
      expect(await list('&filter=this-week')).toEqual([ids.tuesday, ids.midnight]);
      expect(await list('&filter=follow-ups')).toEqual([ids.nextWeek]);
      for (const search of ['zora', 'HYRULE', 'walkthrough'])
        expect(await list(`&search=${search}`), search).toEqual([ids.named]);
      expect(await list('&search=%25')).toEqual([]);
      expect(await list('&filter=meetings&start=2025-03-10')).toEqual([ids.tuesday]);
    });

    it('shows only what the caller may see', async () => {
      const mine = await newEvent(t, cast.tokens.sales);
      const theirs = await newEvent(t, cast.tokens.sales2);
      expect(await listIds(t, cast.tokens.sales)).toContain(mine.id);
      expect(await listIds(t, cast.tokens.sales)).not.toContain(theirs.id);
      const managerView = await listIds(t, cast.tokens.manager);
      expect(managerView).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      expect(managerView).not.toContain(ids.tuesday);
    });
  });

  it('enforces the visibility matrix on every route that takes an id', async () => {
    const outcome = {
      summary: 'Went fine',
      nextSteps: [],
      sentimentScore: 10,
      keyDecisions: [],
      followUpRequired: false,
      meetingRating: 4,
    };
    await expectVisibilityMatrix(
      t,
      cast.matrix,
      [
        { method: 'GET', path: (id) => `/api/calendar/events/${id}` },
        { method: 'PUT', path: (id) => `/api/calendar/events/${id}`, body: { title: 'Hijack' } },
        { method: 'DELETE', path: (id) => `/api/calendar/events/${id}` },
        {
          method: 'PATCH',
          path: (id) => `/api/calendar/events/${id}/status`,
          body: { status: 'cancelled' },
        },
        { method: 'POST', path: (id) => `/api/calendar/events/${id}/outcome`, body: outcome },
        { method: 'GET', path: (id) => `/api/calendar/events/${id}/preparation` },
      ],
      async () => (await newEvent(t, cast.tokens.sales)).id,
      async (id) =>
        (await t.request('GET', `/api/calendar/events/${id}`, { token: cast.tokens.sales })).body,
    );
  });

  it('answers malformed bodies and query strings with a 4xx in the error shape, never a 5xx', async () => {
    const event = await newEvent(t, cast.tokens.sales);
    const path = `/api/calendar/events/${event.id}`;
    const token = cast.tokens.sales;
    await fuzzRoute(
      t,
      token,
      'POST',
      '/api/calendar/events',
      eventBody(),
      CreateCalendarEventBodySchema,
    );
    await fuzzRoute(
      t,
      token,
      'PUT',
      path,
      { title: 'x', endTime: at(5 * DAY) },
      UpdateCalendarEventBodySchema,
    );
    await fuzzRoute(
      t,
      token,
      'PATCH',
      `${path}/status`,
      { status: 'confirmed' },
      CalendarEventStatusBodySchema,
    );
    await fuzzRoute(
      t,
      token,
      'POST',
      `${path}/outcome`,
      {
        summary: 'ok',
        nextSteps: ['a'],
        sentimentScore: 0,
        keyDecisions: [],
        followUpRequired: true,
        followUpDate: at(4 * DAY),
        meetingRating: 3,
      },
      MeetingOutcomeBodySchema,
    );
    await fuzzRoute(
      t,
      token,
      'POST',
      '/api/calendar/smart-scheduling',
      { duration: 30 },
      SmartSchedulingBodySchema,
    );
    await fuzzQuery(t, token, '/api/calendar/events', [
      'page',
      'limit',
      'sort',
      'filter',
      'start',
      'end',
      'search',
      'other',
    ]);
    await fuzzQuery(t, token, '/api/calendar/feed.ics', ['token', 'other']);
    expect((await t.request('GET', path, { token })).status).toBe(200);
  });
});

import { CalendarEventSchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { DAY, HOUR, NOW, at, listIds, newEvent, richSubject } from './calendar-fixtures';

const outcome = (extra: Record<string, unknown> = {}) => ({
  summary: 'Walked through the proposal; they want the security review first.',
  nextSteps: ['Send the security questionnaire'],
  sentimentScore: 40,
  keyDecisions: ['Pilot with two depots'],
  followUpRequired: true,
  meetingRating: 4,
  ...extra,
});

describe.each(testDatabaseKinds)('calendar outcomes on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => NOW });
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  it('validates the outcome: rating 1–5 in whole stars, sentiment −100..100', async () => {
    const event = await newEvent(t, cast.tokens.sales);
    const path = `/api/calendar/events/${event.id}/outcome`;
    for (const [field, value] of [
      ['meetingRating', 6],
      ['meetingRating', 0],
      ['meetingRating', 4.5],
      ['sentimentScore', 101],
      ['sentimentScore', -101],
    ] as const) {
      const res = await t.request('POST', path, {
        token: cast.tokens.sales,
        body: outcome({ [field]: value }),
      });
      expect(res.status, `${field}=${value}`).toBe(422);
      expect(Object.keys(res.body.error.details.fields)).toEqual([field]);
    }
    const after = await t.request('GET', `/api/calendar/events/${event.id}`, {
      token: cast.tokens.sales,
    });
    expect(after.body.status).toBe('scheduled');
    expect(after.body).not.toHaveProperty('outcome');
  });

  it('records an outcome: completed, stored, one follow-up booked, relationship refreshed', async () => {
    const { contact, dealId } = await richSubject(t, cast);
    const event = await newEvent(t, cast.tokens.sales, {
      contactId: contact.id,
      dealId,
      startTime: at(-3 * HOUR),
      endTime: at(-2 * HOUR),
      attendees: [{ name: 'Priya Raman', email: contact.email, status: 'accepted' }],
    });
    expect(event.aiInsights.map((i) => i.title)).toContain('Record the outcome');
    const contactUpdates = (await outboxEvents(t, 'contact:updated')).length;
    const createdBefore = (await outboxEvents(t, 'event:created')).length;

    const res = await t.request('POST', `/api/calendar/events/${event.id}/outcome`, {
      token: cast.tokens.sales,
      body: outcome(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const done = CalendarEventSchema.parse(res.body);
    expect(done.status).toBe('completed');
    expect(done.outcome).toEqual(outcome());
    expect(done.aiInsights.map((i) => i.title)).not.toContain('Record the outcome');

    const followUps = await t.request(
      'GET',
      '/api/calendar/events?filter=follow-ups&search=priya',
      {
        token: cast.tokens.sales,
      },
    );
    const booked = followUps.body.data.filter((e: { title: string }) =>
      e.title.includes(event.title),
    );
    expect(booked).toHaveLength(1);
    const followUp = booked[0];
    expect(followUp).toMatchObject({
      title: `Follow-up: ${event.title}`,
      type: 'follow-up',
      contactId: contact.id,
      dealId,
      ownerId: cast.acme.sales.id,
      status: 'scheduled',
      // The owner's zone is UTC: the next working day after Wednesday noon, at 10:00.
      startTime: '2025-03-13T10:00:00.000Z',
      endTime: '2025-03-13T10:30:00.000Z',
    });
    expect(followUp.attendees).toEqual([
      expect.objectContaining({ email: contact.email, status: 'pending' }),
    ]);
    const link = await t.db.handle.db
      .selectFrom('calendar_events')
      .select('follow_up_of')
      .where('id', '=', followUp.id)
      .executeTakeFirstOrThrow();
    expect(link.follow_up_of).toBe(event.id);
    const created = (await outboxEvents(t, 'event:created')).slice(createdBefore);
    expect(created.map((e) => (e.data.event as { id: string }).id)).toEqual([followUp.id]);
    const detail = await t.request('GET', `/api/calendar/events/${followUp.id}`, {
      token: cast.tokens.sales,
    });
    expect(detail.body.preparation.suggestedTalkingPoints.join('\n')).toContain(
      'Send the security questionnaire',
    );
    expect((await outboxEvents(t, 'event:updated')).at(-1)!.data).toMatchObject({
      id: event.id,
      changes: { status: 'completed', outcome: outcome() },
    });
    const refreshed = (await outboxEvents(t, 'contact:updated')).slice(contactUpdates);
    expect(refreshed.some((e) => e.data.id === contact.id)).toBe(true);

    // Posting again replaces the outcome but does not book a second follow-up.
    const again = await t.request('POST', `/api/calendar/events/${event.id}/outcome`, {
      token: cast.tokens.sales,
      body: outcome({ summary: 'Corrected summary', meetingRating: 5 }),
    });
    expect(again.body.outcome).toMatchObject({ summary: 'Corrected summary', meetingRating: 5 });
    const total = await t.db.handle.db
      .selectFrom('calendar_events')
      .select('id')
      .where('follow_up_of', '=', event.id)
      .execute();
    expect(total).toHaveLength(1);
  });

  it('books the follow-up at the date the outcome names; none when not required', async () => {
    const first = await newEvent(t, cast.tokens.sales, { title: 'Dated follow-up source' });
    await t.request('POST', `/api/calendar/events/${first.id}/outcome`, {
      token: cast.tokens.sales,
      body: outcome({ followUpDate: '2025-03-19T15:00:00+01:00' }),
    });
    const dated = await t.db.handle.db
      .selectFrom('calendar_events')
      .select(['start_time', 'end_time'])
      .where('follow_up_of', '=', first.id)
      .execute();
    expect(dated).toEqual([
      { start_time: '2025-03-19T14:00:00.000Z', end_time: '2025-03-19T14:30:00.000Z' },
    ]);
    const second = await newEvent(t, cast.tokens.sales);
    const before = await listIds(t, cast.tokens.sales);
    await t.request('POST', `/api/calendar/events/${second.id}/outcome`, {
      token: cast.tokens.sales,
      body: outcome({ followUpRequired: false }),
    });
    expect(await listIds(t, cast.tokens.sales)).toEqual(before);
  });

  it('refuses an outcome for a cancelled meeting with 409', async () => {
    const event = await newEvent(t, cast.tokens.sales, { status: 'cancelled' });
    const res = await t.request('POST', `/api/calendar/events/${event.id}/outcome`, {
      token: cast.tokens.sales,
      body: outcome(),
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(
      await t.db.handle.db
        .selectFrom('meeting_outcomes')
        .select('event_id')
        .where('event_id', '=', event.id)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('keeps insights in step with the status', async () => {
    const event = await newEvent(t, cast.tokens.sales, {
      startTime: at(-DAY),
      endTime: at(-DAY + HOUR),
    });
    expect(event.aiInsights.map((i) => i.title)).toContain('Record the outcome');
    const noShow = await t.request('PATCH', `/api/calendar/events/${event.id}/status`, {
      token: cast.tokens.sales,
      body: { status: 'no-show' },
    });
    expect(noShow.body.aiInsights.map((i: { title: string }) => i.title)).not.toContain(
      'Record the outcome',
    );
  });
});

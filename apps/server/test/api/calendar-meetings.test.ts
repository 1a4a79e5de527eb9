import { CalendarEventSchema, MeetingPreparationSchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { NOW, logCommunication, newContact, newEvent, richSubject } from './calendar-fixtures';

describe.each(testDatabaseKinds)('calendar preparation on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => NOW });
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  it('prepares the meeting from the contact history and the deal, and stores it', async () => {
    const { contact, dealId } = await richSubject(t, cast);
    const event = CalendarEventSchema.parse(
      await newEvent(t, cast.tokens.sales, { contactId: contact.id, dealId }),
    );
    const prep = event.preparation;
    const points = prep.suggestedTalkingPoints.join('\n');
    expect(points).toContain('Priya Raman is CFO');
    expect(points).toContain('Budget concerns');
    expect(points).toMatch(/42,000/);
    expect(prep.dealContext).toMatch(/^Fleet rollout: proposal/);
    expect(prep.dealContext).toContain('review the proposal with their legal team');
    expect(prep.recentInteractions.join('\n')).toContain('onboarding time');
    expect(prep.competitorIntel?.join('\n')).toContain('RouteMaster');
    expect(prep.personalNotes).toContain('Training for the Berlin marathon');
    expect(event.aiInsights.map((i) => i.title)).toContain('Prepare for RouteMaster');
    const stored = await t.db.handle.db
      .selectFrom('meeting_preparations')
      .selectAll()
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.suggested_talking_points)).toEqual(prep.suggestedTalkingPoints);
    const insights = await t.db.handle.db
      .selectFrom('meeting_insights')
      .select('id')
      .where('event_id', '=', event.id)
      .execute();
    expect(insights).toHaveLength(event.aiInsights.length);
  });

  it('regenerates the preparation when the contact, deal or type changes, and only then', async () => {
    const { contact } = await richSubject(t, cast);
    const marcus = await newContact(t, cast.tokens.sales, {
      name: 'Marcus Lee',
      company: 'Umbrella Freight',
      title: 'CTO',
    });
    await logCommunication(
      t,
      cast.tokens.sales,
      marcus.id,
      'Marcus wants to test the API in a sandbox.',
    );
    const event = await newEvent(t, cast.tokens.sales, { contactId: contact.id });
    const path = `/api/calendar/events/${event.id}`;
    const retitled = await t.request('PUT', path, {
      token: cast.tokens.sales,
      body: { title: 'Quarterly review' },
    });
    expect(retitled.body.preparation).toEqual(event.preparation);
    expect((await outboxEvents(t, 'event:updated')).at(-1)!.data.changes).not.toHaveProperty(
      'preparation',
    );

    const moved = await t.request('PUT', path, {
      token: cast.tokens.sales,
      body: { contactId: marcus.id },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      contactName: 'Marcus Lee',
      contactCompany: 'Umbrella Freight',
    });
    const points = moved.body.preparation.suggestedTalkingPoints.join('\n');
    expect(points).toContain('Marcus Lee is CTO');
    expect(points).not.toContain('Priya');
    expect(moved.body.preparation.recentInteractions.join('\n')).toContain('sandbox');
    const changes = (await outboxEvents(t, 'event:updated')).at(-1)!.data.changes as Record<
      string,
      unknown
    >;
    expect(changes).toMatchObject({ contactId: marcus.id, contactName: 'Marcus Lee' });
    expect(changes.preparation).toEqual(moved.body.preparation);

    const demo = await t.request('PUT', path, { token: cast.tokens.sales, body: { type: 'demo' } });
    expect(demo.body.preparation.suggestedTalkingPoints.join('\n')).toMatch(/demo/i);
    expect(demo.body.preparation).not.toEqual(moved.body.preparation);

    const detached = await t.request('PUT', path, {
      token: cast.tokens.sales,
      body: { contactId: null },
    });
    expect(detached.status).toBe(200);
    expect(detached.body).not.toHaveProperty('contactId');
    expect(detached.body).not.toHaveProperty('contactName');
    expect(detached.body.preparation.recentInteractions).toEqual([]);

    const hidden = await newContact(t, cast.tokens.sales2);
    const refused = await t.request('PUT', path, {
      token: cast.tokens.sales,
      body: { contactId: hidden.id },
    });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error.details.fields)).toEqual(['contactId']);
  });

  it('generates and keeps a missing preparation on GET /preparation', async () => {
    const { contact } = await richSubject(t, cast);
    const event = await newEvent(t, cast.tokens.sales, { contactId: contact.id });
    await t.db.handle.db
      .deleteFrom('meeting_preparations')
      .where('event_id', '=', event.id)
      .execute();
    const detail = await t.request('GET', `/api/calendar/events/${event.id}`, {
      token: cast.tokens.sales,
    });
    expect(detail.body.preparation.suggestedTalkingPoints.length).toBeGreaterThan(0);
    const res = await t.request('GET', `/api/calendar/events/${event.id}/preparation`, {
      token: cast.tokens.sales,
    });
    expect(res.status).toBe(200);
    const prep = MeetingPreparationSchema.parse(res.body);
    expect(prep.suggestedTalkingPoints.join('\n')).toContain('Priya Raman');
    expect(
      await t.db.handle.db
        .selectFrom('meeting_preparations')
        .select('event_id')
        .where('event_id', '=', event.id)
        .executeTakeFirst(),
    ).toBeDefined();
    expect((await outboxEvents(t, 'event:updated')).at(-1)!.data).toEqual({
      id: event.id,
      changes: { preparation: prep },
    });
    const again = await t.request('GET', `/api/calendar/events/${event.id}/preparation`, {
      token: cast.tokens.sales,
    });
    expect(again.body).toEqual(prep);
  });
});

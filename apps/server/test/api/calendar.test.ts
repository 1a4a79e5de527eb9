import { CalendarEventSchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import {
  DAY,
  HOUR,
  NOW,
  at,
  eventBody,
  insertDeal,
  listIds,
  newContact,
  newEvent,
} from './calendar-fixtures';

describe.each(testDatabaseKinds)('calendar events on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let now = NOW;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: () => now });
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  it('creates an event: contact copied, attendees stored and linked, tags, event:created', async () => {
    const contact = await newContact(t, cast.tokens.sales, {
      name: 'Dana Whitfield',
      company: 'Northwind',
    });
    const event = CalendarEventSchema.parse(
      await newEvent(t, cast.tokens.sales, {
        contactId: contact.id,
        location: 'Zoom',
        tags: ['Renewal'],
        attendees: [
          { name: 'Sam Ortiz', email: 'sam@northwind.example', status: 'accepted' },
          { name: 'Dana Whitfield', email: contact.email.toUpperCase(), role: 'VP Operations' },
        ],
      }),
    );
    expect(event).toMatchObject({
      ownerId: cast.acme.sales.id,
      contactId: contact.id,
      contactName: 'Dana Whitfield',
      contactCompany: 'Northwind',
      status: 'scheduled',
      priority: 'medium',
      tags: ['Renewal'],
      location: 'Zoom',
    });
    expect(
      event.attendees.map(({ name, email, role, status }) => [name, email, role, status]),
    ).toEqual([
      ['Dana Whitfield', contact.email, 'VP Operations', 'pending'],
      ['Sam Ortiz', 'sam@northwind.example', 'attendee', 'accepted'],
    ]);
    const dana = await t.db.handle.db
      .selectFrom('attendees')
      .selectAll()
      .where('email', '=', contact.email)
      .executeTakeFirstOrThrow();
    expect(dana.contact_id).toBe(contact.id);
    const created = (await outboxEvents(t, 'event:created')).at(-1)!;
    expect(created).toMatchObject({ owner_id: cast.acme.sales.id, actor_id: cast.acme.sales.id });
    expect((created.data.event as { id: string }).id).toBe(event.id);
    expect(
      (await t.request('GET', `/api/calendar/events/${event.id}`, { token: cast.tokens.sales }))
        .body,
    ).toEqual(event);
  });

  it('refuses endTime at or before startTime with 422 on endTime', async () => {
    for (const endTime of [at(2 * DAY), at(2 * DAY - HOUR)]) {
      const res = await t.request('POST', '/api/calendar/events', {
        token: cast.tokens.sales,
        body: eventBody({ startTime: at(2 * DAY), endTime }),
      });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.details.fields)).toEqual(['endTime']);
    }
  });

  it('refuses a contact or deal the caller cannot see with 422 on that field', async () => {
    const theirs = await newContact(t, cast.tokens.sales2);
    const theirDeal = await insertDeal(t, cast.acme.sales2, { title: 'Not yours' });
    for (const [field, id] of [
      ['contactId', theirs.id],
      ['dealId', theirDeal],
      ['contactId', 'no-such-contact'],
    ] as const) {
      const res = await t.request('POST', '/api/calendar/events', {
        token: cast.tokens.sales,
        body: eventBody({ [field]: id }),
      });
      expect(res.status, field).toBe(422);
      expect(Object.keys(res.body.error.details.fields)).toEqual([field]);
    }
    const foreign = await t.request('POST', '/api/calendar/events', {
      token: cast.tokens.globexAdmin,
      body: eventBody({ contactId: theirs.id }),
    });
    expect(foreign.status).toBe(422);
    const managed = await newEvent(t, cast.tokens.manager, {
      contactId: theirs.id,
      dealId: theirDeal,
    });
    expect(managed).toMatchObject({ contactId: theirs.id, dealId: theirDeal });
  });

  it('sales users own what they schedule; a manager may schedule for a colleague', async () => {
    const refused = await t.request('POST', '/api/calendar/events', {
      token: cast.tokens.sales,
      body: eventBody({ ownerId: cast.acme.sales2.id }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.fields).toHaveProperty('ownerId');
    const assigned = await newEvent(t, cast.tokens.manager, { ownerId: cast.acme.sales2.id });
    expect(assigned.ownerId).toBe(cast.acme.sales2.id);
    const path = `/api/calendar/events/${assigned.id}`;
    expect((await t.request('GET', path, { token: cast.tokens.sales2 })).status).toBe(200);
    expect((await t.request('GET', path, { token: cast.tokens.sales })).status).toBe(404);
    const foreign = await t.request('POST', '/api/calendar/events', {
      token: cast.tokens.manager,
      body: eventBody({ ownerId: cast.globex.sales.id }),
    });
    expect(foreign.status).toBe(422);
  });

  it('defaults the priority from the deal, and a deal brings its contact along', async () => {
    const contact = await newContact(t, cast.tokens.sales, { name: 'Big Buyer' });
    const big = await insertDeal(t, cast.acme.sales, {
      title: 'Big one',
      contactId: contact.id,
      value: 80_000,
    });
    const event = await newEvent(t, cast.tokens.sales, { dealId: big });
    expect(event).toMatchObject({
      priority: 'high',
      contactId: contact.id,
      contactName: 'Big Buyer',
    });
    expect((await newEvent(t, cast.tokens.sales, { type: 'personal' })).priority).toBe('low');
    expect((await newEvent(t, cast.tokens.sales, { dealId: big, priority: 'low' })).priority).toBe(
      'low',
    );
  });

  it('updates partially; the time rule is checked against the stored other end', async () => {
    const event = await newEvent(t, cast.tokens.sales, {
      attendees: [{ name: 'Ann', email: 'ann@client.test', status: 'accepted' }],
    });
    const path = `/api/calendar/events/${event.id}`;
    const renamed = await t.request('PUT', path, {
      token: cast.tokens.sales,
      body: { title: 'Renamed', location: 'Room 4' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      title: 'Renamed',
      location: 'Room 4',
      startTime: event.startTime,
      type: event.type,
    });
    const last = (await outboxEvents(t, 'event:updated')).at(-1)!;
    expect(last.data).toMatchObject({
      id: event.id,
      changes: { title: 'Renamed', location: 'Room 4', updatedAt: renamed.body.updatedAt },
    });
    for (const body of [
      { endTime: new Date(Date.parse(event.startTime) - HOUR).toISOString() },
      { startTime: event.endTime },
    ]) {
      const res = await t.request('PUT', path, { token: cast.tokens.sales, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.body.error.details.fields)).toEqual(['endTime']);
    }
    // A minute later, so the stored version is newer than the one the manager saw.
    now = new Date(NOW.getTime() + 60_000);
    const moved = await t.request('PUT', path, {
      token: cast.tokens.sales,
      body: { startTime: event.endTime, endTime: at(3 * DAY) },
    });
    expect(moved.status).toBe(200);
    const stale = await t.request('PUT', path, {
      token: cast.tokens.manager,
      body: { title: 'Stale', ifUnmodifiedSince: event.updatedAt.replace(/\.\d+Z$/, '.000Z') },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const people = await t.request('PUT', path, {
      token: cast.tokens.manager,
      body: {
        ifUnmodifiedSince: moved.body.updatedAt,
        attendees: [
          { name: 'Ann Lee', email: 'ann@client.test' },
          { name: 'Bo', email: 'bo@client.test' },
        ],
      },
    });
    expect(people.status).toBe(200);
    expect(
      people.body.attendees.map((a: { name: string; status: string }) => [a.name, a.status]),
    ).toEqual([
      ['Ann Lee', 'accepted'],
      ['Bo', 'pending'],
    ]);
  });

  it('sets the status; an unknown one is refused', async () => {
    const event = await newEvent(t, cast.tokens.sales);
    const path = `/api/calendar/events/${event.id}/status`;
    const res = await t.request('PATCH', path, {
      token: cast.tokens.sales,
      body: { status: 'confirmed' },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('confirmed');
    expect((await outboxEvents(t, 'event:updated')).at(-1)!.data).toMatchObject({
      id: event.id,
      changes: { status: 'confirmed' },
    });
    const bad = await t.request('PATCH', path, {
      token: cast.tokens.sales,
      body: { status: 'done' },
    });
    expect(bad.status).toBe(422);
  });

  it('soft-deletes: hidden from get, list and search; the row stays', async () => {
    const event = await newEvent(t, cast.tokens.sales, { title: 'Soon gone' });
    const path = `/api/calendar/events/${event.id}`;
    expect((await t.request('DELETE', path, { token: cast.tokens.sales })).body).toEqual({
      success: true,
    });
    expect((await t.request('GET', path, { token: cast.tokens.sales })).status).toBe(404);
    expect(await listIds(t, cast.tokens.sales)).not.toContain(event.id);
    expect(await listIds(t, cast.tokens.manager, '&search=soon')).toEqual([]);
    expect((await t.request('DELETE', path, { token: cast.tokens.sales })).status).toBe(404);
    const row = await t.db.handle.db
      .selectFrom('calendar_events')
      .select('deleted_at')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).toEqual(expect.any(String));
    expect((await outboxEvents(t, 'event:deleted')).at(-1)!.data).toEqual({ id: event.id });
  });
});

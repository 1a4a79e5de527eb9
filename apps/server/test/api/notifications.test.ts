import {
  MarkNotificationReadBodySchema,
  NotificationListResponseSchema,
  NotificationSchema,
} from '@flow/contracts';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery, fuzzRoute } from '../helpers/fuzz';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import type { NewNotification } from '../../src/modules/notifications/service';
import { notifier } from './domain-rows';

describe.each(testDatabaseKinds)('notifications on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let create: ReturnType<typeof notifier>;

  const notify = (
    user: { id: string; organization_id: string },
    extra: Partial<NewNotification> = {},
  ) =>
    create({
      organizationId: user.organization_id,
      userId: user.id,
      type: 'deal_update',
      title: 'Deal moved to negotiation',
      message: 'Acme renewal is now in negotiation',
      ...extra,
    });

  const list = async (token: string, query = '') =>
    NotificationListResponseSchema.parse(
      (await t.request('GET', `/api/notifications${query}`, { token })).body,
    );
  const unread = async (token: string) =>
    (await t.request('GET', '/api/notifications/unread-count', { token })).body.count as number;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
    create = notifier(t);
  });
  afterAll(() => t.close());

  it('create() stores the notification and emits notification:new to its recipient', async () => {
    const n = await notify(cast.acme.sales, {
      priority: 'high',
      actionUrl: '/deals/123',
      metadata: { dealId: '123', value: 5000 },
    });
    expect(NotificationSchema.parse(n)).toMatchObject({
      userId: cast.acme.sales.id,
      type: 'deal_update',
      priority: 'high',
      read: false,
      actionUrl: '/deals/123',
      metadata: { dealId: '123', value: 5000 },
    });
    const event = (await outboxEvents(t, 'notification:new')).at(-1)!;
    expect(event).toMatchObject({
      owner_id: cast.acme.sales.id,
      organization_id: cast.acme.organizationId,
    });
    expect((event.data.notification as { id: string }).id).toBe(n.id);
    const mine = await list(cast.tokens.sales);
    expect(mine.data[0]).toEqual(n);
  });

  it('create() still stores when the user turned notifications off, but pushes nothing', async () => {
    await t.db.handle.db
      .updateTable('users')
      .set({
        preferences: JSON.stringify({ theme: 'dark', notifications: false, timezone: 'UTC' }),
      })
      .where('id', '=', cast.acme.sales2.id)
      .execute();
    const before = (await outboxEvents(t, 'notification:new')).length;
    const n = await notify(cast.acme.sales2, { title: 'Muted' });
    expect((await outboxEvents(t, 'notification:new')).length).toBe(before);
    expect((await list(cast.tokens.sales2)).data.map((x) => x.id)).toContain(n.id);
  });

  it('create() refuses a recipient outside the organization and stores nothing', async () => {
    await expect(
      create({
        organizationId: cast.acme.organizationId,
        userId: cast.globex.sales.id,
        type: 'ai_insight',
        title: 'x',
        message: 'y',
      }),
    ).rejects.toThrow(/not found/);
    expect((await list(cast.tokens.globexSales)).meta.total).toBe(0);
  });

  it('lists newest first with paging, the read filter and sort; expired ones are hidden everywhere', async () => {
    const user = cast.acme.manager;
    const token = cast.tokens.manager;
    const made = [];
    for (let i = 1; i <= 5; i++) made.push(await notify(user, { title: `N${i}` }));
    await notify(user, {
      title: 'Expired',
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const live = await notify(user, {
      title: 'Expires later',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const all = await list(token, '?limit=100');
    expect(all.data.map((n) => n.title)).toEqual(['Expires later', 'N5', 'N4', 'N3', 'N2', 'N1']);
    expect(all.meta).toEqual({ total: 6, page: 1, limit: 100 });
    expect(await unread(token)).toBe(6);

    const page2 = await list(token, '?limit=2&page=2');
    expect(page2.data.map((n) => n.title)).toEqual(['N4', 'N3']);
    expect(page2.meta).toEqual({ total: 6, page: 2, limit: 2 });
    const oldest = await list(token, '?sort=createdAt&limit=1');
    expect(oldest.data[0]!.title).toBe('N1');

    await t.request('PATCH', `/api/notifications/${made[0]!.id}/read`, {
      token,
      body: { read: true },
    });
    expect((await list(token, '?read=false&limit=100')).data.map((n) => n.title)).not.toContain(
      'N1',
    );
    expect((await list(token, '?read=true')).data.map((n) => n.title)).toEqual(['N1']);
    expect(await unread(token)).toBe(5);
    expect(live.expiresAt).toEqual(expect.any(String));
  });

  it('marks read (emitting notification:read) and unread again; unread-count follows', async () => {
    const n = await notify(cast.acme.admin);
    const token = cast.tokens.admin;
    const before = await unread(token);
    const read = await t.request('PATCH', `/api/notifications/${n.id}/read`, {
      token,
      body: { read: true },
    });
    expect(read.status).toBe(200);
    expect(NotificationSchema.parse(read.body)).toMatchObject({ id: n.id, read: true });
    expect((await outboxEvents(t, 'notification:read')).at(-1)).toMatchObject({
      owner_id: cast.acme.admin.id,
      data: { id: n.id },
    });
    expect(await unread(token)).toBe(before - 1);
    const events = (await outboxEvents(t, 'notification:read')).length;
    // Marking read twice changes nothing and announces nothing.
    await t.request('PATCH', `/api/notifications/${n.id}/read`, { token, body: { read: true } });
    expect((await outboxEvents(t, 'notification:read')).length).toBe(events);
    const unreadAgain = await t.request('PATCH', `/api/notifications/${n.id}/read`, {
      token,
      body: { read: false },
    });
    expect(unreadAgain.body.read).toBe(false);
    expect(await unread(token)).toBe(before);
  });

  it('read-all marks every one of mine read (and only mine)', async () => {
    await notify(cast.acme.sales);
    await notify(cast.acme.sales);
    const othersBefore = await unread(cast.tokens.manager);
    const mineUnread = (await list(cast.tokens.sales, '?read=false&limit=100')).data;
    const eventsBefore = (await outboxEvents(t, 'notification:read')).length;
    const res = await t.request('POST', '/api/notifications/read-all', {
      token: cast.tokens.sales,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    expect(await unread(cast.tokens.sales)).toBe(0);
    expect(await unread(cast.tokens.manager)).toBe(othersBefore);
    const events = (await outboxEvents(t, 'notification:read')).slice(eventsBefore);
    expect(events.map((e) => e.data.id).sort()).toEqual(mineUnread.map((n) => n.id).sort());
  });

  it('deletes one (notification:deleted); it is gone, a second delete is 404', async () => {
    const n = await notify(cast.acme.sales);
    const res = await t.request('DELETE', `/api/notifications/${n.id}`, {
      token: cast.tokens.sales,
    });
    expect(res.body).toEqual({ success: true });
    expect((await outboxEvents(t, 'notification:deleted')).at(-1)).toMatchObject({
      owner_id: cast.acme.sales.id,
      data: { id: n.id },
    });
    expect((await list(cast.tokens.sales, '?limit=100')).data.map((x) => x.id)).not.toContain(n.id);
    const again = await t.request('DELETE', `/api/notifications/${n.id}`, {
      token: cast.tokens.sales,
    });
    expect(again.status).toBe(404);
  });

  it("another user's notification is 404 for everyone else — colleagues, managers, admins, other orgs", async () => {
    const n = await notify(cast.acme.sales, { title: 'Private' });
    const routes = [
      { method: 'PATCH', path: `/api/notifications/${n.id}/read`, body: { read: true } },
      { method: 'DELETE', path: `/api/notifications/${n.id}` },
    ];
    for (const token of [
      cast.tokens.sales2,
      cast.tokens.manager,
      cast.tokens.admin,
      cast.tokens.globexAdmin,
    ]) {
      for (const route of routes) {
        const res = await t.request(route.method, route.path, { token, body: route.body });
        expect(res.status, `${route.method} ${route.path}`).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
      expect((await list(token, '?limit=100')).data.map((x) => x.id)).not.toContain(n.id);
    }
    const still = (await list(cast.tokens.sales, '?limit=100')).data.find((x) => x.id === n.id);
    expect(still).toMatchObject({ read: false, title: 'Private' });
  });

  it('answers malformed bodies and query strings with a 4xx in the error shape, never a 5xx', async () => {
    const n = await notify(cast.acme.sales);
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'PATCH',
      `/api/notifications/${n.id}/read`,
      { read: true },
      MarkNotificationReadBodySchema,
    );
    await fuzzRoute(
      t,
      cast.tokens.sales,
      'POST',
      '/api/notifications/read-all',
      {},
      z.strictObject({}).nullish(),
    );
    await fuzzQuery(t, cast.tokens.sales, '/api/notifications', [
      'page',
      'limit',
      'sort',
      'read',
      'other',
    ]);
    const bad = await t.request('GET', '/api/notifications?read=yes', { token: cast.tokens.sales });
    expect(bad.status).toBe(422);
    expect(
      (await t.request('GET', '/api/notifications', {})).status,
      'requires authentication',
    ).toBe(401);
  });
});

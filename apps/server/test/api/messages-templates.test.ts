import { MessageTemplateListSchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/platform/ids';
import { testDatabaseKinds } from '../helpers/databases';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testDatabaseKinds)('message templates on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  it('templates: system plus own, variables from {{…}}, only the owner changes theirs', async () => {
    const now = new Date().toISOString();
    const systemId = newId();
    await t.db.handle.db
      .insertInto('message_templates')
      .values({
        id: systemId,
        organization_id: cast.acme.organizationId,
        owner_id: null,
        name: 'Aaa system intro',
        category: 'introduction',
        content: 'Hello {{firstName}}',
        variables: '["firstName"]',
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    const created = await t.request('POST', '/api/messages/templates', {
      token: cast.tokens.sales2,
      body: {
        name: 'Check-in',
        category: 'follow-up',
        content: 'Hi {{firstName}}, checking in on {{ company }} and {{firstName}}.',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerId: cast.acme.sales2.id,
      variables: ['firstName', 'company'],
    });

    const mine = MessageTemplateListSchema.parse(
      (await t.request('GET', '/api/messages/templates', { token: cast.tokens.sales2 })).body,
    );
    expect(mine[0]!.id).toBe(systemId);
    expect(mine.map((m) => m.id)).toContain(created.body.id);
    const others = (
      await t.request('GET', '/api/messages/templates', { token: cast.tokens.manager })
    ).body as { id: string }[];
    expect(others.map((m) => m.id)).toContain(systemId);
    expect(others.map((m) => m.id)).not.toContain(created.body.id);
    const foreign = (
      await t.request('GET', '/api/messages/templates', { token: cast.tokens.globexAdmin })
    ).body as { id: string }[];
    expect(foreign.map((m) => m.id)).not.toContain(systemId);
    const followUps = (
      await t.request('GET', '/api/messages/templates?category=follow-up', {
        token: cast.tokens.sales2,
      })
    ).body as { category: string }[];
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((x) => x.category === 'follow-up')).toBe(true);

    const updated = await t.request('PUT', `/api/messages/templates/${created.body.id}`, {
      token: cast.tokens.sales2,
      body: { content: 'Hi {{name}}' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Check-in', variables: ['name'] });

    // Another user's template is not found, whatever their role; a system one is read-only.
    for (const token of [cast.tokens.sales, cast.tokens.manager, cast.tokens.admin]) {
      for (const [method, body] of [
        ['PUT', { name: 'Hijacked' }],
        ['DELETE', undefined],
      ] as const) {
        const res = await t.request(method, `/api/messages/templates/${created.body.id}`, {
          token,
          body,
        });
        expect(res.status).toBe(404);
      }
    }
    const system = await t.request('PUT', `/api/messages/templates/${systemId}`, {
      token: cast.tokens.admin,
      body: { name: 'Mine now' },
    });
    expect(system.status).toBe(403);

    const removed = await t.request('DELETE', `/api/messages/templates/${created.body.id}`, {
      token: cast.tokens.sales2,
    });
    expect(removed.body).toEqual({ success: true });
    const after = (await t.request('GET', '/api/messages/templates', { token: cast.tokens.sales2 }))
      .body as { id: string }[];
    expect(after.map((m) => m.id)).not.toContain(created.body.id);
    expect(
      (
        await t.request('DELETE', `/api/messages/templates/${created.body.id}`, {
          token: cast.tokens.sales2,
        })
      ).status,
    ).toBe(404);
  });
});

import { CreateTagBodySchema, TagListResponseSchema, TagSchema } from '@flow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { fuzzQuery, fuzzRoute } from '../helpers/fuzz';
import { signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe.each(testDatabaseKinds)('tags on %s', (kind) => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let counter = 0;

  const newTag = async (token: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/tags', { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return TagSchema.parse(res.body);
  };
  const names = async (token: string, query = '?limit=100') =>
    TagListResponseSchema.parse(
      (await t.request('GET', `/api/tags${query}`, { token })).body,
    ).data.map((tag) => tag.name);
  const newContact = async (token: string, tags: string[]) => {
    counter += 1;
    const res = await t.request('POST', '/api/contacts', {
      token,
      body: { name: `Tagged ${counter}`, email: `tagged${counter}@client.test`, tags },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; tags: string[] };
  };
  const contactTags = async (id: string, token: string) =>
    (await t.request('GET', `/api/contacts/${id}`, { token })).body.tags as string[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    cast = await signedInTeams(t);
  });
  afterAll(() => t.close());

  it('creates a tag (201) for the whole organization, colour normalised', async () => {
    const tag = await newTag(cast.tokens.sales, { name: 'Enterprise', color: '#FF8800' });
    expect(tag).toEqual({ id: expect.any(String), name: 'Enterprise', color: '#ff8800' });
    expect(await names(cast.tokens.sales2)).toContain('Enterprise');
    expect(await names(cast.tokens.globexAdmin)).not.toContain('Enterprise');
    const plain = await newTag(cast.tokens.manager, { name: 'Partner' });
    expect(plain).toEqual({ id: expect.any(String), name: 'Partner' });
  });

  it('refuses a duplicate name ignoring case with 409, but not in another organization', async () => {
    await newTag(cast.tokens.sales, { name: 'Champion' });
    for (const name of ['Champion', 'CHAMPION', ' champion ']) {
      const dup = await t.request('POST', '/api/tags', {
        token: cast.tokens.sales2,
        body: { name },
      });
      expect(dup.status, name).toBe(409);
      expect(dup.body.error).toMatchObject({
        code: 'CONFLICT',
        details: { fields: { name: expect.any(Array) } },
      });
    }
    await newTag(cast.tokens.globexSales, { name: 'champion' });
  });

  it('validates: empty or long names, bad colours, unknown fields → 422', async () => {
    const res = await t.request('POST', '/api/tags', {
      token: cast.tokens.sales,
      body: { name: '  ', color: 'red', extra: 1 },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['color', 'extra', 'name']);
    const long = await t.request('POST', '/api/tags', {
      token: cast.tokens.sales,
      body: { name: 'x'.repeat(51) },
    });
    expect(long.status).toBe(422);
  });

  it('lists with paging, search and sort by name', async () => {
    for (const name of ['alpha-list', 'Beta-list', 'gamma-list']) {
      await newTag(cast.tokens.admin, { name });
    }
    expect(await names(cast.tokens.sales, '?search=-list')).toEqual([
      'alpha-list',
      'Beta-list',
      'gamma-list',
    ]);
    expect(await names(cast.tokens.sales, '?search=-LIST&sort=-name')).toEqual([
      'gamma-list',
      'Beta-list',
      'alpha-list',
    ]);
    const page = (
      await t.request('GET', '/api/tags?search=-list&limit=2&page=2', {
        token: cast.tokens.sales,
      })
    ).body;
    expect(page.data.map((x: { name: string }) => x.name)).toEqual(['gamma-list']);
    expect(page.meta).toEqual({ total: 3, page: 2, limit: 2 });
    expect(await names(cast.tokens.sales, '?search=%25')).toEqual([]);
  });

  it('records reuse a tag whatever its case: "vip" on a contact is the existing "VIP"', async () => {
    await newTag(cast.tokens.sales, { name: 'VIP' });
    const contact = await newContact(cast.tokens.sales, ['vip', 'Vip']);
    expect(contact.tags).toEqual(['VIP']);
    expect((await names(cast.tokens.sales)).filter((n) => n.toLowerCase() === 'vip')).toEqual([
      'VIP',
    ]);
  });

  it('deleting (manager/admin) removes the tag from every record; sales users may not', async () => {
    const tag = await newTag(cast.tokens.sales, { name: 'Doomed' });
    const a = await newContact(cast.tokens.sales, ['Doomed', 'Keeper']);
    const b = await newContact(cast.tokens.sales2, ['Doomed']);
    const refused = await t.request('DELETE', `/api/tags/${tag.id}`, { token: cast.tokens.sales });
    expect(refused.status).toBe(403);
    expect(await contactTags(a.id, cast.tokens.sales)).toEqual(['Doomed', 'Keeper']);

    const res = await t.request('DELETE', `/api/tags/${tag.id}`, { token: cast.tokens.manager });
    expect(res.body).toEqual({ success: true });
    expect(await contactTags(a.id, cast.tokens.sales)).toEqual(['Keeper']);
    expect(await contactTags(b.id, cast.tokens.sales2)).toEqual([]);
    expect(await names(cast.tokens.sales)).not.toContain('Doomed');
    const filtered = await t.request('GET', '/api/contacts?tag=Doomed', {
      token: cast.tokens.sales,
    });
    expect(filtered.body.data).toEqual([]);
    const again = await t.request('DELETE', `/api/tags/${tag.id}`, { token: cast.tokens.admin });
    expect(again.status).toBe(404);
    const row = await t.db.handle.db
      .selectFrom('tags')
      .select('deleted_at')
      .where('id', '=', tag.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).toEqual(expect.any(String));

    // Re-creating the name revives the same tag, without its old taggings.
    const revived = await newTag(cast.tokens.sales, { name: 'doomed', color: '#000000' });
    expect(revived).toEqual({ id: tag.id, name: 'doomed', color: '#000000' });
    expect(await contactTags(a.id, cast.tokens.sales)).toEqual(['Keeper']);
  });

  it("another organization's tag is 404 and stays untouched", async () => {
    const tag = await newTag(cast.tokens.sales, { name: 'Ours' });
    const res = await t.request('DELETE', `/api/tags/${tag.id}`, {
      token: cast.tokens.globexAdmin,
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(await names(cast.tokens.sales)).toContain('Ours');
    const admin = await t.request('DELETE', `/api/tags/${tag.id}`, { token: cast.tokens.admin });
    expect(admin.status).toBe(200);
  });

  it('answers malformed bodies and query strings with a 4xx in the error shape, never a 5xx', async () => {
    await fuzzRoute(
      t,
      cast.tokens.manager,
      'POST',
      '/api/tags',
      { name: 'Fuzzy', color: '#123456' },
      CreateTagBodySchema,
    );
    await fuzzQuery(t, cast.tokens.sales, '/api/tags', ['page', 'limit', 'sort', 'search', 'x']);
    const tag = await newTag(cast.tokens.sales, { name: 'Fuzz target' });
    for (const id of ['%00', 'x'.repeat(65), "' OR 1=1 --"]) {
      const res = await t.request('DELETE', `/api/tags/${encodeURIComponent(id)}`, {
        token: cast.tokens.manager,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(await names(cast.tokens.sales)).toContain(tag.name);
  });
});

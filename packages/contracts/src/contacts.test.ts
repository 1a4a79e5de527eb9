import { describe, expect, it } from 'vitest';
import {
  AddCommunicationBodySchema,
  ContactSchema,
  ContactsQuerySchema,
  CreateContactBodySchema,
  UpdateContactBodySchema,
  type Contact,
} from './contacts';

const newContact = () => ({
  name: 'Dana Whitfield',
  email: 'dana@northwind.example',
  company: 'Northwind',
  title: 'VP Operations',
  tags: ['enterprise'],
});

const storedContact = (over: Partial<Contact> = {}): Contact => ({
  id: '0190f3a2-0000-7000-8000-000000000001',
  ownerId: 'u1',
  name: 'Dana Whitfield',
  email: 'dana@northwind.example',
  phone: '+1 555 0100',
  company: 'Northwind',
  title: 'VP Operations',
  relationshipHealth: 'high',
  healthScore: 82,
  lastContact: '2025-03-03T10:00:00.000Z',
  sentiment: 'positive',
  churnRisk: 12,
  totalDeals: 2,
  totalValue: 64_000,
  tags: ['enterprise'],
  notes: [],
  communicationHistory: [],
  aiInsights: [],
  createdAt: '2025-01-10T09:00:00.000Z',
  updatedAt: '2025-03-03T10:00:00.000Z',
  ...over,
});

describe('CreateContactBodySchema', () => {
  it('accepts a realistic new contact', () => {
    expect(CreateContactBodySchema.safeParse(newContact()).success).toBe(true);
  });

  it('rejects unknown fields, the id and computed fields', () => {
    for (const extra of [{ nickname: 'D' }, { id: 'c1' }, { healthScore: 90 }, { churnRisk: 5 }]) {
      const result = CreateContactBodySchema.safeParse({ ...newContact(), ...extra });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
    }
  });

  it('rejects a bad email on the email field', () => {
    const result = CreateContactBodySchema.safeParse({ ...newContact(), email: 'dana@' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['email']);
  });

  it('caps and trims text', () => {
    expect(CreateContactBodySchema.safeParse({ ...newContact(), name: '   ' }).success).toBe(false);
    expect(
      CreateContactBodySchema.safeParse({ ...newContact(), name: 'x'.repeat(121) }).success,
    ).toBe(false);
    expect(CreateContactBodySchema.parse({ ...newContact(), name: '  Dana  ' }).name).toBe('Dana');
  });
});

describe('UpdateContactBodySchema', () => {
  it('is partial, lets nextFollowUp be cleared, and stays strict', () => {
    expect(UpdateContactBodySchema.safeParse({}).success).toBe(true);
    expect(UpdateContactBodySchema.safeParse({ nextFollowUp: null }).success).toBe(true);
    expect(UpdateContactBodySchema.safeParse({ totalValue: 1 }).success).toBe(false);
    expect(UpdateContactBodySchema.safeParse({ email: 'not-an-email' }).success).toBe(false);
  });
});

describe('ContactSchema', () => {
  it('parses a stored contact', () => {
    expect(ContactSchema.safeParse(storedContact()).success).toBe(true);
  });

  it('keeps healthScore and churnRisk within 0-100', () => {
    expect(ContactSchema.safeParse(storedContact({ healthScore: 101 })).success).toBe(false);
    expect(ContactSchema.safeParse(storedContact({ churnRisk: -1 })).success).toBe(false);
  });

  it('requires an owner', () => {
    const { ownerId: _ownerId, ...withoutOwner } = storedContact();
    expect(ContactSchema.safeParse(withoutOwner).success).toBe(false);
  });
});

describe('ContactsQuerySchema', () => {
  it('reads search, filter, tag and sort', () => {
    expect(
      ContactsQuerySchema.parse({
        search: 'north',
        filter: 'at-risk',
        tag: 'vip',
        sort: '-churnRisk',
      }),
    ).toEqual({
      page: 1,
      limit: 25,
      search: 'north',
      filter: 'at-risk',
      tag: 'vip',
      sort: '-churnRisk',
    });
  });

  it('restricts sort to the listed fields and filter to its enum', () => {
    expect(ContactsQuerySchema.safeParse({ sort: '-healthScore' }).success).toBe(true);
    expect(ContactsQuerySchema.safeParse({ sort: 'ownerId' }).success).toBe(false);
    expect(ContactsQuerySchema.safeParse({ filter: 'vip' }).success).toBe(false);
  });

  it('caps limit at 100 and rejects unknown parameters', () => {
    expect(ContactsQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(ContactsQuerySchema.safeParse({ ownerId: 'u2' }).success).toBe(false);
  });
});

describe('AddCommunicationBodySchema', () => {
  it('accepts the four types and rejects others', () => {
    const body = { type: 'call', date: '2025-03-03T10:00:00Z', summary: 'Discussed renewal' };
    expect(AddCommunicationBodySchema.safeParse(body).success).toBe(true);
    expect(AddCommunicationBodySchema.safeParse({ ...body, type: 'sms' }).success).toBe(false);
    expect(AddCommunicationBodySchema.safeParse({ ...body, sentiment: 'positive' }).success).toBe(
      false,
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  AddDealActivityBodySchema,
  ChangeDealStageBodySchema,
  CreateDealBodySchema,
  DealSummarySchema,
  DealsQuerySchema,
  UpdateDealBodySchema,
  type DealSummary,
} from './deals';

const newDeal = () => ({
  title: 'Northwind platform renewal',
  contactId: 'c1',
  value: 48_000,
  expectedCloseDate: '2025-03-31',
});

const storedDeal = (over: Partial<DealSummary> = {}): DealSummary => ({
  id: 'd1',
  ownerId: 'u1',
  title: 'Northwind platform renewal',
  contactId: 'c1',
  contactName: 'Dana Whitfield',
  company: 'Northwind',
  value: 48_000,
  stage: 'proposal',
  probability: 65,
  confidence: 'medium',
  expectedCloseDate: '2025-03-31',
  createdDate: '2025-01-15T09:00:00.000Z',
  lastActivity: '2025-03-01T09:00:00.000Z',
  description: '',
  tags: [],
  riskFactors: ['budget concerns'],
  positiveSignals: ['decision maker engaged'],
  priority: 'high',
  probabilityReasoning: ['proposal stage base rate 65'],
  updatedAt: '2025-03-01T09:00:00.000Z',
  ...over,
});

describe('CreateDealBodySchema', () => {
  it('accepts a new deal and a zero value', () => {
    expect(CreateDealBodySchema.safeParse(newDeal()).success).toBe(true);
    expect(CreateDealBodySchema.safeParse({ ...newDeal(), value: 0 }).success).toBe(true);
  });

  it('rejects a negative value', () => {
    const result = CreateDealBodySchema.safeParse({ ...newDeal(), value: -1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['value']);
  });

  it('rejects fields the engine computes', () => {
    for (const extra of [{ probability: 90 }, { riskFactors: [] }, { closedDate: '2025-03-01' }]) {
      expect(CreateDealBodySchema.safeParse({ ...newDeal(), ...extra }).success).toBe(false);
    }
  });

  it('rejects an unknown stage', () => {
    expect(CreateDealBodySchema.safeParse({ ...newDeal(), stage: 'won' }).success).toBe(false);
  });
});

describe('UpdateDealBodySchema', () => {
  it('is partial and strict, and still rejects a negative value', () => {
    expect(UpdateDealBodySchema.safeParse({ competitorMentioned: null }).success).toBe(true);
    expect(UpdateDealBodySchema.safeParse({ value: -5 }).success).toBe(false);
    expect(UpdateDealBodySchema.safeParse({ probability: 10 }).success).toBe(false);
  });
});

describe('DealSummarySchema', () => {
  it('keeps probability within 0-100 and value non-negative', () => {
    expect(DealSummarySchema.safeParse(storedDeal()).success).toBe(true);
    expect(DealSummarySchema.safeParse(storedDeal({ probability: 120 })).success).toBe(false);
    expect(DealSummarySchema.safeParse(storedDeal({ value: -10 })).success).toBe(false);
  });
});

describe('ChangeDealStageBodySchema and AddDealActivityBodySchema', () => {
  it('take exactly their fields', () => {
    expect(ChangeDealStageBodySchema.safeParse({ stage: 'closed-won' }).success).toBe(true);
    expect(
      ChangeDealStageBodySchema.safeParse({ stage: 'closed-won', probability: 100 }).success,
    ).toBe(false);
    const activity = { type: 'demo', date: '2025-03-02T15:00:00Z', description: 'Demo for IT' };
    expect(AddDealActivityBodySchema.safeParse(activity).success).toBe(true);
    expect(AddDealActivityBodySchema.safeParse({ ...activity, type: 'lunch' }).success).toBe(false);
  });
});

describe('DealsQuerySchema', () => {
  it('restricts sort, filter and stage', () => {
    expect(DealsQuerySchema.parse({ sort: '-value', stage: 'proposal' })).toMatchObject({
      sort: '-value',
      stage: 'proposal',
      filter: 'all',
    });
    expect(DealsQuerySchema.safeParse({ sort: 'contactId' }).success).toBe(false);
    expect(DealsQuerySchema.safeParse({ filter: 'cold' }).success).toBe(false);
    expect(DealsQuerySchema.safeParse({ limit: '101' }).success).toBe(false);
  });

  it('coerces the value range used by natural-language queries', () => {
    expect(DealsQuerySchema.parse({ minValue: '50000' }).minValue).toBe(50_000);
    expect(DealsQuerySchema.safeParse({ minValue: '-1' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ActionItemSchema, SalesForecastSchema } from './dashboard';
import { ImportResultSchema } from './imports';
import { MarkNotificationReadBodySchema, NotificationsQuerySchema } from './notifications';
import { NlQueryBodySchema, SearchQuerySchema } from './search';
import { CreateTagBodySchema } from './tags';

describe('notifications', () => {
  it("reads 'read' from the query string and keeps bodies strict", () => {
    expect(NotificationsQuerySchema.parse({ read: 'false' }).read).toBe(false);
    expect(NotificationsQuerySchema.safeParse({ read: 'no' }).success).toBe(false);
    expect(NotificationsQuerySchema.safeParse({ sort: 'title' }).success).toBe(false);
    expect(MarkNotificationReadBodySchema.safeParse({ read: true }).success).toBe(true);
    expect(MarkNotificationReadBodySchema.safeParse({ read: 'true' }).success).toBe(false);
    expect(MarkNotificationReadBodySchema.safeParse({ read: true, all: true }).success).toBe(false);
  });
});

describe('search', () => {
  it('requires q and an exact type', () => {
    expect(SearchQuerySchema.parse({ q: 'northwind' })).toEqual({ q: 'northwind', type: 'all' });
    expect(SearchQuerySchema.safeParse({ q: '' }).success).toBe(false);
    expect(SearchQuerySchema.safeParse({ q: 'x', type: 'users' }).success).toBe(false);
    expect(NlQueryBodySchema.safeParse({ query: 'x'.repeat(501) }).success).toBe(false);
  });
});

describe('tags', () => {
  it('take a #rrggbb colour', () => {
    expect(CreateTagBodySchema.safeParse({ name: 'vip', color: '#1a2b3c' }).success).toBe(true);
    expect(CreateTagBodySchema.safeParse({ name: 'vip', color: 'red' }).success).toBe(false);
    expect(CreateTagBodySchema.safeParse({ name: '', color: '#1a2b3c' }).success).toBe(false);
  });
});

describe('imports', () => {
  it('report row errors with 1-based rows', () => {
    const result = {
      importId: 'imp1',
      imported: 98,
      skipped: 2,
      errors: [{ row: 7, field: 'email', message: 'Enter a valid email address' }],
    };
    expect(ImportResultSchema.safeParse(result).success).toBe(true);
    expect(
      ImportResultSchema.safeParse({ ...result, errors: [{ row: 0, field: null, message: 'x' }] })
        .success,
    ).toBe(false);
  });
});

describe('dashboard', () => {
  it('uses exact enums for forecast confidence and action types', () => {
    const forecast = {
      revenue: 120_000,
      period: '2025-03',
      confidence: 'medium',
      breakdown: [{ source: 'negotiation', amount: 80_000, probability: 85 }],
    };
    expect(SalesForecastSchema.safeParse(forecast).success).toBe(true);
    expect(SalesForecastSchema.safeParse({ ...forecast, confidence: 'certain' }).success).toBe(
      false,
    );
    expect(SalesForecastSchema.safeParse({ ...forecast, period: '2025-13' }).success).toBe(false);

    const item = {
      id: 'a1',
      icon: 'alert-triangle',
      title: 'Northwind has gone quiet',
      type: 'warning',
      timestamp: '2025-03-10T09:00:00Z',
      actions: [{ label: 'Call Dana', type: 'primary' }],
    };
    expect(ActionItemSchema.safeParse(item).success).toBe(true);
    expect(
      ActionItemSchema.safeParse({ ...item, actions: [{ label: 'x', type: 'tertiary' }] }).success,
    ).toBe(false);
  });
});

import { DealForecastSchema, SalesForecastSchema } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { forecast, type ForecastDeal } from './forecast';

const now = new Date('2025-03-20T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const d = (over: Partial<ForecastDeal>): ForecastDeal => ({
  value: 10_000,
  probability: 50,
  stage: 'proposal',
  expectedCloseDate: '2025-03-28',
  lastActivity: daysAgo(2),
  ...over,
});

describe('forecast', () => {
  const deals = [
    d({ value: 10_000, probability: 50 }),
    d({ value: 20_000, probability: 85, stage: 'negotiation', expectedCloseDate: '2025-03-31' }),
    d({ value: 40_000, probability: 20, stage: 'prospect', expectedCloseDate: '2025-05-15' }),
    d({ value: 99_000, probability: 100, stage: 'closed-won', expectedCloseDate: '2025-03-10' }),
    d({ value: 5_000, probability: 0, stage: 'closed-lost' }),
  ];

  it('sums open deals into pipeline and weighted forecast (API.md §6)', () => {
    const { pipeline } = forecast(deals, now);
    expect(pipeline).toEqual({
      totalPipeline: 70_000,
      weightedForecast: 5_000 + 17_000 + 8_000,
      dealsClosingThisMonth: 2,
      monthlyForecast: 22_000,
    });
    expect(DealForecastSchema.parse(pipeline)).toEqual(pipeline);
  });

  it('groups the weighted pipeline by expected close month', () => {
    expect(forecast(deals, now).months).toEqual([
      { period: '2025-03', deals: 2, value: 30_000, weighted: 22_000 },
      { period: '2025-05', deals: 1, value: 40_000, weighted: 8_000 },
    ]);
  });

  it("breaks this month's revenue down by stage", () => {
    const { sales } = forecast(deals, now);
    expect(sales.period).toBe('2025-03');
    expect(sales.revenue).toBe(22_000);
    expect(sales.breakdown).toEqual([
      { source: 'Proposal', amount: 5_000, probability: 50 },
      { source: 'Negotiation', amount: 17_000, probability: 85 },
    ]);
    expect(sales.breakdown.reduce((s, b) => s + b.amount, 0)).toBe(sales.revenue);
    expect(SalesForecastSchema.parse(sales)).toEqual(sales);
  });

  it('uses the time zone for month boundaries of timestamps, not of date-only days', () => {
    const late = [
      d({ expectedCloseDate: '2025-03-31T23:30:00Z' }),
      d({ expectedCloseDate: '2025-04-01' }),
    ];
    const utc = forecast(late, now).pipeline.dealsClosingThisMonth;
    const tokyo = forecast(late, now, { timeZone: 'Asia/Tokyo' }).pipeline.dealsClosingThisMonth;
    expect([utc, tokyo]).toEqual([1, 0]);
  });

  it('rates confidence by data quality', () => {
    const good = [d({}), d({}), d({ expectedCloseDate: '2025-03-30' })];
    expect(forecast(good, now).sales.confidence).toBe('high');
    expect(forecast(good.slice(0, 2), now).sales.confidence).toBe('medium'); // too few deals
    const stale = good.map((x) => ({ ...x, lastActivity: daysAgo(40) }));
    expect(forecast(stale, now).sales.confidence).toBe('medium');
    const overdue = [...stale, d({ expectedCloseDate: '2025-02-01', lastActivity: daysAgo(60) })];
    const r = forecast(overdue, now);
    expect(r.sales.confidence).toBe('low');
    expect(r.quality).toMatchObject({ recentActivityShare: 0, realisticDateShare: 0.75 });
    expect(forecast([], now).sales).toEqual({
      revenue: 0,
      period: '2025-03',
      confidence: 'low',
      breakdown: [],
    });
  });
});

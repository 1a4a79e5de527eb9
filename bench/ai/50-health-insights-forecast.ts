import type { DealStage, Sentiment } from '@flow/contracts';
import { forecast } from '../../apps/server/src/ai/forecast';
import { scoreRelationship } from '../../apps/server/src/ai/health';
import { contactInsights, dealInsights } from '../../apps/server/src/ai/insights';
import { markdownTable, measureLatency, type BenchSection } from '../lib/measure';

/** Latency of the scores recomputed on every change: health/churn, insights and the forecast. */
const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 86_400_000;
const sentiments: Sentiment[] = ['positive', 'neutral', 'negative'];
const stages: DealStage[] = ['prospect', 'qualified', 'proposal', 'negotiation'];

function history(n: number, seed: number) {
  return Array.from({ length: n }, (_, i) => ({
    type: (['email', 'call', 'meeting', 'note'] as const)[(i + seed) % 4]!,
    date: new Date(NOW.getTime() - ((i * 7 + seed) % 120) * DAY).toISOString(),
    sentiment: sentiments[(i * 3 + seed) % 3]!,
    subject: `Topic ${i}`,
  }));
}

export async function run(): Promise<BenchSection> {
  const contacts = Array.from({ length: 50 }, (_, s) => ({
    communications: history(10 + (s % 30), s),
    s,
  }));
  const relationship = measureLatency(contacts, ({ communications }) =>
    scoreRelationship({
      communications,
      openDeals: [{ value: 40_000, probability: 60 }],
      now: NOW,
    }),
  );
  const contactInsight = measureLatency(contacts, ({ communications, s }) =>
    contactInsights({ contact: { id: `c${s}`, name: 'Dana Reyes' }, communications, now: NOW }),
  );
  const deals = Array.from({ length: 50 }, (_, s) => ({
    deal: {
      id: `d${s}`,
      title: `Deal ${s}`,
      stage: stages[s % 4]!,
      value: 10_000 + s * 1_000,
      probability: 20 + (s % 70),
      expectedCloseDate: new Date(NOW.getTime() + ((s % 60) - 10) * DAY).toISOString().slice(0, 10),
      riskFactors: s % 3 ? ['Budget concerns'] : [],
      positiveSignals: s % 2 ? ['Decision maker engaged'] : [],
    },
    activities: Array.from({ length: 5 }, (_, i) => ({
      type: 'call' as const,
      date: new Date(NOW.getTime() - (i * 6 + s) * DAY).toISOString(),
      description:
        i % 2
          ? 'Discussed pricing; they are also talking to HubSpot.'
          : 'Timeline agreed with the CFO.',
    })),
    now: NOW,
  }));
  const dealInsight = measureLatency(deals, (input) => dealInsights(input));
  const pipeline = Array.from({ length: 1_000 }, (_, i) => ({
    value: 5_000 + (i % 50) * 1_000,
    probability: i % 100,
    stage: stages[i % 4]!,
    expectedCloseDate: new Date(NOW.getTime() + ((i % 200) - 20) * DAY).toISOString().slice(0, 10),
    lastActivity: new Date(NOW.getTime() - (i % 30) * DAY).toISOString(),
  }));
  const forecastLatency = measureLatency([pipeline], (d) => forecast(d, NOW), 300);
  const row = (name: string, inputs: string, l: ReturnType<typeof measureLatency>) => [
    name,
    inputs,
    l.calls,
    l.p50Micros,
    l.p99Micros,
    l.meanMicros,
  ];
  return {
    title: 'Health, insights and forecast',
    markdown: markdownTable(
      ['function', 'input', 'calls', 'p50 µs', 'p99 µs', 'mean µs'],
      [
        row('scoreRelationship', '10–40 communications', relationship),
        row('contactInsights', '10–40 communications', contactInsight),
        row('dealInsights', '5 activities', dealInsight),
        row('forecast', '1,000 open deals', forecastLatency),
      ],
    ),
  };
}

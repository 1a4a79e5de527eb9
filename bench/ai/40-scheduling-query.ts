/**
 * Meeting preparation, smart scheduling and the natural-language query parser: per-call latency
 * of the three engines, and the share of the query table parsed fully correctly (intent, filters,
 * entities, route and aggregate all as expected).
 */
import type { CalendarEventType } from '@flow/contracts';
import {
  prepareMeeting,
  type PrepareMeetingInput,
} from '../../apps/server/src/ai/meeting-prep/index';
import {
  CASE_CONTEXT,
  QUERY_CASES,
  STRETCH_CASES,
  caseDiff,
  type QueryCase,
} from '../../apps/server/src/ai/query/cases';
import { parseQuery } from '../../apps/server/src/ai/query/index';
import { suggestSlots, type SuggestSlotsInput } from '../../apps/server/src/ai/scheduling/index';
import type { BenchSection } from '../lib/measure';
import { markdownTable, measureLatency, round } from '../lib/measure';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Small deterministic generator so every run measures the same calendars. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
const TYPES: CalendarEventType[] = ['meeting', 'call', 'demo', 'follow-up', 'internal'];

/** ~50 events over two weeks of working days, some in person, `now` around a DST change. */
function calendars(): SuggestSlotsInput[] {
  const out: SuggestSlotsInput[] = [];
  const nows = [
    '2025-03-06T13:00:00Z',
    '2025-03-27T09:00:00Z',
    '2025-10-30T14:00:00Z',
    '2025-04-03T01:00:00Z',
  ];
  for (let i = 0; i < 20; i++) {
    const rand = lcg(i + 1);
    const now = Date.parse(nows[i % nows.length] ?? '2025-03-06T13:00:00Z');
    const events = Array.from({ length: 50 }, () => {
      const start = now + Math.floor(rand() * 14) * DAY + Math.floor(rand() * 40) * 15 * MIN;
      const length = (2 + Math.floor(rand() * 6)) * 15 * MIN;
      return {
        startTime: new Date(start).toISOString(),
        endTime: new Date(start + length).toISOString(),
        type: TYPES[Math.floor(rand() * TYPES.length)] ?? 'meeting',
        ...(rand() < 0.15 ? { location: 'Customer site, 200 Market Street' } : {}),
      };
    });
    out.push({
      durationMinutes: [30, 45, 60, 90][i % 4] ?? 30,
      events,
      timezone: ZONES[i % ZONES.length] ?? 'UTC',
      now: new Date(now),
      type: TYPES[i % TYPES.length],
      contactTimezone: i % 2 === 0 ? ZONES[(i + 1) % ZONES.length] : undefined,
      preferredTimes:
        i % 3 === 0
          ? [
              {
                startTime: new Date(now + 2 * DAY).toISOString(),
                endTime: new Date(now + 2 * DAY + 4 * 60 * MIN).toISOString(),
              },
            ]
          : undefined,
    });
  }
  return out;
}

const SUMMARIES = [
  'Discovery call. They need better forecasting and reps spend hours on spreadsheets.',
  'She asked about volume discounts; the price seems high compared to HubSpot.',
  'We will send the security questionnaire by Friday. Next step: legal review.',
  'Great demo, the team was excited. Her son just started school.',
  'Concerned about the integration with their ERP. Can we sync invoices?',
];

function meetings(): PrepareMeetingInput[] {
  const now = new Date('2025-03-12T12:00:00Z');
  const types = ['demo', 'follow-up', 'call', 'meeting', 'internal'] as const;
  return types.map((type, i) => ({
    event: { type, title: `Acme ${type}`, startTime: '2025-03-14T15:00:00Z' },
    contact: {
      name: 'Maria Garcia',
      company: 'Acme Corp',
      title: 'VP Sales',
      notes: ['Prefers mornings', 'Based in Austin'],
      communications: Array.from({ length: 20 }, (_, k) => ({
        type: (['email', 'call', 'meeting', 'note'] as const)[k % 4] ?? 'email',
        date: new Date(now.getTime() - (k + 1) * 3 * DAY).toISOString(),
        summary: SUMMARIES[(k + i) % SUMMARIES.length] ?? '',
        sentiment: (['positive', 'neutral', 'negative'] as const)[k % 3] ?? 'neutral',
      })),
    },
    deal: {
      title: 'Acme expansion',
      stage: (['proposal', 'negotiation', 'qualified'] as const)[i % 3] ?? 'proposal',
      value: 120_000,
      probability: 65,
      riskFactors: ['Budget concerns'],
      positiveSignals: ['Decision maker engaged'],
      ...(i % 2 === 0 ? { competitorMentioned: 'Salesforce' } : {}),
      activities: Array.from({ length: 10 }, (_, k) => ({
        type: 'meeting' as const,
        date: new Date(now.getTime() - (k + 2) * 4 * DAY).toISOString(),
        description: SUMMARIES[(k + 2) % SUMMARIES.length] ?? '',
      })),
      expectedCloseDate: '2025-03-31',
    },
    now,
  }));
}

function accuracy(cases: QueryCase[]) {
  const misses = cases
    .map((c) => ({ c, diff: caseDiff(c, parseQuery(c.query, CASE_CONTEXT)) }))
    .filter((x) => x.diff.length > 0);
  return { total: cases.length, correct: cases.length - misses.length, misses };
}

export async function run(): Promise<BenchSection> {
  const cal = calendars();
  const prep = meetings();
  const queries = QUERY_CASES.map((c) => c.query);
  const latency = [
    [
      'prepareMeeting (20 communications, 10 activities)',
      prep.length,
      measureLatency(prep, prepareMeeting, 2_000),
    ],
    ['suggestSlots (50 events over 2 weeks)', cal.length, measureLatency(cal, suggestSlots, 500)],
    [
      'parseQuery',
      queries.length,
      measureLatency(queries, (q) => parseQuery(q, CASE_CONTEXT), 5_000),
    ],
  ] as const;
  const table = accuracy(QUERY_CASES);
  const stretch = accuracy(STRETCH_CASES);
  const pct = (a: { correct: number; total: number }) => `${round((a.correct / a.total) * 100)}%`;
  const slots = cal.map((c) => suggestSlots(c).suggestedTimes.length);

  const markdown = [
    markdownTable(
      ['engine', 'inputs', 'calls', 'p50 µs', 'p99 µs', 'mean µs'],
      latency.map(([name, inputs, l]) => [
        name,
        inputs,
        l.calls,
        l.p50Micros,
        l.p99Micros,
        l.meanMicros,
      ]),
    ),
    '',
    `suggestSlots returned ${Math.min(...slots)}–${Math.max(...slots)} slots per calendar (5 asked).`,
    '',
    markdownTable(
      ['query set', 'queries', 'fully correct', 'share'],
      [
        ['test table (parse.test.ts)', table.total, table.correct, pct(table)],
        ['stretch paraphrases (not asserted)', stretch.total, stretch.correct, pct(stretch)],
      ],
    ),
    '',
    'Misses (the stretch set holds phrasings the rules do not read yet):',
    '',
    ...table.misses.map((m) => `- table: "${m.c.query}": ${m.diff.join('; ')}`),
    ...stretch.misses.map((m) => `- stretch: "${m.c.query}": ${m.diff.join('; ')}`),
  ];
  return {
    title: 'Meeting preparation, smart scheduling, natural-language query',
    markdown: markdown.join('\n'),
  };
}

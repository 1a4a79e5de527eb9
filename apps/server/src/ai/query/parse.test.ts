import { NlQueryResultSchema } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { CASE_CONTEXT, QUERY_CASES, caseDiff } from './cases';
import { parseQuery } from './parse';

describe('parseQuery: the query table', () => {
  it('has at least 40 cases', () => {
    expect(QUERY_CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(QUERY_CASES.map((c) => [c.query, c] as const))('%s', (_q, c) => {
    const result = parseQuery(c.query, CASE_CONTEXT);
    expect(caseDiff(c, result)).toEqual([]);
    expect(NlQueryResultSchema.safeParse(result).success).toBe(true);
  });
});

describe('parseQuery: dates', () => {
  const at = (iso: string, timezone: string) => ({ now: new Date(iso), timezone });

  it('resolves "this month" in the user zone, not in UTC', () => {
    // 02:00 UTC on 1 April is still 31 March, 22:00, in New York.
    const ny = parseQuery(
      'deals closing this month',
      at('2025-04-01T02:00:00Z', 'America/New_York'),
    );
    const utc = parseQuery('deals closing this month', at('2025-04-01T02:00:00Z', 'UTC'));
    expect([ny.filters.dateFrom, ny.filters.dateTo]).toEqual(['2025-03-01', '2025-03-31']);
    expect([utc.filters.dateFrom, utc.filters.dateTo]).toEqual(['2025-04-01', '2025-04-30']);
  });

  it('resolves "tomorrow" across the date line', () => {
    const sydney = parseQuery('meetings tomorrow', at('2025-03-12T15:00:00Z', 'Australia/Sydney'));
    expect(sydney.filters.dateFrom).toBe('2025-03-14');
    const kolkata = parseQuery('meetings tomorrow', at('2025-03-12T15:00:00Z', 'Asia/Kolkata'));
    expect(kolkata.filters.dateFrom).toBe('2025-03-13');
  });

  it('keeps calendar weeks whole across a DST change', () => {
    const r = parseQuery('meetings next week', at('2025-03-05T15:00:00Z', 'America/New_York'));
    expect([r.filters.dateFrom, r.filters.dateTo]).toEqual(['2025-03-10', '2025-03-16']);
  });

  it('falls back to UTC for an unknown zone instead of failing', () => {
    const r = parseQuery('meetings today', at('2025-03-12T23:30:00Z', 'Mars/Olympus'));
    expect(r.filters.dateFrom).toBe('2025-03-12');
  });

  it('reads "may" as a verb unless it names the month', () => {
    const verb = parseQuery('deals that may close soon', CASE_CONTEXT);
    expect(verb.filters.dateFrom).toBeUndefined();
    expect(verb.filters.dealFilter).toBe('closing-soon');
    const month = parseQuery('deals won in May', CASE_CONTEXT);
    // Past tense: the latest May that has begun, i.e. last year's.
    expect([month.filters.dateFrom, month.filters.dateTo]).toEqual(['2024-05-01', '2024-05-31']);
  });

  it('places "the 15th" after today when the 15th of this month has passed', () => {
    const r = parseQuery('calls before the 15th', at('2025-03-20T15:00:00Z', 'UTC'));
    expect(r.filters.dateTo).toBe('2025-04-14');
  });

  it('reads "the day after tomorrow" as one day, not as tomorrow', () => {
    expect(parseQuery('calls the day after tomorrow', CASE_CONTEXT).filters.dateFrom).toBe(
      '2025-03-14',
    );
  });

  it('keeps a range in order when its end names a recurring day', () => {
    const r = parseQuery('meetings between monday and wednesday', CASE_CONTEXT);
    expect([r.filters.dateFrom, r.filters.dateTo]).toEqual(['2025-03-17', '2025-03-19']);
  });

  it('reads "the week after next"', () => {
    const r = parseQuery('meetings the week after next', CASE_CONTEXT);
    expect([r.filters.dateFrom, r.filters.dateTo]).toEqual(['2025-03-24', '2025-03-30']);
  });
});

describe('parseQuery: amounts and names', () => {
  it('keeps the typed text of an entity', () => {
    const r = parseQuery('Deals over $1.2M', CASE_CONTEXT);
    expect(r.entities).toContainEqual({ type: 'amount', text: 'over $1.2M', value: 1_200_000 });
  });

  it('does not read counts and durations as money', () => {
    const r = parseQuery('top 10 deals won in the last 30 days', CASE_CONTEXT);
    expect(r.entities.filter((e) => e.type === 'amount')).toEqual([]);
    expect(r.filters.minValue).toBeUndefined();
  });

  it('reads "50k+" and "50k or more" as minimums', () => {
    expect(parseQuery('deals 50k+', CASE_CONTEXT).filters).toMatchObject({ minValue: 50000 });
    expect(parseQuery('deals of 50k or more', CASE_CONTEXT).filters).toMatchObject({
      minValue: 50000,
    });
    expect(parseQuery('deals at most 8k', CASE_CONTEXT).filters).toMatchObject({ maxValue: 8000 });
  });

  it('leaves a shared first name unresolved rather than guessing', () => {
    const r = parseQuery('emails from Maria', CASE_CONTEXT);
    expect(r.filters.contactId).toBeUndefined();
    expect(r.filters.search).toBe('Maria');
  });

  it('never reads a query word as a name', () => {
    const ctx = {
      ...CASE_CONTEXT,
      knownContacts: [{ id: 's1', name: 'Sunday Adams', company: 'Hot Sauce Co' }],
    };
    const r = parseQuery('hot deals on sunday', ctx);
    expect(r.filters.contactId).toBeUndefined();
    expect(r.filters.company).toBeUndefined();
    expect(r.filters.dealFilter).toBe('hot');
  });

  it('tolerates a typo in a full name but not in a short one', () => {
    expect(parseQuery('calls with Priya Natarjan', CASE_CONTEXT).filters.contactId).toBe('c4');
    const ctx = { ...CASE_CONTEXT, knownCompanies: ['IBM'] };
    expect(parseQuery('contacts at IBN', ctx).filters.company).toBeUndefined();
  });

  it('is deterministic', () => {
    const a = parseQuery('deals closing next month over 20k at Acme', CASE_CONTEXT);
    const b = parseQuery('deals closing next month over 20k at Acme', CASE_CONTEXT);
    expect(a).toEqual(b);
  });
});

import {
  NlQueryFiltersSchema,
  NlQueryIntentSchema,
  type NlEntity,
  type NlQueryFilters,
  type NlQueryIntent,
} from '@flow/contracts';
import type { Aggregate } from './keywords';
import type { ParsedQuery, QueryContext } from './parse';

/**
 * The natural-language query table: used by parse.test.ts (every case must pass) and by the
 * bench (share parsed fully correctly). Fixed clock: Wednesday 12 March 2025, 11:00 in New York.
 *
 * Two lines per case, so the table stays readable:
 *   query | intent | route [| aggregate]
 *       filter=value; … | entityType=value; …        ("-" for none)
 */

export const CASE_CONTEXT: QueryContext = {
  now: new Date('2025-03-12T15:00:00Z'),
  timezone: 'America/New_York',
  knownContacts: [
    { id: 'c1', name: 'Maria Garcia', company: 'Acme Corp' },
    { id: 'c2', name: 'John Smith', company: 'Globex' },
    { id: 'c3', name: 'Maria Lopez', company: 'Initech' },
    { id: 'c4', name: 'Priya Natarajan', company: 'Umbrella Ltd' },
    { id: 'c5', name: 'Hans Müller', company: 'Wayne Enterprises' },
  ],
  knownCompanies: [
    'Acme Corp',
    'Globex',
    'Initech',
    'Umbrella Ltd',
    'Wayne Enterprises',
    'Stark Industries',
  ],
};

const TABLE = `
deals closing this month over 50k | find-deals | /deals?filter=closing-soon&minValue=50000&closeFrom=2025-03-01&closeTo=2025-03-31
    dealFilter=closing-soon; minValue=50000; dateFrom=2025-03-01; dateTo=2025-03-31 | date=2025-03-01/2025-03-31; amount=50000
at-risk contacts at Acme | find-contacts | /contacts?filter=at-risk&search=Acme+Corp
    contactFilter=at-risk; company=Acme Corp; search=Acme Corp | company=Acme Corp
meetings next week with Maria | find-events | /calendar?start=2025-03-17&end=2025-03-23&search=Maria
    dateFrom=2025-03-17; dateTo=2025-03-23; search=Maria | date=2025-03-17/2025-03-23
how many deals did we win last quarter | find-deals | /deals?stage=closed-won&closeFrom=2024-10-01&closeTo=2024-12-31 | count
    stage=closed-won; dateFrom=2024-10-01; dateTo=2024-12-31 | stage=closed-won; date=2024-10-01/2024-12-31
unread messages from Globex | find-messages | /conversations?filter=unread&search=Globex
    company=Globex; search=Globex | company=Globex
deals between 20k and 40k | find-deals | /deals?minValue=20000&maxValue=40000
    minValue=20000; maxValue=40000 | amount=20000; amount=40000
deals over $1.2M in negotiation | find-deals | /deals?stage=negotiation&minValue=1200000
    stage=negotiation; minValue=1200000 | stage=negotiation; amount=1200000
deals under 10,000 | find-deals | /deals?maxValue=10000
    maxValue=10000 | amount=10000
hot deals | find-deals | /deals?filter=hot
    dealFilter=hot | -
deals at risk | find-deals | /deals?filter=at-risk
    dealFilter=at-risk | -
deals closing soon | find-deals | /deals?filter=closing-soon
    dealFilter=closing-soon | -
lost deals last month | find-deals | /deals?stage=closed-lost&closeFrom=2025-02-01&closeTo=2025-02-28
    stage=closed-lost; dateFrom=2025-02-01; dateTo=2025-02-28 | stage=closed-lost; date=2025-02-01/2025-02-28
deals in negociation at Wayne | find-deals | /deals?stage=negotiation&search=Wayne+Enterprises
    stage=negotiation; company=Wayne Enterprises; search=Wayne Enterprises | stage=negotiation; company=Wayne Enterprises
proposal stage deals closing next month | find-deals | /deals?stage=proposal&closeFrom=2025-04-01&closeTo=2025-04-30
    stage=proposal; dateFrom=2025-04-01; dateTo=2025-04-30 | stage=proposal; date=2025-04-01/2025-04-30
high-value contacts | find-contacts | /contacts?filter=high-value
    contactFilter=high-value | -
recent contacts at Initech | find-contacts | /contacts?filter=recent&search=Initech
    contactFilter=recent; company=Initech; search=Initech | company=Initech
contacts at Stark Industries | find-contacts | /contacts?search=Stark+Industries
    company=Stark Industries; search=Stark Industries | company=Stark Industries
who is John Smith | find-contacts | /contacts?search=John+Smith
    contactId=c2; search=John Smith | contact=c2
emails from Priya | find-messages | /conversations?search=Priya+Natarajan
    contactId=c4; search=Priya Natarajan | contact=c4
high priority conversations | find-messages | /conversations?filter=high-priority
    priority=high | -
messages that need follow-up | find-messages | /conversations?filter=follow-up
    - | -
archived chats with Umbrella | find-messages | /conversations?filter=archived&search=Umbrella+Ltd
    company=Umbrella Ltd; search=Umbrella Ltd | company=Umbrella Ltd
demos tomorrow | find-events | /calendar?start=2025-03-13&end=2025-03-13
    dateFrom=2025-03-13; dateTo=2025-03-13 | date=2025-03-13
calls next Friday with John Smith | find-events | /calendar?start=2025-03-21&end=2025-03-21&search=John+Smith
    dateFrom=2025-03-21; dateTo=2025-03-21; contactId=c2; search=John Smith | date=2025-03-21; contact=c2
follow-ups this week | find-events | /calendar?start=2025-03-10&end=2025-03-16&filter=follow-ups
    dateFrom=2025-03-10; dateTo=2025-03-16 | date=2025-03-10/2025-03-16
meetings today | find-events | /calendar?start=2025-03-12&end=2025-03-12
    dateFrom=2025-03-12; dateTo=2025-03-12 | date=2025-03-12
total value of deals in negotiation | find-deals | /deals?stage=negotiation | sum
    stage=negotiation | stage=negotiation
deals won in Q3 2024 | find-deals | /deals?stage=closed-won&closeFrom=2024-07-01&closeTo=2024-09-30
    stage=closed-won; dateFrom=2024-07-01; dateTo=2024-09-30 | stage=closed-won; date=2024-07-01/2024-09-30
deals closing in Q3 | find-deals | /deals?closeFrom=2025-07-01&closeTo=2025-09-30
    dateFrom=2025-07-01; dateTo=2025-09-30 | date=2025-07-01/2025-09-30
deals closing before the 15th | find-deals | /deals?filter=closing-soon&closeTo=2025-03-14
    dealFilter=closing-soon; dateTo=2025-03-14 | date=../2025-03-14
deals won in the last 30 days | find-deals | /deals?stage=closed-won&closeFrom=2025-02-10&closeTo=2025-03-12
    stage=closed-won; dateFrom=2025-02-10; dateTo=2025-03-12 | stage=closed-won; date=2025-02-10/2025-03-12
deals closing after April 1 | find-deals | /deals?closeFrom=2025-04-02
    dateFrom=2025-04-02 | date=2025-04-02/..
qualified leads over 5k | find-deals | /deals?stage=qualified&minValue=5000
    stage=qualified; minValue=5000 | stage=qualified; amount=5000
deals with Maria Garcia | find-deals | /deals?search=Maria+Garcia
    contactId=c1; search=Maria Garcia | contact=c1
Globex deals more than 25,000 dollars | find-deals | /deals?minValue=25000&search=Globex
    minValue=25000; company=Globex; search=Globex | company=Globex; amount=25000
deals around 100k | find-deals | /deals?minValue=90000&maxValue=110000
    minValue=90000; maxValue=110000 | amount=100000
deals closing between March 20 and April 10 | find-deals | /deals?filter=closing-soon&closeFrom=2025-03-20&closeTo=2025-04-10
    dealFilter=closing-soon; dateFrom=2025-03-20; dateTo=2025-04-10 | date=2025-03-20/2025-04-10
how many contacts at Acme are at risk | find-contacts | /contacts?filter=at-risk&search=Acme+Corp | count
    contactFilter=at-risk; company=Acme Corp; search=Acme Corp | company=Acme Corp
meetings in April | find-events | /calendar?start=2025-04-01&end=2025-04-30
    dateFrom=2025-04-01; dateTo=2025-04-30 | date=2025-04-01/2025-04-30
events since Monday | find-events | /calendar?start=2025-03-10&end=2025-03-12
    dateFrom=2025-03-10; dateTo=2025-03-12 | date=2025-03-10/2025-03-12
acme | find-contacts | /contacts?search=Acme+Corp
    company=Acme Corp; search=Acme Corp | company=Acme Corp
Glboex contacts | find-contacts | /contacts?search=Globex
    company=Globex; search=Globex | company=Globex
deals for Jon Smith | find-deals | /deals?search=John+Smith
    contactId=c2; search=John Smith | contact=c2
big deals closing next week | find-deals | /deals?filter=closing-soon&minValue=50000&closeFrom=2025-03-17&closeTo=2025-03-23
    dealFilter=closing-soon; minValue=50000; dateFrom=2025-03-17; dateTo=2025-03-23 | date=2025-03-17/2025-03-23
what's the weather | unknown | /search?q=what%27s+the+weather
    - | -
urgent meetings this week | find-events | /calendar?start=2025-03-10&end=2025-03-16&filter=high-priority
    priority=high; dateFrom=2025-03-10; dateTo=2025-03-16 | date=2025-03-10/2025-03-16
emails about pricing | find-messages | /conversations?search=pricing
    search=pricing | -
deals between 20 and 40k | find-deals | /deals?minValue=20000&maxValue=40000
    minValue=20000; maxValue=40000 | amount=20000; amount=40000
prospects added this week | find-deals | /deals?stage=prospect&sort=-createdDate
    stage=prospect; dateFrom=2025-03-10; dateTo=2025-03-16 | stage=prospect; date=2025-03-10/2025-03-16
deals we might lose | find-deals | /deals?filter=at-risk
    dealFilter=at-risk | -
deals worth less than 5000 closing by end of month | find-deals | /deals?filter=closing-soon&maxValue=5000&closeTo=2025-03-31
    dealFilter=closing-soon; maxValue=5000; dateTo=2025-03-31 | amount=5000; date=../2025-03-31
Maria Lopez's deals in the proposal stage | find-deals | /deals?stage=proposal&search=Maria+Lopez
    stage=proposal; contactId=c3; search=Maria Lopez | stage=proposal; contact=c3
meetings on 3/20 | find-events | /calendar?start=2025-03-20&end=2025-03-20
    dateFrom=2025-03-20; dateTo=2025-03-20 | date=2025-03-20
deals closing in May | find-deals | /deals?closeFrom=2025-05-01&closeTo=2025-05-31
    dateFrom=2025-05-01; dateTo=2025-05-31 | date=2025-05-01/2025-05-31
calls yesterday | find-events | /calendar?start=2025-03-11&end=2025-03-11
    dateFrom=2025-03-11; dateTo=2025-03-11 | date=2025-03-11
`;

/** Harder paraphrases, reported by the bench only: what the rules do not (yet) read. */
const STRETCH = `
show me everything Acme signed this year | find-deals | /deals?stage=closed-won&closeFrom=2025-01-01&closeTo=2025-12-31&search=Acme+Corp
    stage=closed-won; company=Acme Corp; search=Acme Corp; dateFrom=2025-01-01; dateTo=2025-12-31 | stage=closed-won; company=Acme Corp; date=2025-01-01/2025-12-31
opportunities north of half a million | find-deals | /deals?minValue=500000
    minValue=500000 | amount=500000
people I haven't spoken to in a month | find-contacts | /contacts?filter=at-risk
    contactFilter=at-risk | -
what is on my calendar the week after next | find-events | /calendar?start=2025-03-24&end=2025-03-30
    dateFrom=2025-03-24; dateTo=2025-03-30 | date=2025-03-24/2025-03-30
Globex deals that are stuck in proposal | find-deals | /deals?filter=at-risk&stage=proposal&search=Globex
    stage=proposal; dealFilter=at-risk; company=Globex; search=Globex | stage=proposal; company=Globex
deals that closed the quarter before last | find-deals | /deals?closeFrom=2024-07-01&closeTo=2024-09-30
    dateFrom=2024-07-01; dateTo=2024-09-30 | date=2024-07-01/2024-09-30
deals between fifty and eighty thousand | find-deals | /deals?minValue=50000&maxValue=80000
    minValue=50000; maxValue=80000 | amount=50000; amount=80000
`;

export interface QueryCase {
  query: string;
  intent: NlQueryIntent;
  filters: NlQueryFilters;
  /** [type, value] pairs, in any order; the typed text is not compared. */
  entities: [NlEntity['type'], string | number][];
  route: string;
  aggregate?: Aggregate;
}

const NUMERIC_FILTERS = new Set(['minValue', 'maxValue']);
const AGGREGATES: readonly string[] = ['count', 'sum', 'average'];

const pairs = (cell: string) =>
  cell === '-'
    ? []
    : cell.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at), pair.slice(at + 1)] as const;
      });

/** Reads the table, failing loudly on a malformed row so a typo cannot pass as a case. */
function readTable(text: string): QueryCase[] {
  const rows = text.split('\n').filter((l) => l.trim() !== '');
  const cases: QueryCase[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    const [query, intent, route, aggregate] = (rows[i] ?? '').split(' | ');
    const [filterCell, entityCell] = (rows[i + 1] ?? '').trim().split(' | ');
    if (!query || !route || !filterCell || !entityCell) throw new Error(`Bad case row: ${rows[i]}`);
    if (aggregate !== undefined && !AGGREGATES.includes(aggregate))
      throw new Error(`Bad aggregate: ${aggregate}`);
    const filters = Object.fromEntries(
      pairs(filterCell).map(([k, v]) => [k, NUMERIC_FILTERS.has(k) ? Number(v) : v]),
    );
    const unknown = Object.keys(filters).filter((k) => !(k in NlQueryFiltersSchema.shape));
    if (unknown.length > 0) throw new Error(`Unknown filter ${unknown.join(', ')} in: ${query}`);
    const c: QueryCase = {
      query,
      intent: NlQueryIntentSchema.parse(intent),
      filters: NlQueryFiltersSchema.parse(filters),
      entities: pairs(entityCell).map(([type, v]) => [
        type as NlEntity['type'],
        type === 'amount' ? Number(v) : v,
      ]),
      route,
    };
    if (aggregate) c.aggregate = aggregate as Aggregate;
    cases.push(c);
  }
  return cases;
}

export const QUERY_CASES = readTable(TABLE);
export const STRETCH_CASES = readTable(STRETCH);

/** Field-by-field differences between a case and a parse; empty when it is fully correct. */
export function caseDiff(c: QueryCase, r: ParsedQuery): string[] {
  const diffs: string[] = [];
  if (r.intent !== c.intent) diffs.push(`intent ${r.intent} ≠ ${c.intent}`);
  const sortKeys = (o: object) =>
    JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  if (sortKeys(r.filters) !== sortKeys(c.filters)) {
    diffs.push(`filters ${JSON.stringify(r.filters)} ≠ ${JSON.stringify(c.filters)}`);
  }
  const key = (e: readonly [string, string | number]) => `${e[0]}=${e[1]}`;
  const got = r.entities.map((e) => key([e.type, e.value])).sort();
  const want = c.entities.map(key).sort();
  if (got.join('|') !== want.join('|'))
    diffs.push(`entities ${got.join(', ')} ≠ ${want.join(', ')}`);
  if (r.suggestedRoute !== c.route) diffs.push(`route ${r.suggestedRoute} ≠ ${c.route}`);
  if (r.aggregate !== c.aggregate) diffs.push(`aggregate ${r.aggregate} ≠ ${c.aggregate}`);
  return diffs;
}

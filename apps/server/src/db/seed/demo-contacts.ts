import { newId } from '../../platform/ids';
import type { Sentiment } from '../schema';
import type { FullRow } from './batch';
import { json, pickOwner, weekdayAfter, type DemoContext, type DemoUser } from './demo-context';
import { contactScores } from './scoring';
import { COMMUNICATIONS, CONTACT_NOTES, JOB_TITLES, PRODUCTS, fill } from './text';
import { DAY, iso, officeHours } from './time';

/** How a relationship is going; drives the rhythm and tone of the contact's history. */
export type Profile = 'engaged' | 'steady' | 'cooling' | 'at-risk';

export interface DemoContact {
  id: string;
  name: string;
  first: string;
  company: string;
  email: string;
  owner: DemoUser;
  profile: Profile;
  deleted: boolean;
  notes: string[];
  history: { date: number; sentiment: Sentiment; summary: string }[];
  row: FullRow<'contacts'>;
}

const RHYTHM: Record<
  Profile,
  { events: [number, number]; lastDays: [number, number]; gap: [number, number] }
> = {
  engaged: { events: [5, 10], lastDays: [0, 6], gap: [3, 12] },
  steady: { events: [4, 8], lastDays: [5, 25], gap: [7, 20] },
  cooling: { events: [3, 6], lastDays: [30, 75], gap: [10, 30] },
  'at-risk': { events: [3, 6], lastDays: [20, 110], gap: [8, 25] },
};

const TONE: Record<Profile, readonly (readonly [Sentiment, number])[]> = {
  engaged: [
    ['positive', 6],
    ['neutral', 3],
    ['negative', 1],
  ],
  steady: [
    ['positive', 3],
    ['neutral', 5],
    ['negative', 2],
  ],
  cooling: [
    ['positive', 1],
    ['neutral', 5],
    ['negative', 4],
  ],
  'at-risk': [
    ['positive', 1],
    ['neutral', 3],
    ['negative', 6],
  ],
};

const bySentiment = (s: Sentiment) => COMMUNICATIONS.filter((c) => c.sentiment === s);
const POOLS: Record<Sentiment, typeof COMMUNICATIONS> = {
  positive: bySentiment('positive'),
  neutral: bySentiment('neutral'),
  negative: bySentiment('negative'),
};

/** Contacts and their communication history; scores and totals come later (finalizeContacts). */
export function buildContacts(ctx: DemoContext, count: number, deletedCount: number) {
  const { rng, faker, now } = ctx;
  // Several contacts per company, as in a real book of business.
  const companies = Array.from({ length: Math.ceil(count * 0.6) }, () => faker.company.name());
  const emails = new Set<string>();
  const contacts: DemoContact[] = [];
  const events: FullRow<'communication_events'>[] = [];

  for (let i = 0; i < count; i++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const name = `${first} ${last}`;
    const company = rng.pick(companies);
    const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`;
    let email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${domain}`;
    if (emails.has(email)) email = email.replace('@', `${i}@`);
    emails.add(email);
    const owner = pickOwner(ctx);
    const profile = rng.weighted<Profile>([
      ['engaged', 30],
      ['steady', 35],
      ['cooling', 20],
      ['at-risk', 15],
    ]);
    const id = newId();
    const history = buildHistory(ctx, profile, { first, company });
    for (const h of history) {
      events.push({
        ...h.row,
        id: newId(),
        organization_id: ctx.orgId,
        contact_id: id,
        owner_id: owner.id,
        created_by: owner.id,
      });
    }
    const createdAt = Math.min(...history.map((h) => h.date)) - rng.int(1, 30) * DAY;
    const notes = rng.sample(CONTACT_NOTES, rng.int(0, 2));
    contacts.push({
      id,
      name,
      first,
      company,
      email,
      owner,
      profile,
      deleted: i >= count - deletedCount,
      notes,
      history: history.map(({ date, sentiment, row }) => ({
        date,
        sentiment,
        summary: row.summary,
      })),
      row: {
        id,
        organization_id: ctx.orgId,
        owner_id: owner.id,
        name,
        email,
        phone: faker.phone.number({ style: 'national' }),
        company,
        title: rng.pick(JOB_TITLES),
        avatar: null,
        health_score: 50,
        relationship_health: 'medium',
        sentiment: 'neutral',
        churn_risk: 0,
        total_deals: 0,
        total_value: 0,
        last_contact: null,
        next_follow_up: nextFollowUp(ctx, profile),
        notes: json(notes),
        created_at: iso(createdAt),
        updated_at: iso(now - rng.int(0, 5) * DAY),
        deleted_at: i >= count - deletedCount ? iso(now - rng.int(1, 20) * DAY) : null,
      },
    });
  }
  return { contacts, events };
}

type HistoryRow = Omit<
  FullRow<'communication_events'>,
  'id' | 'organization_id' | 'contact_id' | 'owner_id' | 'created_by'
>;

function buildHistory(ctx: DemoContext, profile: Profile, who: { first: string; company: string }) {
  const { rng, now } = ctx;
  const rhythm = RHYTHM[profile];
  const count = rng.int(...rhythm.events);
  let daysAgo = rng.int(...rhythm.lastDays);
  const history: { date: number; sentiment: Sentiment; row: HistoryRow }[] = [];
  for (let n = 0; n < count; n++) {
    // Office hours today may still be ahead of `now`: history never lies in the future.
    const date = Math.min(
      officeHours(now, -daysAgo, rng.int(0, 31)),
      now - rng.int(10, 120) * 60_000,
    );
    const sentiment = rng.weighted(TONE[profile]);
    const template = rng.pick(POOLS[sentiment]);
    const vars = { ...who, product: rng.pick(PRODUCTS), day: weekdayAfter(date, rng.int(3, 9)) };
    history.push({
      date,
      sentiment,
      row: {
        type: template.type,
        date: iso(date),
        subject: template.subject,
        summary: fill(template.summary, vars),
        sentiment,
        ai_analysis: json({
          sentiment,
          confidence: rng.int(62, 96),
          emotionalTone: TONE_WORD[sentiment],
        }),
        created_at: iso(date),
      },
    });
    daysAgo += rng.int(...rhythm.gap);
  }
  return history.reverse();
}

const TONE_WORD: Record<Sentiment, string> = {
  positive: 'optimistic',
  neutral: 'matter-of-fact',
  negative: 'concerned',
};

/** Engaged contacts have a follow-up booked; quieter ones often have one that has passed. */
function nextFollowUp(ctx: DemoContext, profile: Profile): string | null {
  const { rng, now } = ctx;
  if (profile === 'engaged') return iso(officeHours(now, rng.int(1, 14), rng.int(0, 31)));
  if (rng.chance(0.3)) return null;
  const days = profile === 'steady' ? rng.int(-5, 20) : rng.int(-20, 5);
  return iso(officeHours(now, days === 0 ? 1 : days, rng.int(0, 31)));
}

/**
 * Fills the computed fields once deals exist: totals over the contact's non-deleted deals,
 * health and churn from the history and open deals, last contact = latest communication.
 */
export function finalizeContacts(
  ctx: DemoContext,
  contacts: readonly DemoContact[],
  deals: readonly { contactId: string; value: number; open: boolean; deleted: boolean }[],
): void {
  const totals = new Map<string, { count: number; value: number; open: number }>();
  for (const deal of deals) {
    if (deal.deleted) continue;
    const t = totals.get(deal.contactId) ?? { count: 0, value: 0, open: 0 };
    t.count += 1;
    t.value += deal.value;
    t.open += deal.open ? 1 : 0;
    totals.set(deal.contactId, t);
  }
  for (const contact of contacts) {
    const t = totals.get(contact.id) ?? { count: 0, value: 0, open: 0 };
    const scores = contactScores(contact.history, t.open, ctx.now);
    Object.assign(contact.row, {
      total_deals: t.count,
      total_value: t.value,
      health_score: scores.healthScore,
      relationship_health: scores.relationshipHealth,
      churn_risk: scores.churnRisk,
      sentiment: scores.sentiment,
      last_contact: scores.lastContact === null ? null : iso(scores.lastContact),
    });
  }
}

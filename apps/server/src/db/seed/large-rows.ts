import { newId } from '../../platform/ids';
import type { EventType, Sentiment } from '../schema';
import type { FullRow } from './batch';
import { companyOf, contactName, ownerOf, stageOf, type BenchPlan } from './large-plan';
import {
  contactScores,
  dealConfidence,
  dealPriority,
  dealProbability,
  isClosed,
  sentimentOf,
} from './scoring';
import { COMMUNICATIONS, COMPETITORS, JOB_TITLES, fill } from './text';
import { ACTIVITIES } from './text-deals';
import { INBOUND, OUTBOUND } from './text-messages';
import { DAY, MINUTE, iso, officeHours, startOfDay } from './time';

// Benchmark rows, generated a range at a time from the plan: cheap arithmetic and pool lookups.
// Each generator returns rows keyed by table name, parents first.

const TEMPLATES = Object.values(ACTIVITIES).flat();
const RISKS = [
  ...new Set(TEMPLATES.flatMap((t) => (t.signal?.kind === 'risk' ? [t.signal.label] : []))),
];
const POSITIVES = [
  ...new Set(TEMPLATES.flatMap((t) => (t.signal?.kind === 'positive' ? [t.signal.label] : []))),
];
const EVENT_TYPES: readonly EventType[] = ['meeting', 'call', 'demo', 'follow-up', 'internal'];
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function contactRows(plan: BenchPlan, from: number, to: number) {
  const { rng, now, orgId } = plan;
  const contacts: FullRow<'contacts'>[] = [];
  const communication_events: FullRow<'communication_events'>[] = [];
  for (let i = from; i < to; i++) {
    const id = plan.contactIds[i] ?? newId();
    const owner = ownerOf(plan, i);
    const { first, name } = contactName(plan, i);
    const company = companyOf(plan, i);
    const talk = rng.pick(COMMUNICATIONS);
    const date = now - rng.int(30, 180 * 24 * 60) * MINUTE;
    const scores = contactScores(
      [{ date, sentiment: talk.sentiment }],
      plan.contactOpenDeals[i] ?? 0,
      now,
    );
    const created = iso(date - rng.int(1, 400) * DAY);
    communication_events.push({
      id: newId(),
      organization_id: orgId,
      contact_id: id,
      owner_id: owner.id,
      type: talk.type,
      date: iso(date),
      subject: talk.subject,
      summary: fill(talk.summary, { first, company, product: 'Flow', day: 'Monday' }),
      sentiment: talk.sentiment,
      ai_analysis: null,
      created_by: owner.id,
      created_at: iso(date),
    });
    contacts.push({
      id,
      organization_id: orgId,
      owner_id: owner.id,
      name,
      email: `${slug(first)}.${i}@${slug(company)}.example.com`,
      phone: `+1 555 ${String(i % 10_000_000).padStart(7, '0')}`,
      company,
      title: JOB_TITLES[i % JOB_TITLES.length] ?? null,
      avatar: null,
      health_score: scores.healthScore,
      relationship_health: scores.relationshipHealth,
      sentiment: scores.sentiment,
      churn_risk: scores.churnRisk,
      total_deals: plan.contactDeals[i] ?? 0,
      total_value: plan.contactValue[i] ?? 0,
      last_contact: iso(date),
      next_follow_up: rng.chance(0.6) ? iso(officeHours(now, rng.int(-20, 30), i)) : null,
      notes: '[]',
      created_at: created,
      updated_at: iso(date),
      deleted_at: null,
    });
  }
  return { contacts, communication_events };
}

export function dealRows(plan: BenchPlan, from: number, to: number) {
  const { rng, now, orgId } = plan;
  const deals: FullRow<'deals'>[] = [];
  const deal_activities: FullRow<'deal_activities'>[] = [];
  for (let d = from; d < to; d++) {
    const id = plan.dealIds[d] ?? newId();
    const contact = plan.dealContact[d] ?? 0;
    const owner = ownerOf(plan, contact);
    const stage = stageOf(plan, d);
    const value = plan.dealValue[d] ?? 0;
    const closed = isClosed(stage);
    const risks = rng.sample(RISKS, rng.int(0, 2));
    const positives = rng.sample(POSITIVES, rng.int(0, 3));
    const competitor = rng.chance(0.15) ? rng.pick(COMPETITORS) : null;
    const score = dealProbability(stage, positives, risks, competitor);
    const closedAt = closed ? now - rng.int(1, 180) * DAY : null;
    const lastActivity = (closedAt ?? now) - rng.int(0, 30 * 24) * 60 * MINUTE;
    const created = lastActivity - rng.int(5, 200) * DAY;
    const template = rng.pick(TEMPLATES);
    const { first, name } = contactName(plan, contact);
    const company = companyOf(plan, contact);
    deal_activities.push({
      id: newId(),
      organization_id: orgId,
      deal_id: id,
      owner_id: owner.id,
      type: template.type,
      date: iso(lastActivity),
      description: fill(template.description, {
        first,
        company,
        product: 'Flow',
        competitor: competitor ?? 'a competitor',
      }),
      outcome: template.outcome ?? null,
      next_step: template.nextStep ?? null,
      created_by: owner.id,
      created_at: iso(lastActivity),
    });
    deals.push({
      id,
      organization_id: orgId,
      owner_id: owner.id,
      title: `${company} — deal ${d + 1}`,
      contact_id: plan.contactIds[contact] ?? null,
      contact_name: name,
      company,
      description: '',
      value,
      stage,
      probability: score.probability,
      confidence: dealConfidence(stage, [lastActivity], positives.length, risks.length, now),
      priority: dealPriority(stage, value, score.probability),
      expected_close_date: iso(startOfDay(closedAt ?? now + rng.int(1, 180) * DAY)),
      closed_date: closedAt === null ? null : iso(closedAt),
      last_activity: iso(lastActivity),
      stage_changed_at: iso(closedAt ?? created + (lastActivity - created) / 2),
      competitor_mentioned: competitor,
      risk_factors: JSON.stringify(risks),
      positive_signals: JSON.stringify(positives),
      probability_reasoning: JSON.stringify(score.reasoning),
      created_at: iso(created),
      updated_at: iso(lastActivity),
      deleted_at: null,
    });
  }
  return { deals, deal_activities };
}

export function conversationRows(plan: BenchPlan, from: number, to: number) {
  const { rng, now, orgId, sizes } = plan;
  const conversations: FullRow<'conversations'>[] = [];
  const messages: FullRow<'messages'>[] = [];
  const stride = Math.max(1, Math.floor(sizes.contacts / sizes.conversations));
  for (let k = from; k < to; k++) {
    const id = newId();
    const contact = (k * stride) % sizes.contacts;
    const contactId = plan.contactIds[contact] ?? '';
    const owner = ownerOf(plan, contact);
    const { first, name } = contactName(plan, contact);
    const company = companyOf(plan, contact);
    const vars = {
      first,
      company,
      owner: owner.name,
      product: 'Flow',
      competitor: 'a competitor',
      day: 'Monday',
    };
    // Starts far enough back that the last reply (gaps of up to two days) is still in the past.
    const span = sizes.messagesPerConversation * 48 * 60;
    let at = now - (rng.int(60, 90 * 24 * 60) + span) * MINUTE;
    const unreadFrom = rng.chance(0.3) ? sizes.messagesPerConversation - 1 : Infinity;
    const moods: Sentiment[] = [];
    let lastId = '';
    let lastContent = '';
    for (let n = 0; n < sizes.messagesPerConversation; n++) {
      const fromContact = n % 2 === 1;
      const inbound = fromContact ? rng.pick(INBOUND) : null;
      const content = fill(inbound?.content ?? rng.pick(OUTBOUND).content, vars);
      if (inbound) moods.push(inbound.sentiment);
      lastId = newId();
      lastContent = content;
      messages.push({
        id: lastId,
        organization_id: orgId,
        conversation_id: id,
        owner_id: owner.id,
        sender_id: fromContact ? contactId : owner.id,
        sender_name: fromContact ? name : owner.name,
        sender_type: fromContact ? 'contact' : 'user',
        content,
        timestamp: iso(at),
        type: 'email',
        subject: null,
        sentiment: inbound?.sentiment ?? 'neutral',
        confidence: 70,
        status: fromContact ? (n >= unreadFrom ? 'delivered' : 'read') : 'replied',
        delivery_error: null,
        created_at: iso(at),
        updated_at: iso(at),
        deleted_at: null,
      });
      if (n < sizes.messagesPerConversation - 1) at += rng.int(10, 48 * 60) * MINUTE;
    }
    const lastAt = at;
    const unread = unreadFrom === Infinity || unreadFrom % 2 === 0 ? 0 : 1;
    conversations.push({
      id,
      organization_id: orgId,
      owner_id: owner.id,
      contact_id: contactId,
      type: 'email',
      subject: `${company} conversation`,
      contact_name: name,
      contact_company: company,
      last_message_id: lastId,
      last_message_at: iso(lastAt),
      last_message_preview: lastContent.slice(0, 140),
      unread_count: unread,
      overall_sentiment: sentimentOf(moods),
      sentiment_trend: 'stable',
      ai_summary: null,
      priority: unread ? 'high' : 'medium',
      archived: 0,
      needs_follow_up: sizes.messagesPerConversation % 2 === 0 ? 1 : 0,
      created_at: iso(lastAt - DAY),
      updated_at: iso(lastAt),
      deleted_at: null,
    });
  }
  return { conversations, messages };
}

export function eventRows(plan: BenchPlan, from: number, to: number) {
  const { rng, now, orgId, sizes } = plan;
  const calendar_events: FullRow<'calendar_events'>[] = [];
  for (let j = from; j < to; j++) {
    // Every other event is about a deal, and then about that deal's contact.
    const deal = j % 2 === 0 && sizes.deals > 0 ? (j / 2) % sizes.deals : -1;
    const contact = deal >= 0 ? (plan.dealContact[deal] ?? 0) : rng.int(0, sizes.contacts - 1);
    const owner = ownerOf(plan, contact);
    const type = rng.pick(EVENT_TYPES);
    const start = officeHours(now, rng.int(-180, 180), rng.int(0, 28));
    const end = start + (type === 'call' || type === 'follow-up' ? 30 : 60) * MINUTE;
    const { name } = contactName(plan, contact);
    const company = companyOf(plan, contact);
    const past = end <= now;
    calendar_events.push({
      id: newId(),
      organization_id: orgId,
      owner_id: owner.id,
      title: `${type === 'call' ? 'Call' : 'Meeting'} with ${name}`,
      description: null,
      start_time: iso(start),
      end_time: iso(end),
      type,
      contact_id: plan.contactIds[contact] ?? null,
      contact_name: name,
      contact_company: company,
      deal_id: deal >= 0 ? (plan.dealIds[deal] ?? null) : null,
      location: null,
      meeting_link: null,
      status: past ? 'completed' : 'scheduled',
      priority: 'medium',
      follow_up_of: null,
      reminders_sent: past ? '[1440,60,15]' : '[]',
      created_at: iso(Math.min(start, now) - 7 * DAY),
      updated_at: iso(Math.min(start, now) - 7 * DAY),
      deleted_at: null,
    });
  }
  return { calendar_events };
}

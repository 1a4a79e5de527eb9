import { newId } from '../../platform/ids';
import type { AttendeeStatus, EventType } from '../schema';
import type { FullRow } from './batch';
import { json, weekdayAfter, type DemoContext } from './demo-context';
import type { DemoContact } from './demo-contacts';
import type { DemoDeal } from './demo-deals';
import { fill } from './text';
import { COMPETITOR_INTEL, DOCUMENTS, OUTCOMES, TALKING_POINTS } from './text-calendar';
import { DAY, MINUTE, iso } from './time';

// What hangs off a calendar event: its people, preparation, outcome and insights.

/** Attendees are people known by address: the same contact invited twice is one row. */
export class AttendeeBook {
  readonly attendees = new Map<string, FullRow<'attendees'>>();
  readonly links: FullRow<'event_attendees'>[] = [];
  private readonly linked = new Set<string>();

  constructor(private readonly ctx: DemoContext) {}

  add(
    eventId: string,
    person: { name: string; email: string; userId?: string; contactId?: string },
    role: string,
    status: AttendeeStatus,
  ): void {
    let attendee = this.attendees.get(person.email);
    if (!attendee) {
      const created = iso(this.ctx.now - 40 * DAY);
      attendee = {
        id: newId(),
        organization_id: this.ctx.orgId,
        name: person.name,
        email: person.email,
        contact_id: person.contactId ?? null,
        user_id: person.userId ?? null,
        created_at: created,
        updated_at: created,
      };
      this.attendees.set(person.email, attendee);
    }
    const key = `${eventId}:${attendee.id}`;
    if (this.linked.has(key)) return;
    this.linked.add(key);
    const link = { organization_id: this.ctx.orgId, event_id: eventId, attendee_id: attendee.id };
    this.links.push({ ...link, role, status });
  }
}

export interface MeetingSubject {
  eventId: string;
  type: EventType;
  start: number;
  contact: DemoContact;
  deal: DemoDeal | undefined;
  vars: Record<string, string>;
}

export function preparationRow(
  ctx: DemoContext,
  m: MeetingSubject,
): FullRow<'meeting_preparations'> {
  const at = iso(Math.min(ctx.now, m.start) - DAY);
  const deal = m.deal?.row;
  return {
    event_id: m.eventId,
    organization_id: ctx.orgId,
    suggested_talking_points: json(TALKING_POINTS[m.type].map((p) => fill(p, m.vars))),
    recent_interactions: json(
      m.contact.history
        .slice(-3)
        .reverse()
        .map((h) => `${iso(h.date).slice(0, 10)}: ${h.summary}`),
    ),
    deal_context: deal
      ? json({
          title: deal.title,
          stage: deal.stage,
          value: deal.value,
          probability: deal.probability,
          riskFactors: JSON.parse(deal.risk_factors) as unknown,
        })
      : null,
    competitor_intel: deal?.competitor_mentioned ? json([fill(COMPETITOR_INTEL, m.vars)]) : null,
    personal_notes: json(m.contact.notes),
    documents_to_share: json(DOCUMENTS[m.type]),
    generated_at: at,
    updated_at: at,
  };
}

/** The recorded outcome of a completed meeting; `followUpDate` when it asked for one. */
export function outcomeRow(
  ctx: DemoContext,
  m: MeetingSubject,
  end: number,
  recordedBy: string,
): { row: FullRow<'meeting_outcomes'>; followUpDate: number | null } {
  const { rng, now } = ctx;
  const text = rng.pick(OUTCOMES);
  const score = Math.max(-100, Math.min(100, text.score + rng.int(-10, 10)));
  const followUpDate = score > -40 && rng.chance(0.6) ? end + rng.int(3, 14) * DAY : null;
  const recordedAt = iso(Math.min(now, end + rng.int(10, 180) * MINUTE));
  const vars = { ...m.vars, day: weekdayAfter(end, 4) };
  return {
    followUpDate,
    row: {
      event_id: m.eventId,
      organization_id: ctx.orgId,
      summary: fill(text.summary, vars),
      next_steps: json(text.nextSteps),
      sentiment_score: score,
      key_decisions: json(text.decisions),
      follow_up_required: followUpDate === null ? 0 : 1,
      follow_up_date: followUpDate === null ? null : iso(followUpDate),
      meeting_rating: Math.max(1, Math.min(5, Math.round(3 + score / 40))),
      recorded_by: recordedBy,
      created_at: recordedAt,
      updated_at: recordedAt,
    },
  };
}

/** Insights for an upcoming meeting: always a preparation hint, plus the deal's risk or chance. */
export function meetingInsights(
  ctx: DemoContext,
  m: MeetingSubject,
): FullRow<'meeting_insights'>[] {
  const { rng, now } = ctx;
  const base = {
    organization_id: ctx.orgId,
    event_id: m.eventId,
    created_at: iso(now - rng.int(1, 30) * MINUTE),
  };
  const rows: FullRow<'meeting_insights'>[] = [
    {
      ...base,
      id: newId(),
      type: 'preparation',
      title: 'Review recent interactions',
      description: `Skim the last three touchpoints with ${m.contact.first} before the meeting.`,
      confidence: rng.int(70, 90),
      actionable: 1,
      suggested_action: 'Open the preparation panel',
    },
  ];
  const deal = m.deal?.row;
  if (!deal) return rows;
  const risks = JSON.parse(deal.risk_factors) as string[];
  rows.push(
    risks.length > 0
      ? {
          ...base,
          id: newId(),
          type: 'risk',
          title: `Address: ${risks[0]}`,
          description: `${deal.title} carries ${risks.length} risk factor(s): ${risks.join(', ')}.`,
          confidence: rng.int(60, 85),
          actionable: 1,
          suggested_action: 'Prepare an answer before the call',
        }
      : {
          ...base,
          id: newId(),
          type: 'opportunity',
          title: 'Ask for the next commitment',
          description: `${deal.title} is at ${deal.probability}% with no open risks.`,
          confidence: rng.int(55, 80),
          actionable: 1,
          suggested_action: 'Propose a date for the next step',
        },
  );
  return rows;
}

import type {
  Attendee,
  CalendarEventSummary,
  MeetingInsight,
  MeetingOutcome,
  MeetingPreparation,
} from '@flow/contracts';
import type {
  CalendarEventRow,
  MeetingInsightsTable,
  MeetingOutcomesTable,
  MeetingPreparationsTable,
} from '../../db/schema';
import type { Selectable } from 'kysely';
import type { AttendeeRow } from './parts';

export function toEventSummary(
  row: CalendarEventRow,
  attendees: readonly AttendeeRow[],
  tags: string[],
): CalendarEventSummary {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    ...(row.description !== null ? { description: row.description } : {}),
    startTime: row.start_time,
    endTime: row.end_time,
    type: row.type,
    ...(row.contact_id ? { contactId: row.contact_id } : {}),
    ...(row.contact_name ? { contactName: row.contact_name } : {}),
    ...(row.contact_company ? { contactCompany: row.contact_company } : {}),
    ...(row.deal_id ? { dealId: row.deal_id } : {}),
    ...(row.location ? { location: row.location } : {}),
    ...(row.meeting_link ? { meetingLink: row.meeting_link } : {}),
    attendees: attendees.map(toAttendee),
    status: row.status,
    priority: row.priority,
    tags,
    updatedAt: row.updated_at,
  };
}

function toAttendee(a: AttendeeRow): Attendee {
  return { id: a.id, name: a.name, email: a.email ?? '', role: a.role, status: a.status };
}

export function toPreparation(row: Selectable<MeetingPreparationsTable>): MeetingPreparation {
  const dealContext = row.deal_context === null ? undefined : describeDeal(row.deal_context);
  return {
    suggestedTalkingPoints: jsonList(row.suggested_talking_points),
    recentInteractions: jsonList(row.recent_interactions),
    ...(dealContext ? { dealContext } : {}),
    ...(row.competitor_intel !== null ? { competitorIntel: jsonList(row.competitor_intel) } : {}),
    personalNotes: jsonList(row.personal_notes),
    documentsToShare: jsonList(row.documents_to_share),
  };
}

export function toOutcome(row: Selectable<MeetingOutcomesTable>): MeetingOutcome {
  return {
    summary: row.summary,
    nextSteps: jsonList(row.next_steps),
    sentimentScore: row.sentiment_score,
    keyDecisions: jsonList(row.key_decisions),
    followUpRequired: row.follow_up_required === 1,
    ...(row.follow_up_date ? { followUpDate: row.follow_up_date } : {}),
    // The column allows null for imported rows; the contract needs a rating: the middle one.
    meetingRating: row.meeting_rating ?? 3,
  };
}

export function toMeetingInsight(row: Selectable<MeetingInsightsTable>): MeetingInsight {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    description: row.description,
    confidence: row.confidence,
    actionable: row.actionable === 1,
    ...(row.suggested_action ? { suggestedAction: row.suggested_action } : {}),
  };
}

export function jsonList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The IANA zone in a users.preferences JSON, if any. */
export function timezoneIn(preferences: string): string | undefined {
  try {
    const value = JSON.parse(preferences) as { timezone?: unknown };
    return typeof value.timezone === 'string' ? value.timezone : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stored as a JSON string; seeded rows hold an object (title, stage, value, probability,
 * riskFactors), which is described in the same words the engine uses.
 */
function describeDeal(json: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  if (typeof value === 'string') return value || undefined;
  if (!value || typeof value !== 'object') return undefined;
  const d = value as Record<string, unknown>;
  const parts = [
    typeof d.stage === 'string' ? d.stage : undefined,
    typeof d.value === 'number'
      ? `value ${Math.round(d.value).toLocaleString('en-US')}`
      : undefined,
    typeof d.probability === 'number' ? `${d.probability}% probability` : undefined,
    Array.isArray(d.riskFactors) && d.riskFactors.length > 0
      ? `risks: ${d.riskFactors.filter((r) => typeof r === 'string').join(', ')}`
      : undefined,
  ].filter(Boolean);
  const title = typeof d.title === 'string' ? d.title : 'Deal';
  return parts.length ? `${title}: ${parts.join(', ')}` : title;
}

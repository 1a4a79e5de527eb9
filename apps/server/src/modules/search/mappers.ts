import type { Attendee, CalendarEventSummary, DealSummary, Message } from '@flow/contracts';
import type { CalendarEventRow, DealRow, MessageRow } from '../../db/schema';
import { parseList } from '../contacts/mapper';

// Read models of other domains' rows, for search results and the dashboard. The deals,
// conversations and calendar modules own these records; this module only shows them.

/** Rows without a contact (erased contact) are filtered out by the queries: contactId is required. */
export function toDealSummary(row: DealRow & { contact_id: string }, tags: string[]): DealSummary {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    contactId: row.contact_id,
    contactName: row.contact_name,
    company: row.company,
    value: row.value,
    stage: row.stage,
    probability: row.probability,
    confidence: row.confidence,
    // A calendar day, as the deals module answers it; a row without one shows its creation day.
    expectedCloseDate: (row.expected_close_date ?? row.created_at).slice(0, 10),
    createdDate: row.created_at,
    ...(row.closed_date ? { closedDate: row.closed_date } : {}),
    lastActivity: row.last_activity ?? row.created_at,
    description: row.description,
    tags,
    ...(row.competitor_mentioned ? { competitorMentioned: row.competitor_mentioned } : {}),
    riskFactors: parseList(row.risk_factors),
    positiveSignals: parseList(row.positive_signals),
    priority: row.priority,
    probabilityReasoning: parseList(row.probability_reasoning),
    updatedAt: row.updated_at,
  };
}

/** Without `aiAnalysis`: a search hit links to the conversation, which loads the analysis. */
export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    senderType: row.sender_type,
    content: row.content,
    timestamp: row.timestamp,
    type: row.type,
    ...(row.subject ? { subject: row.subject } : {}),
    sentiment: row.sentiment,
    confidence: row.confidence,
    status: row.status,
    ...(row.delivery_error ? { deliveryError: row.delivery_error } : {}),
  };
}

export function toEventSummary(
  row: CalendarEventRow,
  tags: string[],
  attendees: Attendee[],
): CalendarEventSummary {
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    startTime: row.start_time,
    endTime: row.end_time,
    type: row.type,
    ...(row.contact_id ? { contactId: row.contact_id } : {}),
    ...(row.contact_name ? { contactName: row.contact_name } : {}),
    ...(row.contact_company ? { contactCompany: row.contact_company } : {}),
    ...(row.deal_id ? { dealId: row.deal_id } : {}),
    ...(row.location ? { location: row.location } : {}),
    ...(row.meeting_link ? { meetingLink: row.meeting_link } : {}),
    attendees,
    status: row.status,
    priority: row.priority,
    tags,
    updatedAt: row.updated_at,
  };
}

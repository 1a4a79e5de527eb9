import { newId } from '../../platform/ids';
import type { Level, MessageStatus, MessageType, Sentiment } from '../schema';
import type { FullRow } from './batch';
import { json, weekdayAfter, type DemoContext } from './demo-context';
import type { DemoContact } from './demo-contacts';
import { sentimentOf, sentimentTrend } from './scoring';
import { COMPETITORS, PRODUCTS, fill } from './text';
import {
  INBOUND,
  OUTBOUND,
  RESPONSE_TIMES,
  SUGGESTED_RESPONSES,
  type InboundTemplate,
} from './text-messages';
import { DAY, MINUTE, iso } from './time';

type Mood = 'improving' | 'positive' | 'neutral' | 'declining';

interface Draft {
  side: 'user' | 'contact';
  at: number;
  content: string;
  subject: string | null;
  inbound: InboundTemplate | null;
}

const byTone = (s: Sentiment) => INBOUND.filter((m) => m.sentiment === s);
const INBOUND_BY_TONE: Record<Sentiment, readonly InboundTemplate[]> = {
  positive: byTone('positive'),
  neutral: byTone('neutral'),
  negative: byTone('negative'),
};

/** The contact's tone at a point of the thread (0 = first message, 1 = last). */
function toneAt(
  mood: Mood,
  position: number,
  pick: (w: readonly (readonly [Sentiment, number])[]) => Sentiment,
): Sentiment {
  if (mood === 'improving')
    return pick(
      position < 0.5
        ? [
            ['negative', 3],
            ['neutral', 2],
          ]
        : [
            ['positive', 4],
            ['neutral', 1],
          ],
    );
  if (mood === 'declining')
    return pick(
      position < 0.5
        ? [
            ['positive', 3],
            ['neutral', 2],
          ]
        : [
            ['negative', 4],
            ['neutral', 1],
          ],
    );
  if (mood === 'positive')
    return pick([
      ['positive', 4],
      ['neutral', 2],
    ]);
  return pick([
    ['neutral', 4],
    ['positive', 1],
    ['negative', 1],
  ]);
}

/**
 * Conversations with both sides talking. The conversation row's last message, unread count,
 * sentiment and follow-up flag are computed from its messages.
 */
export function buildConversations(
  ctx: DemoContext,
  contacts: readonly DemoContact[],
  count: number,
) {
  const { rng, now, orgId } = ctx;
  const conversations: FullRow<'conversations'>[] = [];
  const messages: FullRow<'messages'>[] = [];
  const analyses: FullRow<'message_analysis'>[] = [];
  const attachments: FullRow<'attachments'>[] = [];
  const chosen = rng.sample(
    contacts.filter((c) => !c.deleted),
    count,
  );

  chosen.forEach((contact, index) => {
    const id = newId();
    const type = rng.weighted<MessageType>([
      ['email', 6],
      ['chat', 2],
      ['sms', 2],
    ]);
    const mood = rng.weighted<Mood>([
      ['improving', 2],
      ['positive', 3],
      ['neutral', 3],
      ['declining', 2],
    ]);
    const archived = index % 12 === 11;
    const vars = {
      first: contact.first,
      owner: contact.owner.first,
      company: contact.company,
      product: rng.pick(PRODUCTS),
      competitor: rng.pick(COMPETITORS),
    };
    const total = rng.int(4, 14);
    let at = now - (archived ? rng.int(25, 60) * DAY : rng.int(20, 60 * 24 * 8) * MINUTE);
    const drafts: Draft[] = [];
    let side: Draft['side'] = rng.chance(0.5) ? 'user' : 'contact';
    for (let n = total - 1; n >= 0; n--) {
      const day = weekdayAfter(at, rng.int(2, 6));
      if (side === 'user') {
        const out = rng.pick(OUTBOUND);
        drafts.push({
          side,
          at,
          content: fill(out.content, { ...vars, day }),
          subject: out.subject,
          inbound: null,
        });
      } else {
        const inbound = rng.pick(INBOUND_BY_TONE[toneAt(mood, n / total, (w) => rng.weighted(w))]);
        drafts.push({
          side,
          at,
          content: fill(inbound.content, { ...vars, day }),
          subject: null,
          inbound,
        });
      }
      // Built newest first; gaps of 20 minutes to 3 days; sides mostly alternate.
      at -= rng.int(20, 60 * 72) * MINUTE;
      if (rng.chance(0.8)) side = side === 'user' ? 'contact' : 'user';
    }
    drafts.reverse();
    const subject =
      type === 'email'
        ? (drafts.find((d) => d.subject)?.subject ?? `Conversation with ${contact.company}`)
        : null;
    const lastUser = drafts.map((d) => d.side).lastIndexOf('user');
    // Contact messages after the rep's last reply stay unread in most live conversations.
    const leaveUnread = !archived && rng.chance(0.7);
    let unread = 0;
    let lastId = '';
    drafts.forEach((d, n) => {
      const messageId = newId();
      lastId = messageId;
      let status: MessageStatus;
      if (d.side === 'user') {
        const answered = drafts.slice(n + 1).some((later) => later.side === 'contact');
        status = answered ? 'replied' : rng.pick<MessageStatus>(['sent', 'delivered', 'read']);
      } else {
        status = n > lastUser && leaveUnread ? 'delivered' : 'read';
        if (status === 'delivered') unread += 1;
      }
      messages.push({
        id: messageId,
        organization_id: orgId,
        conversation_id: id,
        owner_id: contact.owner.id,
        sender_id: d.side === 'user' ? contact.owner.id : contact.id,
        sender_name: d.side === 'user' ? contact.owner.name : contact.name,
        sender_type: d.side,
        content: d.content,
        timestamp: iso(d.at),
        type,
        subject: type === 'email' ? (n === 0 ? subject : `Re: ${subject}`) : null,
        sentiment:
          d.inbound?.sentiment ?? (/thanks|great/i.test(d.content) ? 'positive' : 'neutral'),
        confidence: rng.int(60, 95),
        status,
        delivery_error: null,
        created_at: iso(d.at),
        updated_at: iso(d.at),
        deleted_at: null,
      });
      if (d.inbound) analyses.push(analysisRow(ctx, messageId, d.inbound, d.at, vars));
      if (d.side === 'user' && d.content.includes('attached is the proposal')) {
        attachments.push({
          id: newId(),
          organization_id: orgId,
          message_id: messageId,
          file_name: `Proposal - ${contact.company}.pdf`,
          content_type: 'application/pdf',
          size_bytes: rng.int(180_000, 2_400_000),
          storage_key: `demo/${messageId}/proposal.pdf`,
          created_at: iso(d.at),
        });
      }
    });
    const inbound = drafts
      .filter((d) => d.side === 'contact')
      .map((d) => d.inbound?.sentiment ?? 'neutral');
    const last = drafts[drafts.length - 1];
    if (!last) return;
    const latestInbound = [...drafts].reverse().find((d) => d.inbound)?.inbound ?? null;
    const overall = sentimentOf(inbound);
    const trend = sentimentTrend(inbound);
    const priority: Level =
      latestInbound?.urgency === 'high' || (unread > 0 && overall === 'negative')
        ? 'high'
        : overall === 'positive' && unread === 0
          ? 'low'
          : 'medium';
    const awaitingReply = !archived && last.side === 'contact';
    conversations.push({
      id,
      organization_id: orgId,
      owner_id: contact.owner.id,
      contact_id: contact.id,
      type,
      subject,
      contact_name: contact.name,
      contact_company: contact.company,
      last_message_id: lastId,
      last_message_at: iso(last.at),
      last_message_preview: last.content.slice(0, 140),
      unread_count: unread,
      overall_sentiment: overall,
      sentiment_trend: trend,
      ai_summary: `${contact.first} (${contact.company}) is ${overall} and ${trend}. Topics: ${latestInbound?.topics.join(', ') ?? 'introductions'}.${awaitingReply ? ' Awaiting your reply.' : ''}`,
      priority,
      archived: archived ? 1 : 0,
      needs_follow_up: awaitingReply ? 1 : 0,
      created_at: iso(drafts[0]?.at ?? last.at),
      updated_at: iso(last.at),
      deleted_at: null,
    });
  });
  markDeliveryFailure(messages);
  return { conversations, messages, analyses, attachments };
}

function analysisRow(
  ctx: DemoContext,
  messageId: string,
  m: InboundTemplate,
  at: number,
  vars: Record<string, string>,
): FullRow<'message_analysis'> {
  const day = weekdayAfter(at, 3);
  return {
    message_id: messageId,
    organization_id: ctx.orgId,
    key_topics: json(m.topics),
    emotional_tone: m.tone,
    urgency_level: m.urgency,
    business_intent: m.intent,
    suggested_response: SUGGESTED_RESPONSES[m.intent],
    response_time: RESPONSE_TIMES[m.urgency],
    action_items: json(m.actionItems.map((a) => fill(a, { ...vars, day }))),
    created_at: iso(at),
  };
}

/** One outbound email that bounced, so the UI's delivery error state has an example. */
function markDeliveryFailure(messages: FullRow<'messages'>[]): void {
  const bounced = messages.find(
    (m) => m.sender_type === 'user' && m.type === 'email' && m.status === 'sent',
  );
  if (bounced) bounced.delivery_error = 'SMTP 550 5.1.1: recipient mailbox unavailable';
}

import { newId } from '../../platform/ids';
import type { FullRow } from './batch';
import { json, type DemoContext } from './demo-context';
import type { DemoContact } from './demo-contacts';
import type { DemoDeal } from './demo-deals';
import type { TagInputs } from './demo-tags';
import { isClosed } from './scoring';
import { DAY, HOUR, iso } from './time';

// Notifications and dashboard action items, per user.

export interface FeedInputs extends TagInputs {
  dealInsights: readonly FullRow<'deal_insights'>[];
}

/** Notifications and action items per user, drawn from the records that user can see. */
export function buildFeeds(ctx: DemoContext, input: FeedInputs) {
  const notifications: FullRow<'notifications'>[] = [];
  const actionItems: FullRow<'action_items'>[] = [];
  for (const user of [ctx.sales, ctx.sales2, ctx.manager, ctx.admin]) {
    // Sales users see their own records; managers and admins the whole organization.
    const sees = (ownerId: string) => user.role !== 'sales' || ownerId === user.id;
    const visible = {
      contacts: input.contacts.filter((c) => !c.deleted && sees(c.owner.id)),
      deals: input.deals.filter((d) => !d.deleted && sees(d.row.owner_id)),
      conversations: input.conversations.filter((c) => sees(c.owner_id)),
      events: input.events.filter((e) => sees(e.owner_id)),
    };
    notifications.push(...notificationsFor(ctx, user.id, visible, input.dealInsights));
    actionItems.push(...actionItemsFor(ctx, user.id, visible));
  }
  return { notifications, actionItems };
}

type Visible = Omit<TagInputs, 'contacts' | 'deals'> & {
  contacts: DemoContact[];
  deals: DemoDeal[];
};
type Note = Omit<
  FullRow<'notifications'>,
  'id' | 'organization_id' | 'user_id' | 'created_at' | 'expires_at' | 'read'
>;

function notificationsFor(
  ctx: DemoContext,
  userId: string,
  v: Visible,
  insights: readonly FullRow<'deal_insights'>[],
) {
  const { now } = ctx;
  const notes: Note[] = [];
  const open = v.deals.filter((d) => !isClosed(d.stage));
  for (const d of [...v.deals]
    .sort((a, b) => b.row.stage_changed_at.localeCompare(a.row.stage_changed_at))
    .slice(0, 3)) {
    notes.push({
      type: 'deal_update',
      title: `Deal moved to ${d.stage}`,
      message: `${d.row.title} is now in ${d.stage} (${d.row.probability}%).`,
      priority: d.value >= 50_000 ? 'high' : 'medium',
      action_url: `/deals/${d.id}`,
      metadata: json({ dealId: d.id, stage: d.stage }),
    });
  }
  for (const c of v.conversations.filter((c) => c.unread_count > 0).slice(0, 3)) {
    notes.push({
      type: 'message_received',
      title: `New message from ${c.contact_name}`,
      message: c.last_message_preview ?? '',
      priority: c.priority,
      action_url: `/conversations/${c.id}`,
      metadata: json({ conversationId: c.id, messageId: c.last_message_id }),
    });
  }
  for (const e of v.events
    .filter((e) => Date.parse(e.start_time) > now && e.status !== 'cancelled')
    .sort((a, b) => a.start_time.localeCompare(b.start_time))
    .slice(0, 2)) {
    notes.push({
      type: 'meeting_reminder',
      title: `Upcoming: ${e.title}`,
      message: `Starts ${e.start_time.slice(0, 16).replace('T', ' ')} UTC.`,
      priority: e.priority,
      action_url: `/calendar/${e.id}`,
      metadata: json({ eventId: e.id }),
    });
  }
  const openIds = new Set(open.map((d) => d.id));
  for (const i of insights.filter((i) => openIds.has(i.deal_id)).slice(0, 2)) {
    notes.push({
      type: 'ai_insight',
      title: i.title,
      message: i.description,
      priority: i.impact,
      action_url: `/deals/${i.deal_id}`,
      metadata: json({ dealId: i.deal_id, insightId: i.id }),
    });
  }
  for (const c of v.contacts
    .filter((c) => c.row.next_follow_up !== null && Date.parse(c.row.next_follow_up) < now)
    .slice(0, 2)) {
    notes.push({
      type: 'task_due',
      title: `Follow-up due with ${c.name}`,
      message: `The follow-up planned for ${c.row.next_follow_up?.slice(0, 10)} has passed.`,
      priority: 'medium',
      action_url: `/contacts/${c.id}`,
      metadata: json({ contactId: c.id }),
    });
  }
  for (const c of v.contacts.filter((c) => c.row.churn_risk > 60).slice(0, 2)) {
    notes.push({
      type: 'at_risk_alert',
      title: `${c.name} is at risk`,
      message: `Churn risk is ${c.row.churn_risk}% — last contact ${c.row.last_contact?.slice(0, 10) ?? 'never'}.`,
      priority: 'high',
      action_url: `/contacts/${c.id}`,
      metadata: json({ contactId: c.id, churnRisk: c.row.churn_risk }),
    });
  }
  // Newest first, a few hours apart; everything older than a day has been read.
  return notes.map((note, n): FullRow<'notifications'> => {
    const created = now - (n * 7 + 1) * HOUR;
    return {
      ...note,
      id: newId(),
      organization_id: ctx.orgId,
      user_id: userId,
      read: now - created > DAY ? 1 : 0,
      created_at: iso(created),
      expires_at: iso(created + 30 * DAY),
    };
  });
}

const ACTIONS = {
  deal: [
    { label: 'Schedule a call', type: 'primary' },
    { label: 'Open deal', type: 'secondary' },
    { label: 'Dismiss', type: 'dismiss' },
  ],
  contact: [
    { label: 'Reach out', type: 'primary' },
    { label: 'Dismiss', type: 'dismiss' },
  ],
  event: [
    { label: 'Prepare', type: 'primary' },
    { label: 'Dismiss', type: 'dismiss' },
  ],
} as const;

type Item = Pick<FullRow<'action_items'>, 'icon' | 'title' | 'type' | 'link' | 'dedupe_key'> & {
  actions: keyof typeof ACTIONS;
  at: number;
};

function actionItemsFor(ctx: DemoContext, userId: string, v: Visible): FullRow<'action_items'>[] {
  const { now } = ctx;
  const items: Item[] = [];
  const open = v.deals.filter((d) => !isClosed(d.stage));
  for (const d of open
    .filter((d) => d.row.last_activity !== null && now - Date.parse(d.row.last_activity) > 14 * DAY)
    .slice(0, 2)) {
    const days = Math.floor((now - Date.parse(d.row.last_activity ?? '')) / DAY);
    items.push({
      icon: 'alert-triangle',
      title: `${d.row.title} has been quiet for ${days} days`,
      type: 'warning',
      link: `/deals/${d.id}`,
      dedupe_key: `deal-quiet:${d.id}`,
      actions: 'deal',
      at: now - 3 * HOUR,
    });
  }
  for (const d of open.filter((d) => d.row.probability > 70).slice(0, 2)) {
    items.push({
      icon: 'trending-up',
      title: `${d.row.title} is ready to close (${d.row.probability}%)`,
      type: 'opportunity',
      link: `/deals/${d.id}`,
      dedupe_key: `deal-hot:${d.id}`,
      actions: 'deal',
      at: now - 5 * HOUR,
    });
  }
  for (const c of v.contacts.filter((c) => c.row.churn_risk > 60).slice(0, 2)) {
    items.push({
      icon: 'user-x',
      title: `${c.name} (${c.company}) is at risk of churning`,
      type: 'warning',
      link: `/contacts/${c.id}`,
      dedupe_key: `contact-risk:${c.id}`,
      actions: 'contact',
      at: now - 8 * HOUR,
    });
  }
  for (const e of v.events
    .filter(
      (e) =>
        e.contact_id &&
        e.status !== 'cancelled' &&
        Date.parse(e.start_time) > now &&
        Date.parse(e.start_time) - now < 3 * DAY,
    )
    .slice(0, 2)) {
    items.push({
      icon: 'calendar-clock',
      title: `Prepare for ${e.title}`,
      type: 'suggestion',
      link: `/calendar/${e.id}`,
      dedupe_key: `meeting-prep:${e.id}`,
      actions: 'event',
      at: now - 2 * HOUR,
    });
  }
  for (const c of v.contacts
    .filter((c) => c.row.next_follow_up !== null && Date.parse(c.row.next_follow_up) < now)
    .slice(0, 1)) {
    items.push({
      icon: 'clock',
      title: `Overdue follow-up with ${c.name}`,
      type: 'suggestion',
      link: `/contacts/${c.id}`,
      dedupe_key: `follow-up:${c.id}`,
      actions: 'contact',
      at: now - DAY,
    });
  }
  // The oldest item was already dismissed, so the dismiss state has an example.
  return items.map(({ actions, at, ...item }, n) => ({
    ...item,
    id: newId(),
    organization_id: ctx.orgId,
    user_id: userId,
    timestamp: iso(at),
    actions: json(ACTIONS[actions]),
    created_at: iso(at),
    dismissed_at: n === items.length - 1 && items.length > 3 ? iso(now - HOUR) : null,
  }));
}

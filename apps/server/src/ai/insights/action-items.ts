import type {
  ActionItem,
  CalendarEventStatus,
  CalendarEventType,
  DealStage,
} from '@flow/contracts';
import { isOpenStage } from '../deal-probability/stages';
import { DAY_MS, shortDay, toMs } from '../deal-probability/util';
import { stableId } from './ids';
import { days } from './text';

export interface ActionItemInput {
  deals: readonly {
    id: string;
    title: string;
    stage: DealStage;
    probability: number;
    lastActivity: string;
    expectedCloseDate?: string;
  }[];
  contacts: readonly {
    id: string;
    name: string;
    company?: string;
    churnRisk: number;
    lastContact: string | null;
    nextFollowUp?: string;
  }[];
  events: readonly {
    id: string;
    title: string;
    type: CalendarEventType;
    startTime: string;
    status: CalendarEventStatus;
  }[];
  now: Date;
  /** Silence that makes an open deal "going quiet" (API.md's at-risk filter uses 14 days). */
  quietDays?: number;
  /** How far ahead a meeting needs preparation. */
  prepHours?: number;
  limit?: number;
}

const DISMISS = { label: 'Dismiss', type: 'dismiss' } as const;
const TYPE_RANK: Record<ActionItem['type'], number> = { warning: 0, opportunity: 1, suggestion: 2 };
const PREP_TYPES: readonly CalendarEventType[] = ['meeting', 'call', 'demo', 'follow-up'];

function hoursText(hours: number): string {
  if (hours < 1) return 'in under an hour';
  if (hours < 24) return `in ${Math.round(hours)} h`;
  return `in ${Math.round(hours / 24) === 1 ? '1 day' : `${Math.round(hours / 24)} days`}`;
}

/**
 * The dashboard's action items, each from a fact: deals going quiet, contacts at risk, meetings
 * needing preparation, overdue follow-ups, deals about to close. Ids hash the cause and its anchor
 * date, so a dismissed item stays dismissed until the situation happens again.
 * `timestamp` is when the situation arose (or now, when that is not known).
 */
export function actionItemsFor(input: ActionItemInput): ActionItem[] {
  const { now } = input;
  const t = now.getTime();
  const quietDays = input.quietDays ?? 14;
  const items: ActionItem[] = [];
  const iso = (ms: number) => new Date(Math.min(ms, t)).toISOString();

  for (const deal of input.deals) {
    if (!isOpenStage(deal.stage)) continue;
    const silent = (t - toMs(deal.lastActivity)) / DAY_MS;
    if (silent >= quietDays) {
      items.push({
        id: stableId('quiet-deal', deal.id, deal.lastActivity),
        icon: 'clock',
        title: `"${deal.title}" has had no activity for ${days(silent)}`,
        type: 'warning',
        timestamp: iso(toMs(deal.lastActivity) + quietDays * DAY_MS),
        actions: [
          { label: 'Log activity', type: 'primary' },
          { label: 'Open deal', type: 'secondary' },
          DISMISS,
        ],
        link: `/deals/${deal.id}`,
      });
    }
    const close = deal.expectedCloseDate ? toMs(deal.expectedCloseDate) : undefined;
    if (
      close !== undefined &&
      close >= t - DAY_MS &&
      close - t <= 14 * DAY_MS &&
      deal.probability > 70
    ) {
      items.push({
        id: stableId('closing-deal', deal.id, deal.expectedCloseDate),
        icon: 'trending-up',
        title: `"${deal.title}" is likely to close (${deal.probability}%) by ${shortDay(new Date(close))}`,
        type: 'opportunity',
        timestamp: iso(close - 14 * DAY_MS),
        actions: [
          { label: 'Prepare contract', type: 'primary' },
          { label: 'Open deal', type: 'secondary' },
          DISMISS,
        ],
        link: `/deals/${deal.id}`,
      });
    }
  }

  for (const contact of input.contacts) {
    const who = contact.company ? `${contact.name} (${contact.company})` : contact.name;
    if (contact.churnRisk > 60) {
      const quiet = contact.lastContact
        ? ` — last contact ${days((t - toMs(contact.lastContact)) / DAY_MS)} ago`
        : ' — never contacted';
      items.push({
        id: stableId('at-risk-contact', contact.id, contact.lastContact ?? ''),
        icon: 'alert-triangle',
        title: `${who} is at risk: churn risk ${contact.churnRisk}${quiet}`,
        type: 'warning',
        timestamp: now.toISOString(),
        actions: [
          { label: 'Plan a check-in', type: 'primary' },
          { label: 'Open contact', type: 'secondary' },
          DISMISS,
        ],
        link: `/contacts/${contact.id}`,
      });
    }
    if (contact.nextFollowUp && toMs(contact.nextFollowUp) < t) {
      const late = (t - toMs(contact.nextFollowUp)) / DAY_MS;
      items.push({
        id: stableId('overdue-follow-up', contact.id, contact.nextFollowUp),
        icon: 'bell',
        title:
          late < 1
            ? `Follow-up with ${who} is due today`
            : `Follow-up with ${who} is ${days(late)} overdue`,
        type: 'suggestion',
        timestamp: iso(toMs(contact.nextFollowUp)),
        actions: [
          { label: 'Follow up now', type: 'primary' },
          { label: 'Reschedule', type: 'secondary' },
          DISMISS,
        ],
        link: `/contacts/${contact.id}`,
      });
    }
  }

  const prepMs = (input.prepHours ?? 48) * 3_600_000;
  for (const event of input.events) {
    const start = toMs(event.startTime);
    const open = event.status === 'scheduled' || event.status === 'confirmed';
    if (!open || !PREP_TYPES.includes(event.type) || start <= t || start - t > prepMs) continue;
    items.push({
      id: stableId('meeting-prep', event.id, event.startTime),
      icon: 'calendar',
      title: `Prepare for "${event.title}" (${event.type}, ${hoursText((start - t) / 3_600_000)})`,
      type: 'suggestion',
      timestamp: iso(start - prepMs),
      actions: [{ label: 'View preparation', type: 'primary' }, DISMISS],
      link: `/calendar/${event.id}`,
    });
  }

  return items
    .sort(
      (a, b) =>
        TYPE_RANK[a.type] - TYPE_RANK[b.type] ||
        b.timestamp.localeCompare(a.timestamp) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, input.limit ?? 50);
}

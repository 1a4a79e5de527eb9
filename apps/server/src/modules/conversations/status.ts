import type { MessageStatus } from '@flow/contracts';

/**
 * A message's status only moves forward: sent → delivered → read → replied. A late SMTP
 * acceptance after the contact already replied must not turn 'replied' back into 'delivered'.
 * Every status change goes through `advanceStatuses` in repository-messages.ts, which applies
 * `statusesBefore` in its WHERE clause.
 */
const ORDER: readonly MessageStatus[] = ['sent', 'delivered', 'read', 'replied'];

/** The statuses a message may move to `next` from: the ones strictly before it. */
export function statusesBefore(next: MessageStatus): MessageStatus[] {
  return ORDER.slice(0, ORDER.indexOf(next));
}

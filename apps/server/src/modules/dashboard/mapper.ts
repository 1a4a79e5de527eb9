import type { ActionItem } from '@flow/contracts';
import { ActionItemSchema } from '@flow/contracts';
import type { ActionItemRow } from '../../db/schema';

const ActionsSchema = ActionItemSchema.shape.actions;

export function toActionItem(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    icon: row.icon,
    title: row.title,
    type: row.type,
    timestamp: row.timestamp,
    actions: parseActions(row.actions),
    ...(row.link ? { link: row.link } : {}),
  };
}

function parseActions(json: string): ActionItem['actions'] {
  try {
    const parsed = ActionsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

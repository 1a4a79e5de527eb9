import { newId } from '../../platform/ids';
import type { TaggableEntity } from '../schema';
import type { FullRow } from './batch';
import { json, type DemoContext } from './demo-context';
import type { DemoContact } from './demo-contacts';
import type { DemoDeal } from './demo-deals';
import { PERSONAL_TEMPLATES, SYSTEM_TEMPLATES, templateVariables } from './text-messages';
import { DAY, iso } from './time';

// Tags with their taggings, and message templates.

const TAGS: readonly (readonly [string, string])[] = [
  ['Enterprise', '#6366f1'],
  ['SMB', '#22c55e'],
  ['Decision maker', '#f59e0b'],
  ['Champion', '#10b981'],
  ['Renewal', '#0ea5e9'],
  ['Upsell', '#8b5cf6'],
  ['Inbound', '#14b8a6'],
  ['Partner referral', '#ec4899'],
  ['Priority', '#ef4444'],
  ['Technical buyer', '#64748b'],
  ['Healthcare', '#06b6d4'],
  ['Fintech', '#84cc16'],
];

export interface TagInputs {
  contacts: readonly DemoContact[];
  deals: readonly DemoDeal[];
  conversations: readonly FullRow<'conversations'>[];
  events: readonly FullRow<'calendar_events'>[];
}

/** Tags chosen from what the record is (a big account is Enterprise, a renewal deal Renewal). */
export function buildTags(ctx: DemoContext, input: TagInputs) {
  const { rng, now, orgId } = ctx;
  const created = iso(now - 200 * DAY);
  const tags = TAGS.map(([name, color]) => ({
    id: newId(),
    organization_id: orgId,
    name,
    color,
    created_at: created,
    deleted_at: null,
  }));
  const idOf = new Map(tags.map((t) => [t.name, t.id]));
  const taggings: FullRow<'taggings'>[] = [];
  const tag = (entityType: TaggableEntity, entityId: string, names: readonly string[]) => {
    for (const name of new Set(names)) {
      const tagId = idOf.get(name);
      if (tagId)
        taggings.push({
          organization_id: orgId,
          tag_id: tagId,
          entity_type: entityType,
          entity_id: entityId,
          created_at: created,
        });
    }
  };
  for (const c of input.contacts) {
    const title = c.row.title ?? '';
    tag('contact', c.id, [
      ...(c.row.total_value > 50_000 ? ['Enterprise'] : rng.chance(0.4) ? ['SMB'] : []),
      ...(c.profile === 'engaged' && rng.chance(0.5) ? ['Champion'] : []),
      ...(/Chief|VP|CEO|Director/.test(title) ? ['Decision maker'] : []),
      ...(/Technology|IT /.test(title) ? ['Technical buyer'] : []),
      ...(rng.chance(0.3) ? [rng.pick(['Healthcare', 'Fintech'])] : []),
    ]);
  }
  for (const d of input.deals) {
    tag('deal', d.id, [
      ...(/renewal/i.test(d.row.title) ? ['Renewal'] : []),
      ...(/expansion/i.test(d.row.title) ? ['Upsell'] : []),
      ...(d.value >= 50_000 ? ['Enterprise'] : []),
      ...(d.row.priority === 'high' ? ['Priority'] : []),
      ...(rng.chance(0.25) ? [rng.pick(['Inbound', 'Partner referral'])] : []),
    ]);
  }
  for (const c of input.conversations) {
    tag('conversation', c.id, [
      ...(c.priority === 'high' ? ['Priority'] : []),
      ...(rng.chance(0.3) ? [rng.pick(['Inbound', 'Renewal', 'Upsell'])] : []),
    ]);
  }
  for (const e of input.events) {
    tag('event', e.id, [
      ...(e.priority === 'high' ? ['Priority'] : []),
      ...(e.type === 'demo' ? ['Technical buyer'] : []),
    ]);
  }
  return { tags, taggings };
}

/** The organization's system templates (owner null) and each sales rep's own. */
export function buildTemplates(ctx: DemoContext): FullRow<'message_templates'>[] {
  const created = iso(ctx.now - 180 * DAY);
  const row = (
    t: (typeof SYSTEM_TEMPLATES)[number],
    ownerId: string | null,
  ): FullRow<'message_templates'> => ({
    id: newId(),
    organization_id: ctx.orgId,
    owner_id: ownerId,
    name: t.name,
    category: t.category,
    content: t.content,
    variables: json(templateVariables(t.content)),
    created_at: created,
    updated_at: created,
    deleted_at: null,
  });
  return [
    ...SYSTEM_TEMPLATES.map((t) => row(t, null)),
    ...[ctx.sales, ctx.sales2].flatMap((u) => PERSONAL_TEMPLATES.map((t) => row(t, u.id))),
  ];
}

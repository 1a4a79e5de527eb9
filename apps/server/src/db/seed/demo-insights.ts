import { newId } from '../../platform/ids';
import type { FullRow } from './batch';
import type { DemoContext } from './demo-context';
import type { DemoContact } from './demo-contacts';
import { DAY, HOUR, iso } from './time';

/** Contact insights (GET /contacts/:id/ai-insights) matching each contact's situation. */
export function buildContactInsights(
  ctx: DemoContext,
  contacts: readonly DemoContact[],
): FullRow<'ai_insights'>[] {
  const { rng, now } = ctx;
  const rows: FullRow<'ai_insights'>[] = [];
  for (const c of contacts) {
    if (c.deleted) continue;
    const base = {
      organization_id: ctx.orgId,
      owner_id: c.owner.id,
      entity_type: 'contact' as const,
      entity_id: c.id,
    };
    const date = iso(now - rng.int(0, 6) * DAY - rng.int(1, 20) * HOUR);
    const r = c.row;
    if (r.churn_risk > 60) {
      rows.push({
        ...base,
        id: newId(),
        type: 'risk',
        title: 'Relationship cooling',
        description: `No positive contact with ${c.first} recently and churn risk is ${r.churn_risk}%.`,
        confidence: rng.int(65, 90),
        actionable: 1,
        suggested_action: `Call ${c.first} this week to re-engage`,
        date,
        created_at: date,
      });
    }
    if (r.total_value > 50_000 && r.health_score > 60) {
      rows.push({
        ...base,
        id: newId(),
        type: 'opportunity',
        title: 'Expansion opportunity',
        description: `${c.company} is healthy and has ${r.total_deals} deals; a good moment to propose the analytics add-on.`,
        confidence: rng.int(55, 85),
        actionable: 1,
        suggested_action: 'Propose an expansion review',
        date,
        created_at: date,
      });
    }
    if (c.history.length >= 6 && rng.chance(0.4)) {
      rows.push({
        ...base,
        id: newId(),
        type: 'trend',
        title: 'Frequent engagement',
        description: `${c.history.length} interactions with ${c.first} — engagement is above your average.`,
        confidence: rng.int(60, 80),
        actionable: 0,
        suggested_action: null,
        date,
        created_at: date,
      });
    }
  }
  return rows;
}

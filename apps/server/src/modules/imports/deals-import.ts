import type { Deal, ImportRowError } from '@flow/contracts';
import { scoreDeal } from '../../ai/deal-probability';
import type { DealRow } from '../../db/schema';
import { newId } from '../../platform/ids';
import type { Scope } from '../../platform/scope';
import type { Emit } from '../../realtime/mutate';
import type { DomainServices } from '../registry';
import { toDealSummary } from '../search/mappers';
import { tagNamesOf, tagNewEntities } from '../tags/repository';
import type { WriteBatch } from './batches';
import type { DealCandidate } from './deal-rows';
import * as repo from './repository';

const CLOSED = new Set(['closed-won', 'closed-lost']);
const silent: Emit = () => undefined;

/** As the deals module defaults it: big or likely deals high, unlikely ones low. */
function defaultPriority(value: number, probability: number, highValue: number) {
  if (value >= highValue || probability > 70) return 'high' as const;
  return probability < 30 ? ('low' as const) : ('medium' as const);
}

type Contact = Awaited<ReturnType<typeof repo.visibleContactsNamed>>[number];

/**
 * Writes a batch of imported deals. Each row's contact is found among the contacts the importer
 * can see, by email, else by name (a name shared by several is refused as ambiguous). A deal
 * with the same title for the same contact (already stored, or earlier in the file) is refused,
 * so re-uploading a file does not duplicate it. Probability, confidence and reasoning are the
 * engine's rule-based score for a deal with no activity yet; the organization's fitted model
 * blends in at the deal's next recalculation. Contact totals are refreshed in the same
 * transaction; per-record events only for small imports (see writeContacts).
 */
export function writeDeals(
  services: DomainServices,
  scope: Scope,
  now: Date,
  options: { announce: boolean; highValueThreshold: number },
): WriteBatch<DealCandidate> {
  const { announce, highValueThreshold } = options;
  const seen = new Set<string>();
  const stamp = now.toISOString();

  return async (tx, emit, candidates) => {
    const contacts = await repo.visibleContactsNamed(
      tx,
      scope,
      candidates.flatMap((c) => (c.value.contactEmail ? [c.value.contactEmail] : [])),
      candidates.flatMap((c) => (c.value.contactName ? [c.value.contactName.toLowerCase()] : [])),
    );
    const byEmail = new Map(contacts.filter((c) => c.email).map((c) => [c.email!, c]));
    const byName = new Map<string, Contact[]>();
    for (const c of contacts)
      byName.set(c.name.toLowerCase(), [...(byName.get(c.name.toLowerCase()) ?? []), c]);

    const errors: ImportRowError[] = [];
    const resolved = candidates.flatMap(({ line, value }) => {
      const byItsEmail = value.contactEmail ? byEmail.get(value.contactEmail) : undefined;
      const named = value.contactName ? (byName.get(value.contactName.toLowerCase()) ?? []) : [];
      const contact = byItsEmail ?? (named.length === 1 ? named[0] : undefined);
      if (!contact) {
        const message =
          !byItsEmail && named.length > 1
            ? 'Several contacts you can see have this name; give the contact email'
            : 'No contact you can see has this email or name';
        errors.push({ row: line, field: value.contactLabel, message });
        return [];
      }
      return [{ line, value, contact }];
    });

    const existing = await repo.existingDealKeys(
      tx,
      scope.organizationId,
      resolved.map((r) => r.contact.id),
    );
    const batchSeen = new Set<string>();
    const accepted = resolved.filter(({ line, value, contact }) => {
      const key = repo.dealKey(contact.id, value.body.title);
      if (existing.has(key) || seen.has(key) || batchSeen.has(key)) {
        const message = 'This contact already has a deal with this title';
        errors.push({ row: line, field: null, message });
        return false;
      }
      batchSeen.add(key);
      return true;
    });

    const rows: DealRow[] = accepted.map(({ value: { body, ownerId }, contact }) => {
      const stage = body.stage ?? 'prospect';
      const expectedCloseDate = `${body.expectedCloseDate.slice(0, 10)}T00:00:00.000Z`;
      const score = scoreDeal({
        stage,
        activities: [],
        value: body.value,
        expectedCloseDate,
        createdDate: stamp,
        ...(body.competitorMentioned ? { competitorMentioned: body.competitorMentioned } : {}),
        now,
      });
      return {
        id: newId(),
        organization_id: scope.organizationId,
        owner_id: ownerId,
        title: body.title,
        contact_id: contact.id,
        contact_name: contact.name,
        company: contact.company ?? '',
        description: body.description ?? '',
        value: body.value,
        stage,
        probability: score.probability,
        confidence: score.confidence,
        priority:
          body.priority ?? defaultPriority(body.value, score.probability, highValueThreshold),
        expected_close_date: expectedCloseDate,
        closed_date: CLOSED.has(stage) ? stamp : null,
        last_activity: stamp,
        stage_changed_at: stamp,
        competitor_mentioned: score.competitorMentioned ?? null,
        risk_factors: JSON.stringify(score.riskFactors),
        positive_signals: JSON.stringify(score.positiveSignals),
        probability_reasoning: JSON.stringify(score.probabilityReasoning),
        created_at: stamp,
        updated_at: stamp,
        deleted_at: null,
      };
    });
    await repo.insertDeals(tx, rows);
    await tagNewEntities(
      tx,
      scope.organizationId,
      'deal',
      rows.map((r, i) => ({ entityId: r.id, names: accepted[i]!.value.body.tags ?? [] })),
      stamp,
    );
    // totalDeals/totalValue and health of each contact move with its deals, in this transaction.
    const contactIds = [...new Set(rows.map((r) => r.contact_id!))];
    for (const id of contactIds) {
      await services.contacts.refreshDealTotals(
        tx,
        announce ? emit : silent,
        id,
        scope.userId,
        now,
      );
    }
    if (announce && rows.length > 0) {
      const tags = await tagNamesOf(
        tx,
        scope.organizationId,
        'deal',
        rows.map((r) => r.id),
      );
      for (const row of rows) {
        const deal: Deal = {
          ...toDealSummary({ ...row, contact_id: row.contact_id! }, tags.get(row.id) ?? []),
          activities: [],
          aiInsights: [],
        };
        emit({
          organizationId: scope.organizationId,
          ownerId: row.owner_id,
          actorId: scope.userId,
          event: 'deal:created',
          data: { deal },
        });
      }
    }
    return { imported: rows.length, errors, commit: () => batchSeen.forEach((k) => seen.add(k)) };
  };
}

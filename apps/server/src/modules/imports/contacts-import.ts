import type { Contact, ImportRowError } from '@flow/contracts';
import { scoreRelationship } from '../../ai/health';
import type { ContactRow } from '../../db/schema';
import { newId } from '../../platform/ids';
import type { Scope } from '../../platform/scope';
import { toContactSummary } from '../contacts/mapper';
import { tagNamesOf, tagNewEntities } from '../tags/repository';
import type { WriteBatch } from './batches';
import type { ContactCandidate } from './contact-rows';
import * as repo from './repository';

/**
 * Writes a batch of imported contacts: one insert, no per-row service call. Each gets the
 * engine's score for a contact with no history yet (as POST /api/contacts computes it); its
 * insights come with the next scheduled recomputation. Duplicate emails (in the organization,
 * or earlier in the file) are row errors. `announce` emits `contact:created` per contact: only
 * for small imports, since a 50,000-row file would flood every manager's socket — clients
 * refetch on the final `import:progress` instead.
 */
export function writeContacts(
  scope: Scope,
  now: Date,
  announce: boolean,
): WriteBatch<ContactCandidate> {
  const seen = new Set<string>();
  const stamp = now.toISOString();
  const score = scoreRelationship({ communications: [], openDeals: [], createdAt: stamp, now });

  return async (tx, emit, candidates) => {
    const taken = await repo.takenEmails(
      tx,
      scope.organizationId,
      candidates.map((c) => c.value.email),
    );
    const errors: ImportRowError[] = [];
    const batchSeen = new Set<string>();
    const accepted = candidates.filter(({ line, value }) => {
      const field = 'email';
      if (seen.has(value.email) || batchSeen.has(value.email)) {
        errors.push({ row: line, field, message: 'This email appears earlier in the file' });
        return false;
      }
      if (taken.has(value.email)) {
        errors.push({ row: line, field, message: 'A contact with this email already exists' });
        return false;
      }
      batchSeen.add(value.email);
      return true;
    });
    const rows: ContactRow[] = accepted.map(({ value: { body, ownerId, email } }) => ({
      id: newId(),
      organization_id: scope.organizationId,
      owner_id: ownerId,
      name: body.name,
      email,
      phone: body.phone || null,
      company: body.company || null,
      title: body.title || null,
      avatar: body.avatar ?? null,
      health_score: score.healthScore,
      relationship_health: score.relationshipHealth,
      sentiment: 'neutral',
      churn_risk: score.churnRisk,
      total_deals: 0,
      total_value: 0,
      last_contact: null,
      // UTC, so the text comparisons of SQLite order it with every other timestamp.
      next_follow_up: body.nextFollowUp ? new Date(body.nextFollowUp).toISOString() : null,
      notes: JSON.stringify(body.notes ?? []),
      created_at: stamp,
      updated_at: stamp,
      deleted_at: null,
    }));
    await repo.insertContacts(tx, rows);
    await tagNewEntities(
      tx,
      scope.organizationId,
      'contact',
      rows.map((r, i) => ({ entityId: r.id, names: accepted[i]!.value.body.tags ?? [] })),
      stamp,
    );
    if (announce && rows.length > 0) {
      const tags = await tagNamesOf(
        tx,
        scope.organizationId,
        'contact',
        rows.map((r) => r.id),
      );
      for (const row of rows) {
        const contact: Contact = {
          ...toContactSummary(row, tags.get(row.id) ?? []),
          communicationHistory: [],
          aiInsights: [],
        };
        emit({
          organizationId: scope.organizationId,
          ownerId: row.owner_id,
          actorId: scope.userId,
          event: 'contact:created',
          data: { contact },
        });
      }
    }
    return {
      imported: rows.length,
      errors,
      commit: () => batchSeen.forEach((e) => seen.add(e)),
    };
  };
}

import type {
  AddCommunicationBody,
  AIInsight,
  CommunicationEvent,
  Contact,
  ContactsQuery,
  ContactStats,
  ContactSummary,
  CreateContactBody,
  List,
  UpdateContactBody,
} from '@flow/contracts';
import { analyzeSentiment } from '../../ai/sentiment';
import { isUniqueViolation } from '../../db/errors';
import type { ContactRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { conflict, notFound, validationError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { pageOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';
import type { Emit } from '../../realtime/mutate';
import type { ServiceDeps } from '../registry';
import { isActiveMember, organizationSettings } from '../organizations/repository';
import { setEntityTags, tagNamesOf } from '../tags/repository';
import { toCommunicationEvent, toContactSummary, toInsight } from './mapper';
import * as repo from './repository';
import { refreshRelationship } from './relationship';

/** The owner a new or reassigned record gets: sales users own what they create. */
export async function resolveOwner(
  db: Tx,
  scope: Scope,
  requested: string | undefined,
): Promise<string> {
  if (!requested || requested === scope.userId) return scope.userId;
  if (scope.role === 'sales')
    throw validationError({ ownerId: ['Sales users can only assign records to themselves'] });
  if (!(await isActiveMember(db, scope.organizationId, requested))) {
    throw validationError({ ownerId: ['No active user with this id in your organization'] });
  }
  return requested;
}

const duplicateEmail = () =>
  conflict('A contact with this email already exists', {
    fields: { email: ['Already used by another contact'] },
  });

export function createContactsService({ db, mutate, clock }: ServiceDeps) {
  async function summaries(
    tx: Tx,
    organizationId: string,
    rows: ContactRow[],
  ): Promise<ContactSummary[]> {
    const tags = await tagNamesOf(
      tx,
      organizationId,
      'contact',
      rows.map((r) => r.id),
    );
    return rows.map((row) => toContactSummary(row, tags.get(row.id) ?? []));
  }

  async function full(tx: Tx, scope: Scope, row: ContactRow): Promise<Contact> {
    const [[summary], history, insights] = await Promise.all([
      summaries(tx, scope.organizationId, [row]),
      repo.communicationsOf(tx, row.id, 100),
      repo.insightsOf(tx, row.id),
    ]);
    return {
      ...summary!,
      communicationHistory: history.map(toCommunicationEvent),
      aiInsights: insights.map(toInsight),
    };
  }

  async function visible(tx: Tx, scope: Scope, id: string): Promise<ContactRow> {
    const row = await repo.findContact(tx, scope, id);
    if (!row) throw notFound('Contact');
    return row;
  }

  async function filterContext(scope: Scope) {
    const { highValueThreshold } = await organizationSettings(db, scope.organizationId);
    return { highValueThreshold, now: clock() };
  }

  const eventBase = (row: ContactRow, scope: Scope) => ({
    organizationId: row.organization_id,
    ownerId: row.owner_id,
    actorId: scope.userId,
  });

  return {
    async list(scope: Scope, query: ContactsQuery): Promise<List<ContactSummary>> {
      const { rows, total } = await repo.listContacts(db, scope, query, await filterContext(scope));
      return pageOf(await summaries(db, scope.organizationId, rows), total, query);
    },

    async stats(scope: Scope): Promise<ContactStats> {
      return repo.contactStats(db, scope, await filterContext(scope));
    },

    async get(scope: Scope, id: string): Promise<Contact> {
      return full(db, scope, await visible(db, scope, id));
    },

    async insights(scope: Scope, id: string): Promise<AIInsight[]> {
      await visible(db, scope, id);
      return (await repo.insightsOf(db, id)).map(toInsight);
    },

    async create(scope: Scope, body: CreateContactBody): Promise<Contact> {
      const ownerId = await resolveOwner(db, scope, body.ownerId);
      const email = body.email.toLowerCase();
      if (await repo.contactIdByEmail(db, scope.organizationId, email)) throw duplicateEmail();
      const now = clock();
      const stamp = now.toISOString();
      try {
        return await mutate(async (tx, emit) => {
          const inserted = await repo.insertContact(tx, {
            id: newId(),
            organization_id: scope.organizationId,
            owner_id: ownerId,
            name: body.name,
            email,
            phone: body.phone ?? null,
            company: body.company ?? null,
            title: body.title ?? null,
            avatar: body.avatar ?? null,
            last_contact: null,
            next_follow_up: body.nextFollowUp ?? null,
            notes: JSON.stringify(body.notes ?? []),
            created_at: stamp,
            updated_at: stamp,
            deleted_at: null,
          });
          if (body.tags?.length)
            await setEntityTags(tx, scope.organizationId, 'contact', inserted.id, body.tags, stamp);
          // Score the new contact without announcing a health change: it is announced whole below.
          await refreshRelationship(tx, () => undefined, inserted, now, scope.userId);
          const contact = await full(tx, scope, (await repo.findContactById(tx, inserted.id))!);
          emit({ ...eventBase(inserted, scope), event: 'contact:created', data: { contact } });
          return contact;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateEmail();
        throw error;
      }
    },

    async update(scope: Scope, id: string, body: UpdateContactBody): Promise<Contact> {
      const stamp = clock().toISOString();
      try {
        return await mutate(async (tx, emit) => {
          const current = await visible(tx, scope, id);
          if (body.ifUnmodifiedSince && current.updated_at > body.ifUnmodifiedSince) {
            throw conflict('This contact was changed by someone else; reload and try again', {
              updatedAt: current.updated_at,
            });
          }
          const ownerId =
            body.ownerId !== undefined
              ? await resolveOwner(tx, scope, body.ownerId)
              : current.owner_id;
          const email = body.email?.toLowerCase();
          if (email && email !== current.email) {
            const other = await repo.contactIdByEmail(tx, scope.organizationId, email);
            if (other && other !== id) throw duplicateEmail();
          }
          const changes = {
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(email !== undefined ? { email } : {}),
            ...(body.phone !== undefined ? { phone: body.phone } : {}),
            ...(body.company !== undefined ? { company: body.company } : {}),
            ...(body.title !== undefined ? { title: body.title } : {}),
            ...(body.avatar !== undefined ? { avatar: body.avatar } : {}),
            ...(body.nextFollowUp !== undefined ? { next_follow_up: body.nextFollowUp } : {}),
            ...(body.notes !== undefined ? { notes: JSON.stringify(body.notes) } : {}),
            ...(ownerId !== current.owner_id ? { owner_id: ownerId } : {}),
          };
          await repo.updateContact(tx, scope, id, { ...changes, updated_at: stamp });
          if (ownerId !== current.owner_id) await repo.reassignChildren(tx, id, ownerId);
          if (body.tags !== undefined)
            await setEntityTags(tx, scope.organizationId, 'contact', id, body.tags, stamp);
          const updated = await full(tx, scope, (await repo.findContactById(tx, id))!);
          const changed = Object.fromEntries(
            (Object.keys(body) as (keyof UpdateContactBody)[])
              .filter((k) => k !== 'ifUnmodifiedSince')
              .map((k) => [k, updated[k as keyof Contact]]),
          );
          // Reassignment: the previous owner loses sight of it, the new one must learn of it.
          emit({
            ...eventBase(current, scope),
            event: 'contact:updated',
            data: { id, changes: { ...changed, updatedAt: stamp } },
          });
          if (ownerId !== current.owner_id) {
            emit({
              organizationId: current.organization_id,
              ownerId,
              actorId: scope.userId,
              event: 'contact:created',
              data: { contact: updated },
            });
          }
          return updated;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateEmail();
        throw error;
      }
    },

    async remove(scope: Scope, id: string): Promise<void> {
      const stamp = clock().toISOString();
      await mutate(async (tx, emit) => {
        const current = await visible(tx, scope, id);
        await repo.softDeleteContact(tx, scope, id, stamp);
        emit({ ...eventBase(current, scope), event: 'contact:deleted', data: { id } });
      });
    },

    /** Logs a call/email/meeting/note: AI sentiment, then lastContact, health and churn follow. */
    async addCommunication(
      scope: Scope,
      id: string,
      body: AddCommunicationBody,
    ): Promise<CommunicationEvent> {
      const now = clock();
      return mutate(async (tx, emit) => {
        const contact = await visible(tx, scope, id);
        const analysis = analyzeSentiment(body.summary, body.subject);
        const drivers = analysis.factors
          .slice()
          .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact))
          .slice(0, 3)
          .map((f) => f.description);
        const text =
          `${analysis.sentiment[0]!.toUpperCase()}${analysis.sentiment.slice(1)} (${analysis.confidence}% confidence), ` +
          `tone ${analysis.emotionalTone}${drivers.length ? ` — ${drivers.join('; ')}` : ''}`;
        const row = {
          id: newId(),
          organization_id: contact.organization_id,
          contact_id: id,
          owner_id: contact.owner_id,
          type: body.type,
          date: body.date,
          subject: body.subject ?? null,
          summary: body.summary,
          sentiment: analysis.sentiment,
          ai_analysis: JSON.stringify({
            text,
            sentiment: analysis.sentiment,
            confidence: analysis.confidence,
            emotionalTone: analysis.emotionalTone,
            score: analysis.score,
          }),
          created_by: scope.userId,
          created_at: now.toISOString(),
        };
        await repo.insertCommunication(tx, row);
        await refreshRelationship(tx, emit, contact, now, scope.userId);
        return toCommunicationEvent(row);
      });
    },

    /** Recomputes health, churn and insights now (POST /api/ai/generate-insights). */
    async regenerateInsights(scope: Scope, id: string): Promise<AIInsight[]> {
      const now = clock();
      await mutate(async (tx, emit) => {
        await refreshRelationship(tx, emit, await visible(tx, scope, id), now, scope.userId);
      });
      return (await repo.insightsOf(db, id)).map(toInsight);
    },

    /** For other modules, inside their transaction: keep totalDeals/totalValue true. */
    async refreshDealTotals(
      tx: Tx,
      emit: Emit,
      contactId: string,
      actorId: string | null,
      now: Date,
    ): Promise<void> {
      const contact = await repo.findContactById(tx, contactId);
      if (!contact) return;
      const deals = await repo.dealsOfContact(tx, contactId);
      const totalDeals = deals.length;
      const totalValue = deals.reduce((sum, d) => sum + d.value, 0);
      if (totalDeals !== contact.total_deals || totalValue !== contact.total_value) {
        await repo.setComputedFields(tx, contactId, {
          total_deals: totalDeals,
          total_value: totalValue,
        });
        emit({
          organizationId: contact.organization_id,
          ownerId: contact.owner_id,
          actorId,
          event: 'contact:updated',
          data: { id: contactId, changes: { totalDeals, totalValue } },
        });
      }
      await refreshRelationship(tx, emit, contact, now, actorId);
    },

    /** For other modules (messages, meetings): a new interaction changes health and churn. */
    async refreshRelationshipOf(
      tx: Tx,
      emit: Emit,
      contactId: string,
      actorId: string | null,
      now: Date,
    ): Promise<void> {
      const contact = await repo.findContactById(tx, contactId);
      if (contact) await refreshRelationship(tx, emit, contact, now, actorId);
    },
  };
}
export type ContactsService = ReturnType<typeof createContactsService>;

import type {
  AddDealActivityBody,
  ChangeDealStageBody,
  CreateDealBody,
  Deal,
  DealActivity,
  DealForecast,
  DealsQuery,
  DealStageStats,
  DealSummary,
  List,
  UpdateDealBody,
} from '@flow/contracts';
import type { DealRow } from '../../db/schema';
import type { Tx } from '../../db/tx';
import { AppError, conflict, notFound, validationError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { pageOf } from '../../platform/pagination';
import type { Scope } from '../../platform/scope';
import { resolveOwner } from '../contacts/service';
import { organizationSettings } from '../organizations/repository';
import type { ServiceDeps } from '../registry';
import { setEntityTags } from '../tags/repository';
import { storedCloseDate, toDealActivity } from './mapper';
import { announce, eventBase, refreshContacts } from './effects';
import { createDealModels } from './models';
import { forecastSums, listDeals, stageSums } from './pipeline';
import {
  defaultPriority,
  fullDeal,
  rescore,
  scoredColumns,
  stageColumns,
  storeDerived,
  summaries,
} from './records';
import * as repo from './repository';
import { scoreDealFacts } from './scoring';

const DAY_MS = 86_400_000;
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const isClosing = (stage: string) => stage === 'closed-won' || stage === 'closed-lost';
/**
 * The schema takes any finite amount; sums of amounts near 1e308 overflow (PostgreSQL refuses
 * them), so a deal is capped at a trillion, far beyond any real one.
 */
const MAX_DEAL_VALUE = 1e12;
function checkValue(value: number | undefined): void {
  if (value !== undefined && value > MAX_DEAL_VALUE)
    throw validationError({ value: [`Must be at most ${MAX_DEAL_VALUE.toLocaleString('en-US')}`] });
}

export function createDealsService(deps: ServiceDeps) {
  const { db, mutate, clock } = deps;
  const models = createDealModels(db, clock);

  async function visible(tx: Tx, scope: Scope, id: string): Promise<DealRow> {
    const row = await repo.findDeal(tx, scope, id);
    if (!row) throw notFound('Deal');
    return row;
  }

  /** The deal's contact must be one the caller can see; its name and company are copied. */
  async function contactFor(scope: Scope, contactId: string) {
    try {
      const contact = await deps.services.contacts.get(scope, contactId);
      return { id: contact.id, name: contact.name, company: contact.company };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw validationError({ contactId: ['No contact with this id is visible to you'] });
      }
      throw error;
    }
  }

  return {
    async list(scope: Scope, query: DealsQuery): Promise<List<DealSummary>> {
      const { rows, total } = await listDeals(db, scope, query, clock());
      return pageOf(await summaries(db, scope.organizationId, rows), total, query);
    },

    /** API.md §6 over the visible open deals, summed in SQL. */
    async forecast(scope: Scope): Promise<DealForecast> {
      const sums = await forecastSums(db, scope, clock());
      return {
        totalPipeline: round(sums.pipeline, 2),
        weightedForecast: round(sums.weighted / 100, 2),
        dealsClosingThisMonth: sums.closingCount,
        monthlyForecast: round(sums.monthWeighted / 100, 2),
      };
    },

    async stageStats(scope: Scope): Promise<DealStageStats> {
      const today = clock().getTime() / DAY_MS;
      return (await stageSums(db, scope)).map((s) => ({
        stage: s.stage,
        count: s.count,
        totalValue: round(s.totalValue, 2),
        avgProbability: round(s.avgProbability, 1),
        avgDaysInStage:
          s.avgChangedDay === null ? 0 : Math.max(0, round(today - s.avgChangedDay, 1)),
      }));
    },

    async get(scope: Scope, id: string): Promise<Deal> {
      return fullDeal(db, await visible(db, scope, id));
    },

    async create(scope: Scope, body: CreateDealBody): Promise<Deal> {
      checkValue(body.value);
      const ownerId = await resolveOwner(db, scope, body.ownerId);
      const contact = await contactFor(scope, body.contactId);
      const id = newId();
      const [model, settings, contactAverageValue] = await Promise.all([
        models.modelFor(scope.organizationId),
        organizationSettings(db, scope.organizationId),
        repo.contactAverageValue(db, contact.id, id),
      ]);
      const now = clock();
      const stamp = now.toISOString();
      const manualCompetitor = body.competitorMentioned || null;
      const facts = {
        id,
        organization_id: scope.organizationId,
        title: body.title,
        stage: body.stage ?? 'prospect',
        value: body.value,
        description: body.description ?? '',
        expected_close_date: storedCloseDate(body.expectedCloseDate),
        created_at: stamp,
      };
      // A new deal has no activities yet: its score comes from the stage, description and facts.
      const scoring = scoreDealFacts(facts, [], {
        now,
        model,
        manualCompetitor,
        ...(contactAverageValue !== undefined ? { contactAverageValue } : {}),
      });
      const deal = await mutate(async (tx, emit) => {
        await repo.insertDeal(tx, {
          ...facts,
          owner_id: ownerId,
          contact_id: contact.id,
          contact_name: contact.name,
          company: contact.company,
          ...scoredColumns(scoring),
          priority:
            body.priority ??
            defaultPriority(body.value, scoring.score.probability, settings.highValueThreshold),
          closed_date: isClosing(facts.stage) ? stamp : null,
          stage_changed_at: stamp,
          updated_at: stamp,
          deleted_at: null,
        });
        await repo.recordStageChange(tx, facts, null, facts.stage, scope.userId, stamp);
        await storeDerived(tx, facts, scoring, stamp);
        if (body.tags?.length)
          await setEntityTags(tx, scope.organizationId, 'deal', facts.id, body.tags, stamp);
        const created = await fullDeal(tx, (await repo.findDealById(tx, facts.id))!);
        emit({
          organizationId: scope.organizationId,
          ownerId,
          actorId: scope.userId,
          event: 'deal:created',
          data: { deal: created },
        });
        await refreshContacts(deps.services, tx, emit, [contact.id], scope, now);
        return created;
      });
      if (isClosing(deal.stage)) models.dealClosed(scope.organizationId);
      return deal;
    },

    async update(scope: Scope, id: string, body: UpdateDealBody): Promise<Deal> {
      checkValue(body.value);
      const current = await visible(db, scope, id);
      const contact =
        body.contactId !== undefined && body.contactId !== current.contact_id
          ? await contactFor(scope, body.contactId)
          : undefined;
      const model = await models.modelFor(scope.organizationId);
      const now = clock();
      const stamp = now.toISOString();
      const updated = await mutate(async (tx, emit) => {
        const row = await visible(tx, scope, id);
        if (
          body.ifUnmodifiedSince &&
          Date.parse(row.updated_at) > Date.parse(body.ifUnmodifiedSince)
        ) {
          throw conflict('This deal was changed by someone else; reload and try again', {
            updatedAt: row.updated_at,
          });
        }
        const before = { row, deal: await fullDeal(tx, row) };
        const ownerId =
          body.ownerId !== undefined ? await resolveOwner(tx, scope, body.ownerId) : row.owner_id;
        await repo.updateDeal(tx, scope, id, {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.value !== undefined ? { value: body.value } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.priority !== undefined ? { priority: body.priority } : {}),
          ...(body.expectedCloseDate !== undefined
            ? { expected_close_date: storedCloseDate(body.expectedCloseDate) }
            : {}),
          ...(contact
            ? { contact_id: contact.id, contact_name: contact.name, company: contact.company }
            : {}),
          ...(body.stage !== undefined ? stageColumns(row, body.stage, stamp) : {}),
          ...(ownerId !== row.owner_id ? { owner_id: ownerId } : {}),
          updated_at: stamp,
        });
        if (ownerId !== row.owner_id) await repo.reassignActivities(tx, id, ownerId);
        if (body.stage !== undefined && body.stage !== row.stage)
          await repo.recordStageChange(tx, row, row.stage, body.stage, scope.userId, stamp);
        if (body.tags !== undefined)
          await setEntityTags(tx, scope.organizationId, 'deal', id, body.tags, stamp);
        const afterRow = await rescore(tx, (await repo.findDealById(tx, id))!, {
          now,
          model,
          // null clears the competitor the user named; '' is treated the same.
          ...(body.competitorMentioned !== undefined
            ? { manualCompetitor: body.competitorMentioned || null }
            : {}),
        });
        const after = await fullDeal(tx, afterRow);
        await announce(deps.services, tx, emit, scope, { before, after, afterRow, now });
        return after;
      });
      if (isClosing(updated.stage) && updated.stage !== current.stage)
        models.dealClosed(scope.organizationId);
      return updated;
    },

    async remove(scope: Scope, id: string): Promise<void> {
      const now = clock();
      await mutate(async (tx, emit) => {
        const current = await visible(tx, scope, id);
        await repo.softDeleteDeal(tx, scope, id, now.toISOString());
        emit({ ...eventBase(current, scope), event: 'deal:deleted', data: { id } });
        await refreshContacts(deps.services, tx, emit, [current.contact_id], scope, now);
      });
    },

    /** Moves a deal on the board: new probability, closedDate on closing, stage history. */
    async changeStage(scope: Scope, id: string, body: ChangeDealStageBody): Promise<Deal> {
      const model = await models.modelFor(scope.organizationId);
      const now = clock();
      const stamp = now.toISOString();
      const deal = await mutate(async (tx, emit) => {
        const row = await visible(tx, scope, id);
        const before = { row, deal: await fullDeal(tx, row) };
        if (body.stage !== row.stage) {
          await repo.updateDeal(tx, scope, id, {
            ...stageColumns(row, body.stage, stamp),
            updated_at: stamp,
          });
          await repo.recordStageChange(tx, row, row.stage, body.stage, scope.userId, stamp);
        }
        const afterRow = await rescore(tx, (await repo.findDealById(tx, id))!, { now, model });
        const after = await fullDeal(tx, afterRow);
        await announce(deps.services, tx, emit, scope, { before, after, afterRow, now });
        return after;
      });
      if (isClosing(deal.stage)) models.dealClosed(scope.organizationId);
      return deal;
    },

    /** Logs an activity; signals, probability, last activity and insights follow from all of them. */
    async addActivity(scope: Scope, id: string, body: AddDealActivityBody): Promise<DealActivity> {
      const model = await models.modelFor(scope.organizationId);
      const now = clock();
      const stamp = now.toISOString();
      return mutate(async (tx, emit) => {
        const row = await visible(tx, scope, id);
        const before = { row, deal: await fullDeal(tx, row) };
        const activity = {
          id: newId(),
          organization_id: row.organization_id,
          deal_id: id,
          owner_id: row.owner_id,
          type: body.type,
          // One format in storage, so dates compare as text on SQLite too.
          date: new Date(body.date).toISOString(),
          description: body.description,
          outcome: body.outcome || null,
          next_step: body.nextStep || null,
          created_by: scope.userId,
          created_at: stamp,
        };
        await repo.insertActivity(tx, activity);
        await repo.setComputedFields(tx, id, { updated_at: stamp });
        const afterRow = await rescore(tx, (await repo.findDealById(tx, id))!, { now, model });
        const after = await fullDeal(tx, afterRow);
        const result = toDealActivity(activity);
        emit({
          ...eventBase(afterRow, scope),
          event: 'deal:activity_added',
          data: { dealId: id, activity: result },
        });
        await announce(deps.services, tx, emit, scope, { before, after, afterRow, now });
        return result;
      });
    },

    /** Fits the organization's model on its closed deals (null under 30); the job calls this. */
    /** The organization's fitted model (fitted on first need), for /api/ai/deal-probability. */
    modelFor: (organizationId: string) => models.modelFor(organizationId),

    refitModel(organizationId: string): Promise<{ trainedOn: number } | null> {
      return models.refit(organizationId);
    },
  };
}
export type DealsService = ReturnType<typeof createDealsService>;

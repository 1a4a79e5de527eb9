import {
  MIN_TRAINING_DEALS,
  closedDealRow,
  fitDealModel,
  isOpenStage,
  type DealModel,
  type OpenDealStage,
} from '../../ai/deal-probability';
import type { Tx } from '../../db/tx';
import * as store from './model-repository';
import { engineDeal } from './scoring';

/** How long a loaded model (or the absence of one) is trusted before the database is asked again. */
const CACHE_MS = 60_000;
/**
 * Deals closed before stage history was recorded (imports, seeds) have no known last open stage.
 * They train as mid-pipeline: a constant, so it carries no hint of the outcome.
 */
const UNKNOWN_LAST_STAGE: OpenDealStage = 'proposal';

function parseModel(json: string | undefined): DealModel | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as DealModel;
    return value && typeof value === 'object' && Array.isArray(value.weights) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The organizations' fitted deal models, cached in memory per organization for a minute.
 * A refit replaces the stored model and the cached copy; a missing model is fitted lazily once the
 * organization has enough closed deals.
 */
export function createDealModels(db: Tx, clock: () => Date) {
  const cache = new Map<string, { model: DealModel | null; at: number }>();
  const inFlight = new Map<string, Promise<{ trainedOn: number } | null>>();

  async function fit(organizationId: string): Promise<{ trainedOn: number } | null> {
    const deals = await store.trainingDeals(db, organizationId);
    if (deals.length < MIN_TRAINING_DEALS) return null;
    const rows = deals.map(({ deal, activities, lastOpenStage }) => {
      const stage =
        lastOpenStage && isOpenStage(lastOpenStage) ? lastOpenStage : UNKNOWN_LAST_STAGE;
      const input = engineDeal(deal, activities, deal.competitor_mentioned, stage);
      return closedDealRow({
        deal: { ...input, stage },
        closedAt: deal.closed_date ?? deal.updated_at,
        won: deal.stage === 'closed-won',
      });
    });
    const model = fitDealModel(rows);
    const now = clock();
    // Every deal had the same outcome: nothing to learn. A model stored earlier stays in use.
    if (!model) return null;
    await store.saveModel(
      db,
      organizationId,
      JSON.stringify(model),
      rows.length,
      now.toISOString(),
    );
    cache.set(organizationId, { model, at: now.getTime() });
    return { trainedOn: rows.length };
  }

  /**
   * Fits the organization's model from its closed deals; null (and the stored model, if any, left
   * as it is) under MIN_TRAINING_DEALS or when every one of them had the same outcome.
   */
  function refit(organizationId: string): Promise<{ trainedOn: number } | null> {
    // Concurrent callers (a job and a lazy first score) share one fit.
    const running = inFlight.get(organizationId);
    if (running) return running;
    const promise = fit(organizationId).finally(() => inFlight.delete(organizationId));
    inFlight.set(organizationId, promise);
    return promise;
  }

  /** The model scoring should use for this organization, or null to score by rules alone. */
  async function modelFor(organizationId: string): Promise<DealModel | null> {
    const now = clock().getTime();
    const hit = cache.get(organizationId);
    if (hit && now - hit.at < CACHE_MS) return hit.model;
    let model = parseModel(await store.storedModel(db, organizationId));
    if (
      !model &&
      (await store.closedDealCount(db, organizationId)) >= MIN_TRAINING_DEALS &&
      (await refit(organizationId))
    ) {
      model = parseModel(await store.storedModel(db, organizationId));
    }
    cache.set(organizationId, { model, at: now });
    return model;
  }

  /**
   * A deal closed: an organization still without a model may now have enough closed deals, so
   * its cached "no model" is dropped (one with a model waits for the periodic refit).
   */
  function dealClosed(organizationId: string): void {
    if (cache.get(organizationId)?.model === null) cache.delete(organizationId);
  }

  return { modelFor, refit, dealClosed };
}

export type DealModels = ReturnType<typeof createDealModels>;

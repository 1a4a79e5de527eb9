import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClosedDeal } from '../../apps/server/src/ai/deal-probability';
import { openDatabase } from '../../apps/server/src/db/connection';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import { seedLarge } from '../../apps/server/src/db/seed/large';
import { markdownTable, round, type BenchSection } from '../lib/measure';
import { evaluateDealModels } from './30-deal-probability';

/**
 * The same evaluation on the closed deals of the large benchmark dataset (`npm run seed -- --size
 * large`), every fifth deal held out. BENCH_SCALE sets its size (default 0.2 → 10,000 deals).
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 0.2);

const parse = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

export async function run(): Promise<BenchSection> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-bench-deals-'));
  const database = openDatabase(`sqlite:${path.join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(database.db);
    await seedLarge(database.db, { scale: SCALE });
    const deals = await database.db
      .selectFrom('deals')
      .selectAll()
      .where('stage', 'in', ['closed-won', 'closed-lost'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    const activities = await database.db
      .selectFrom('deal_activities')
      .select(['deal_id', 'type', 'date', 'description'])
      .where(
        'deal_id',
        'in',
        database.db
          .selectFrom('deals')
          .select('id')
          .where('stage', 'in', ['closed-won', 'closed-lost']),
      )
      .execute();
    const byDeal = new Map<
      string,
      { type: (typeof activities)[number]['type']; date: string; description: string }[]
    >();
    for (const a of activities) {
      const list = byDeal.get(a.deal_id) ?? [];
      list.push({ type: a.type, date: a.date, description: a.description });
      byDeal.set(a.deal_id, list);
    }
    // The seed keeps no stage history: like the deals module, score a closed deal at 'proposal'.
    const closed: ClosedDeal[] = deals.map((d) => ({
      deal: {
        stage: 'proposal',
        activities: byDeal.get(d.id) ?? [],
        riskFactors: parse(d.risk_factors),
        positiveSignals: parse(d.positive_signals),
        ...(d.competitor_mentioned ? { competitorMentioned: d.competitor_mentioned } : {}),
        value: d.value,
        ...(d.expected_close_date ? { expectedCloseDate: d.expected_close_date } : {}),
        createdDate: d.created_at,
      },
      closedAt: d.closed_date ?? d.updated_at,
      won: d.stage === 'closed-won',
    }));
    const train = closed.filter((_, i) => i % 5 !== 0);
    const heldOut = closed.filter((_, i) => i % 5 === 0);
    const result = evaluateDealModels(train, heldOut);
    const wonShare = closed.filter((d) => d.won).length / Math.max(1, closed.length);
    return {
      title: 'Deal probability on the large seeded dataset',
      markdown: [
        `${closed.length.toLocaleString('en-US')} closed deals of the large dataset at scale ${SCALE} ` +
          `(${round(wonShare * 100)}% won); ${train.length} train, ${heldOut.length} held out.`,
        '',
        markdownTable(
          ['predictor', 'Brier (held out)'],
          [
            ['stage prior (65% for every deal)', round(result.brier.stagePrior, 4)],
            ['explained rules', round(result.brier.rules, 4)],
            [
              'learned model alone',
              result.brier.model === null ? '—' : round(result.brier.model, 4),
            ],
            [
              `blended (model weight ${round(result.blendWeight, 2)})`,
              round(result.brier.blended, 4),
            ],
          ],
        ),
        '',
        "Read with care: the seed draws each deal's signals independently of whether it was won, so " +
          'there is little for any predictor to learn here beyond the base rate; the synthetic section above, ' +
          'whose outcomes depend on the signals, is the one that shows what the model can learn.',
      ].join('\n'),
    };
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

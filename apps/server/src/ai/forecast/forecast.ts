import type {
  ConfidenceLevel,
  DealForecast,
  DealStage,
  SalesForecast,
  ScoreFactor,
} from '@flow/contracts';
import { DateTime } from 'luxon';
import { OPEN_STAGES, isOpenStage, stageLabel } from '../deal-probability/stages';
import { DAY_MS, round, toMs } from '../deal-probability/util';

export interface ForecastDeal {
  value: number;
  probability: number;
  stage: DealStage;
  expectedCloseDate: string;
  lastActivity?: string;
}

export interface MonthForecast {
  /** `YYYY-MM` */
  period: string;
  deals: number;
  value: number;
  weighted: number;
}

export interface ForecastResult {
  /** GET /api/deals/forecast */
  pipeline: DealForecast;
  /** GET /api/dashboard/forecast: this month's weighted revenue by stage. */
  sales: SalesForecast;
  /** The weighted pipeline by expected close month, oldest first (past-due months included). */
  months: MonthForecast[];
  /** Why the confidence is what it is. */
  quality: { recentActivityShare: number; realisticDateShare: number; factors: ScoreFactor[] };
}

export interface ForecastOptions {
  /** The organization's time zone for month boundaries (IANA name); UTC by default. */
  timeZone?: string;
  /** Activity within this many days counts as recent (default 14, as API.md's at-risk filter). */
  recentDays?: number;
}

const money = (n: number) => round(n, 2);

/** The calendar month a close date falls in; a date-only string is that day wherever you are. */
function monthOf(date: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date.slice(0, 7);
  return DateTime.fromISO(date, { zone }).toFormat('yyyy-MM');
}

/** A close date is realistic when it is neither past nor more than a year out. */
function realisticDate(date: string, now: Date): boolean {
  const due = toMs(date) + (date.length <= 10 ? DAY_MS : 0);
  return due >= now.getTime() && due - now.getTime() <= 365 * DAY_MS;
}

/**
 * Weighted pipeline by expected close month. Only open deals count (API.md §6): total pipeline
 * = Σ value, weighted forecast = Σ value × probability / 100; this month's figures are those
 * whose expected close date falls in the current calendar month.
 */
export function forecast(
  deals: readonly ForecastDeal[],
  now: Date,
  options: ForecastOptions = {},
): ForecastResult {
  const zone = options.timeZone ?? 'UTC';
  const recentMs = (options.recentDays ?? 14) * DAY_MS;
  const period = DateTime.fromJSDate(now, { zone }).toFormat('yyyy-MM');
  const open = deals.filter((d) => isOpenStage(d.stage));
  const weightOf = (d: ForecastDeal) => (d.value * d.probability) / 100;

  const byMonth = new Map<string, MonthForecast>();
  for (const d of open) {
    const key = monthOf(d.expectedCloseDate, zone);
    const m = byMonth.get(key) ?? { period: key, deals: 0, value: 0, weighted: 0 };
    m.deals += 1;
    m.value += d.value;
    m.weighted += weightOf(d);
    byMonth.set(key, m);
  }
  const months = [...byMonth.values()]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((m) => ({ ...m, value: money(m.value), weighted: money(m.weighted) }));

  const thisMonth = open.filter((d) => monthOf(d.expectedCloseDate, zone) === period);
  const pipeline: DealForecast = {
    totalPipeline: money(open.reduce((s, d) => s + d.value, 0)),
    weightedForecast: money(open.reduce((s, d) => s + weightOf(d), 0)),
    dealsClosingThisMonth: thisMonth.length,
    monthlyForecast: money(thisMonth.reduce((s, d) => s + weightOf(d), 0)),
  };

  const breakdown = OPEN_STAGES.flatMap((stage) => {
    const inStage = thisMonth.filter((d) => d.stage === stage);
    const value = inStage.reduce((s, d) => s + d.value, 0);
    if (inStage.length === 0) return [];
    const amount = inStage.reduce((s, d) => s + weightOf(d), 0);
    // Value-weighted mean probability, so amount ≈ value × probability / 100 for the stage.
    const probability =
      value > 0
        ? Math.round((100 * amount) / value)
        : Math.round(inStage.reduce((s, d) => s + d.probability, 0) / inStage.length);
    return [{ source: stageLabel(stage), amount: money(amount), probability }];
  });

  // Data quality of what this month's number rests on: this month's deals plus the overdue
  // ones (they should be closing now, and their stale dates are exactly what makes it shaky).
  const due = (d: ForecastDeal) => monthOf(d.expectedCloseDate, zone) <= period;
  const basis = open.filter(due);
  const t = now.getTime();
  const share = (pred: (d: ForecastDeal) => boolean) =>
    basis.length === 0 ? 0 : basis.filter(pred).length / basis.length;
  const recentActivityShare = share(
    (d) => d.lastActivity !== undefined && t - toMs(d.lastActivity) <= recentMs,
  );
  const realisticDateShare = share((d) => realisticDate(d.expectedCloseDate, now));
  const { confidence, factors } = confidenceOf(
    basis.length,
    recentActivityShare,
    realisticDateShare,
  );

  return {
    pipeline,
    sales: { revenue: pipeline.monthlyForecast, period, confidence, breakdown },
    months,
    quality: {
      recentActivityShare: round(recentActivityShare, 3),
      realisticDateShare: round(realisticDateShare, 3),
      factors,
    },
  };
}

/** high ≥ 0.75, medium ≥ 0.5 on the mean of the two shares; few deals cap it at medium. */
function confidenceOf(
  count: number,
  recent: number,
  realistic: number,
): { confidence: ConfidenceLevel; factors: ScoreFactor[] } {
  const pct = (x: number) => Math.round(100 * x);
  const factors: ScoreFactor[] = [
    {
      name: 'recent-activity',
      impact: pct(recent) / 2,
      description: `${pct(recent)}% of the deals behind this month's forecast had activity recently`,
    },
    {
      name: 'realistic-dates',
      impact: pct(realistic) / 2,
      description: `${pct(realistic)}% have a close date that is not past and within a year`,
    },
  ];
  if (count === 0) {
    factors.push({
      name: 'sample',
      impact: 0,
      description: 'No open deal is expected to close this month',
    });
    return { confidence: 'low', factors };
  }
  const quality = (recent + realistic) / 2;
  let confidence: ConfidenceLevel = quality >= 0.75 ? 'high' : quality >= 0.5 ? 'medium' : 'low';
  if (count < 3 && confidence === 'high') {
    confidence = 'medium';
    factors.push({
      name: 'sample',
      impact: 0,
      description: `Only ${count} deal${count === 1 ? '' : 's'} behind the figure`,
    });
  }
  return { confidence, factors };
}

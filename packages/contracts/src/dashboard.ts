import { z } from 'zod';
import {
  ConfidenceLevelSchema,
  IdSchema,
  IsoDateTimeSchema,
  MoneySchema,
  ScoreSchema,
} from './common';
import { ContactSummarySchema } from './contacts';
import { DealSummarySchema } from './deals';

export const SalesForecastSchema = z.object({
  /** Weighted revenue expected in `period`. */
  revenue: MoneySchema,
  /** The calendar month forecast, as `YYYY-MM`: API.md forecasts by expected close month. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  confidence: ConfidenceLevelSchema,
  breakdown: z.array(
    z.object({
      /** A display label for where the amount comes from (a stage, or a deal's title). */
      source: z.string(),
      amount: MoneySchema,
      probability: ScoreSchema,
    }),
  ),
});
export type SalesForecast = z.infer<typeof SalesForecastSchema>;

export const ActionItemTypeSchema = z.enum(['suggestion', 'opportunity', 'warning']);
export const ActionItemActionTypeSchema = z.enum(['primary', 'secondary', 'dismiss']);

export const ActionItemSchema = z.object({
  id: IdSchema,
  /** An icon name from the web app's icon set (e.g. 'alert-triangle'). */
  icon: z.string(),
  title: z.string(),
  type: ActionItemTypeSchema,
  timestamp: IsoDateTimeSchema,
  actions: z.array(z.object({ label: z.string(), type: ActionItemActionTypeSchema })),
  /** An app path such as `/contacts/<id>`. */
  link: z.string().optional(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const ActionItemListSchema = z.array(ActionItemSchema);

/** The "top few" of each list, so the Command Center renders from one request. */
export const DashboardSummarySchema = z.object({
  /** Most recently active open deals. */
  deals: z.array(DealSummarySchema),
  /** Most recently contacted contacts. */
  contacts: z.array(ContactSummarySchema),
  /** Sum of the values of every open deal the caller can see. */
  totalDealsValue: MoneySchema,
  atRiskContacts: z.array(ContactSummarySchema),
  highProbabilityDeals: z.array(DealSummarySchema),
});
export type DashboardSummary = z.infer<typeof DashboardSummarySchema>;

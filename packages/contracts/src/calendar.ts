import { z } from 'zod';
import {
  CountSchema,
  EmailAddressSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MinutesSchema,
  PageQuerySchema,
  PrioritySchema,
  ScoreSchema,
  TagListSchema,
  UrlSchema,
  listOf,
  longText,
  requiredText,
  shortText,
  sortOf,
} from './common';

export const CalendarEventTypeSchema = z.enum([
  'meeting',
  'call',
  'demo',
  'follow-up',
  'internal',
  'personal',
]);
export type CalendarEventType = z.infer<typeof CalendarEventTypeSchema>;

export const CalendarEventStatusSchema = z.enum([
  'scheduled',
  'confirmed',
  'completed',
  'cancelled',
  'no-show',
]);
export type CalendarEventStatus = z.infer<typeof CalendarEventStatusSchema>;

export const AttendeeStatusSchema = z.enum(['accepted', 'declined', 'pending', 'tentative']);
export type AttendeeStatus = z.infer<typeof AttendeeStatusSchema>;

export const CalendarFilterSchema = z.enum([
  'all',
  'meetings',
  'high-priority',
  'this-week',
  'follow-ups',
]);
export type CalendarFilter = z.infer<typeof CalendarFilterSchema>;

export const MeetingInsightTypeSchema = z.enum(['opportunity', 'risk', 'preparation', 'follow-up']);

export const AttendeeSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  /** Free text ("CTO", "decision maker"): people's roles in a meeting don't fit a fixed list. */
  role: z.string(),
  status: AttendeeStatusSchema,
});
export type Attendee = z.infer<typeof AttendeeSchema>;

/** Shaped like the contact and deal insights so the UI renders all three alike. */
export const MeetingInsightSchema = z.object({
  id: IdSchema,
  type: MeetingInsightTypeSchema,
  title: z.string(),
  description: z.string(),
  confidence: ScoreSchema,
  actionable: z.boolean(),
  suggestedAction: z.string().optional(),
});
export type MeetingInsight = z.infer<typeof MeetingInsightSchema>;

/** Display lines, ready for the preparation panel (the LLM provider may write them too). */
export const MeetingPreparationSchema = z.object({
  suggestedTalkingPoints: z.array(z.string()),
  recentInteractions: z.array(z.string()),
  dealContext: z.string().optional(),
  competitorIntel: z.array(z.string()).optional(),
  personalNotes: z.array(z.string()),
  documentsToShare: z.array(z.string()),
});
export type MeetingPreparation = z.infer<typeof MeetingPreparationSchema>;

/** One shape for the outcome a user posts and the one stored on the event. */
const meetingOutcomeShape = {
  summary: requiredText(10_000),
  nextSteps: z.array(requiredText(1_000)).max(50),
  sentimentScore: z.number().int().min(-100).max(100),
  keyDecisions: z.array(requiredText(1_000)).max(50),
  followUpRequired: z.boolean(),
  followUpDate: IsoDateTimeSchema.optional(),
  meetingRating: z.number().int().min(1).max(5),
};
export const MeetingOutcomeSchema = z.object(meetingOutcomeShape);
export type MeetingOutcome = z.infer<typeof MeetingOutcomeSchema>;
export const MeetingOutcomeBodySchema = z.strictObject(meetingOutcomeShape);
export type MeetingOutcomeBody = z.infer<typeof MeetingOutcomeBodySchema>;

/** An event as the calendar grid shows it; the detail route adds preparation, insights, outcome. */
export const CalendarEventSummarySchema = z.object({
  id: IdSchema,
  ownerId: IdSchema,
  title: z.string(),
  description: z.string().optional(),
  startTime: IsoDateTimeSchema,
  endTime: IsoDateTimeSchema,
  type: CalendarEventTypeSchema,
  contactId: IdSchema.optional(),
  contactName: z.string().optional(),
  contactCompany: z.string().optional(),
  dealId: IdSchema.optional(),
  location: z.string().optional(),
  meetingLink: z.string().optional(),
  attendees: z.array(AttendeeSchema),
  status: CalendarEventStatusSchema,
  priority: PrioritySchema,
  tags: z.array(z.string()),
  /** Added to API.md's list so updates can send `ifUnmodifiedSince` (CONFLICT on stale writes). */
  updatedAt: IsoDateTimeSchema,
});
export type CalendarEventSummary = z.infer<typeof CalendarEventSummarySchema>;

export const CalendarEventSchema = CalendarEventSummarySchema.extend({
  aiInsights: z.array(MeetingInsightSchema),
  preparation: MeetingPreparationSchema,
  outcome: MeetingOutcomeSchema.optional(),
});
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;

export const CalendarEventListResponseSchema = listOf(CalendarEventSummarySchema);

const endAfterStart = (v: { startTime?: string; endTime?: string }) =>
  v.startTime === undefined ||
  v.endTime === undefined ||
  Date.parse(v.endTime) > Date.parse(v.startTime);
const endAfterStartError = { message: 'End time must be after the start time', path: ['endTime'] };

export const CalendarEventsQuerySchema = PageQuerySchema.extend({
  /** Window of the calendar view: events overlapping [start, end]. */
  start: IsoDateSchema.optional(),
  end: IsoDateSchema.optional(),
  filter: CalendarFilterSchema.default('all'),
  /** Title, contact name or company contains this (the NL query engine links `/calendar?search=`). */
  search: shortText(200).optional(),
  /** Default order (when omitted): startTime. */
  sort: sortOf(['startTime', 'endTime', 'title']).optional(),
}).refine((q) => !q.start || !q.end || Date.parse(q.end) >= Date.parse(q.start), {
  message: 'End must not be before start',
  path: ['end'],
});
export type CalendarEventsQuery = z.infer<typeof CalendarEventsQuerySchema>;

/** Attendee as posted: `id` only when keeping an existing attendee on update. */
export const AttendeeInputSchema = z.strictObject({
  id: IdSchema.optional(),
  name: requiredText(120),
  email: EmailAddressSchema,
  role: shortText(100).optional(),
  status: AttendeeStatusSchema.optional(),
});
export type AttendeeInput = z.infer<typeof AttendeeInputSchema>;

/** Base object without the cross-field rule, so create and update can both derive from it. */
const eventFieldsSchema = z.strictObject({
  title: requiredText(200),
  description: longText(10_000).optional(),
  startTime: IsoDateTimeSchema,
  endTime: IsoDateTimeSchema,
  type: CalendarEventTypeSchema,
  contactId: IdSchema.optional(),
  dealId: IdSchema.optional(),
  location: shortText(500).optional(),
  meetingLink: UrlSchema.optional(),
  attendees: z.array(AttendeeInputSchema).max(100).optional(),
  status: CalendarEventStatusSchema.optional(),
  priority: PrioritySchema.optional(),
  tags: TagListSchema.optional(),
  /** Managers and admins may schedule for a colleague; a sales user may only name themselves. */
  ownerId: IdSchema.optional(),
});

export const CreateCalendarEventBodySchema = eventFieldsSchema.refine(
  endAfterStart,
  endAfterStartError,
);
export type CreateCalendarEventBody = z.infer<typeof CreateCalendarEventBodySchema>;

/** When only one end moves, the server checks it against the stored other end. */
export const UpdateCalendarEventBodySchema = eventFieldsSchema
  .partial()
  .extend({
    /** null detaches / clears. */
    contactId: IdSchema.nullable().optional(),
    dealId: IdSchema.nullable().optional(),
    description: longText(10_000).nullable().optional(),
    location: shortText(500).nullable().optional(),
    meetingLink: UrlSchema.nullable().optional(),
    /** The `updatedAt` the client last saw; a newer stored version answers CONFLICT. */
    ifUnmodifiedSince: IsoDateTimeSchema.optional(),
  })
  .refine(endAfterStart, endAfterStartError);
export type UpdateCalendarEventBody = z.infer<typeof UpdateCalendarEventBodySchema>;

export const CalendarEventStatusBodySchema = z.strictObject({ status: CalendarEventStatusSchema });
export type CalendarEventStatusBody = z.infer<typeof CalendarEventStatusBodySchema>;

/** A window the user would prefer; suggestions are searched inside these windows first. */
export const TimeWindowSchema = z
  .strictObject({ startTime: IsoDateTimeSchema, endTime: IsoDateTimeSchema })
  .refine(endAfterStart, endAfterStartError);

export const SmartSchedulingBodySchema = z.strictObject({
  contactId: IdSchema.optional(),
  dealId: IdSchema.optional(),
  /** Minutes, between 5 minutes and a working day. */
  duration: z
    .number()
    .int()
    .min(5)
    .max(8 * 60),
  preferredTimes: z.array(TimeWindowSchema).max(20).optional(),
});
export type SmartSchedulingBody = z.infer<typeof SmartSchedulingBodySchema>;

export const ConflictTypeSchema = z.enum([
  'double-booking',
  'travel-time',
  'preparation',
  'back-to-back',
]);
/** Three levels like priority; 'high' means the slot is a poor choice. */
export const SeveritySchema = z.enum(['low', 'medium', 'high']);

export const SmartSchedulingSchema = z.object({
  suggestedTimes: z.array(
    z.object({
      startTime: IsoDateTimeSchema,
      endTime: IsoDateTimeSchema,
      reason: z.string(),
      confidence: ScoreSchema,
    }),
  ),
  conflictWarnings: z.array(
    z.object({ type: ConflictTypeSchema, message: z.string(), severity: SeveritySchema }),
  ),
  /** Minutes. */
  travelTimeEstimate: MinutesSchema.optional(),
  /** Minutes. */
  preparationTimeNeeded: MinutesSchema,
});
export type SmartScheduling = z.infer<typeof SmartSchedulingSchema>;

export const CalendarStatsSchema = z.object({
  totalThisWeek: CountSchema,
  meetingsThisWeek: CountSchema,
  highPriorityThisWeek: CountSchema,
  followUpsNeeded: CountSchema,
});
export type CalendarStats = z.infer<typeof CalendarStatsSchema>;

/** GET /api/calendar/feed.ics: the per-user feed secret stands in for the bearer token. */
export const CalendarFeedQuerySchema = z.strictObject({ token: z.string().max(200).optional() });
export type CalendarFeedQuery = z.infer<typeof CalendarFeedQuerySchema>;

/** GET /api/calendar/feed-url: the subscription address (with the caller's secret) to show. */
export const CalendarFeedUrlSchema = z.object({ url: z.string() });
export type CalendarFeedUrl = z.infer<typeof CalendarFeedUrlSchema>;

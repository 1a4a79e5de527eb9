import { z } from 'zod';
import {
  CountSchema,
  EmailAddressSchema,
  EmotionalToneSchema,
  IdSchema,
  IsoDateTimeSchema,
  MinutesSchema,
  PageQuerySchema,
  PercentSchema,
  PrioritySchema,
  ScoreSchema,
  SentimentSchema,
  TagNameSchema,
  UrgencySchema,
  listOf,
  longText,
  requiredText,
  shortText,
  sortOf,
} from './common';

/** The channel a message travels on. */
export const MessageTypeSchema = z.enum(['email', 'sms', 'chat']);
export type MessageType = z.infer<typeof MessageTypeSchema>;

export const SenderTypeSchema = z.enum(['user', 'contact']);
export const MessageStatusSchema = z.enum(['sent', 'delivered', 'read', 'replied']);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

export const SentimentTrendSchema = z.enum(['improving', 'stable', 'declining']);
export type SentimentTrend = z.infer<typeof SentimentTrendSchema>;

export const ConversationFilterSchema = z.enum([
  'all',
  'unread',
  'high-priority',
  'follow-up',
  'archived',
]);
export type ConversationFilter = z.infer<typeof ConversationFilterSchema>;

export const BusinessIntentSchema = z.enum([
  'inquiry',
  'complaint',
  'support',
  'purchase',
  'follow-up',
  'other',
]);
export type BusinessIntent = z.infer<typeof BusinessIntentSchema>;

export const ToneSchema = z.enum(['formal', 'casual', 'friendly', 'urgent']);
export type Tone = z.infer<typeof ToneSchema>;

export const TemplateCategorySchema = z.enum([
  'follow-up',
  'meeting',
  'proposal',
  'support',
  'introduction',
  'other',
]);
export type TemplateCategory = z.infer<typeof TemplateCategorySchema>;

/** API.md only says "action items"; a kind separates what they ask of us from what we promised. */
export const ActionItemFoundSchema = z.object({
  text: z.string(),
  kind: z.enum(['request', 'commitment']),
  /** A deadline found in the text ("by Friday"), resolved to a timestamp. */
  dueDate: IsoDateTimeSchema.optional(),
});
export type ActionItemFound = z.infer<typeof ActionItemFoundSchema>;

export const MessageAnalysisSchema = z.object({
  keyTopics: z.array(z.string()),
  emotionalTone: EmotionalToneSchema,
  urgencyLevel: UrgencySchema,
  businessIntent: BusinessIntentSchema,
  suggestedResponse: z.string(),
  /** Expected reply time in minutes, so the UI can both format and compare it. */
  responseTime: MinutesSchema,
  actionItems: z.array(ActionItemFoundSchema),
});
export type MessageAnalysis = z.infer<typeof MessageAnalysisSchema>;

/** API.md leaves attachments open; this is the least a client needs to list and fetch one. */
export const AttachmentSchema = z.object({
  id: IdSchema,
  name: z.string(),
  mimeType: z.string(),
  /** Bytes. */
  size: CountSchema,
  url: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  /** A user id when senderType is 'user', a contact id when 'contact'. */
  senderId: IdSchema,
  senderName: z.string(),
  senderType: SenderTypeSchema,
  content: z.string(),
  timestamp: IsoDateTimeSchema,
  type: MessageTypeSchema,
  subject: z.string().optional(),
  sentiment: SentimentSchema,
  confidence: ScoreSchema,
  aiAnalysis: MessageAnalysisSchema.optional(),
  attachments: z.array(AttachmentSchema).optional(),
  status: MessageStatusSchema,
  /** Set when outbound delivery failed (status stays 'sent'), so failures are never silent. */
  deliveryError: z.string().optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/** A conversation as the inbox lists it; the detail route adds `messages`. */
export const ConversationSummarySchema = z.object({
  id: IdSchema,
  /** Conversations are records too (API.md §2): visibility follows their owner. */
  ownerId: IdSchema,
  contactId: IdSchema,
  contactName: z.string(),
  contactCompany: z.string(),
  /** Channel and subject it was started with. */
  type: MessageTypeSchema,
  subject: z.string().optional(),
  /** Time of the latest message (of the start while there is none): the inbox sorts by it. */
  lastMessage: IsoDateTimeSchema,
  unreadCount: CountSchema,
  overallSentiment: SentimentSchema,
  sentimentTrend: SentimentTrendSchema,
  aiSummary: z.string(),
  tags: z.array(z.string()),
  priority: PrioritySchema,
  archived: z.boolean(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const ConversationSchema = ConversationSummarySchema.extend({
  messages: z.array(MessageSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const ConversationListResponseSchema = listOf(ConversationSummarySchema);

export const ConversationsQuerySchema = PageQuerySchema.extend({
  filter: ConversationFilterSchema.default('all'),
  /** Matches contact name, company and message text. */
  search: shortText(200).optional(),
  /** Default order (when omitted): -lastMessage. */
  sort: sortOf(['lastMessage', 'contactName', 'unreadCount']).optional(),
});
export type ConversationsQuery = z.infer<typeof ConversationsQuerySchema>;

export const StartConversationBodySchema = z.strictObject({
  contactId: IdSchema,
  subject: shortText(300).optional(),
  type: MessageTypeSchema,
});
export type StartConversationBody = z.infer<typeof StartConversationBodySchema>;

export const SendMessageBodySchema = z.strictObject({
  content: requiredText(50_000),
  type: MessageTypeSchema,
  subject: shortText(300).optional(),
});
export type SendMessageBody = z.infer<typeof SendMessageBodySchema>;

export const ConversationPriorityBodySchema = z.strictObject({ priority: PrioritySchema });
export type ConversationPriorityBody = z.infer<typeof ConversationPriorityBodySchema>;

export const ArchiveConversationBodySchema = z.strictObject({ archived: z.boolean() });
export type ArchiveConversationBody = z.infer<typeof ArchiveConversationBodySchema>;

export const AddConversationTagBodySchema = z.strictObject({ tag: TagNameSchema });
export type AddConversationTagBody = z.infer<typeof AddConversationTagBodySchema>;

export const MessageTemplateSchema = z.object({
  id: IdSchema,
  /** null for the system templates every user sees; otherwise the user who owns it. */
  ownerId: IdSchema.nullable(),
  name: z.string(),
  category: TemplateCategorySchema,
  content: z.string(),
  /** Variable names without braces ('firstName' for `{{firstName}}`), derived from `content`. */
  variables: z.array(z.string()),
});
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>;

export const MessageTemplateListSchema = z.array(MessageTemplateSchema);

export const TemplatesQuerySchema = z.strictObject({
  category: TemplateCategorySchema.optional(),
});
export type TemplatesQuery = z.infer<typeof TemplatesQuerySchema>;

/** `variables` is not accepted: the server reads them from the `{{name}}` placeholders in content. */
export const CreateTemplateBodySchema = z.strictObject({
  name: requiredText(120),
  category: TemplateCategorySchema,
  content: requiredText(20_000),
});
export type CreateTemplateBody = z.infer<typeof CreateTemplateBodySchema>;

export const UpdateTemplateBodySchema = CreateTemplateBodySchema.partial();
export type UpdateTemplateBody = z.infer<typeof UpdateTemplateBodySchema>;

export const SmartComposeBodySchema = z.strictObject({
  conversationId: IdSchema,
  draftContent: longText(20_000).optional(),
  tone: ToneSchema.optional(),
});
export type SmartComposeBody = z.infer<typeof SmartComposeBodySchema>;

export const SmartComposeSchema = z.object({
  suggestions: z.array(z.string()),
  toneAdjustments: z.object({
    current: ToneSchema,
    alternatives: z.array(z.object({ tone: ToneSchema, preview: z.string() })),
  }),
  templateSuggestions: z.array(MessageTemplateSchema),
});
export type SmartCompose = z.infer<typeof SmartComposeSchema>;

export const MessageStatsSchema = z.object({
  total: CountSchema,
  unread: CountSchema,
  highPriority: CountSchema,
  needsFollowUp: CountSchema,
  /** Minutes from a contact's message to our reply; null while nothing has been answered. */
  averageResponseTime: z.number().nonnegative().nullable(),
});
export type MessageStats = z.infer<typeof MessageStatsSchema>;

/** Percentages summing to 100 (all 0 when there are no messages). */
export const SentimentOverviewSchema = z.object({
  positive: PercentSchema,
  neutral: PercentSchema,
  negative: PercentSchema,
});
export type SentimentOverview = z.infer<typeof SentimentOverviewSchema>;

const PhoneNumberPattern = /^\+?[0-9][0-9 ().-]{2,29}$/;

/** From mail/SMS providers (X-Api-Key); `from` must fit the channel so the contact can be matched. */
export const InboundMessageBodySchema = z
  .strictObject({
    from: requiredText(254),
    to: shortText(254).optional(),
    type: MessageTypeSchema,
    subject: shortText(300).optional(),
    content: requiredText(50_000),
    receivedAt: IsoDateTimeSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.type === 'email' && !EmailAddressSchema.safeParse(body.from).success) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Enter a valid email address' });
    }
    if (body.type === 'sms' && !PhoneNumberPattern.test(body.from)) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'Enter a valid phone number' });
    }
  });
export type InboundMessageBody = z.infer<typeof InboundMessageBodySchema>;

// ─── Org API keys for /api/inbound/messages (admin only) ───────────────────
// API.md §7 names the X-Api-Key header but not the management routes; these shapes are additive.

/** A key as listed: never its secret, only the prefix that identifies it. */
export const ApiKeySchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The `<prefix>` of `flow_<prefix>_<secret>`, so an admin can tell keys apart. */
  prefix: z.string(),
  createdBy: IdSchema.optional(),
  createdAt: IsoDateTimeSchema,
  lastUsedAt: IsoDateTimeSchema.optional(),
  /** Set once revoked; a revoked key is refused with 401. */
  revokedAt: IsoDateTimeSchema.optional(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const ApiKeyListResponseSchema = listOf(ApiKeySchema);

export const ApiKeysQuerySchema = PageQuerySchema.extend({
  /** Default order (when omitted): -createdAt. */
  sort: sortOf(['createdAt', 'name']).optional(),
});
export type ApiKeysQuery = z.infer<typeof ApiKeysQuerySchema>;

export const CreateApiKeyBodySchema = z.strictObject({ name: requiredText(100) });
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBodySchema>;

/** Only the creation answer carries the plaintext key; it cannot be shown again. */
export const CreatedApiKeySchema = ApiKeySchema.extend({ key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKeySchema>;

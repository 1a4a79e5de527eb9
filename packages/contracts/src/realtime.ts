import { z } from 'zod';
import { CountSchema, IdSchema, IsoDateTimeSchema } from './common';
import { CalendarEventSchema } from './calendar';
import { ContactSchema } from './contacts';
import { ConversationSchema, MessageSchema } from './conversations';
import { DealActivitySchema, DealSchema, DealStageSchema } from './deals';
import { NotificationSchema } from './notifications';

/** Events of the API.md §10 table: kept in the outbox, replayed after a reconnect, carry an `id`. */
export const domainEventNames = [
  'contact:created',
  'contact:updated',
  'contact:deleted',
  'contact:health_changed',
  'deal:created',
  'deal:updated',
  'deal:deleted',
  'deal:stage_changed',
  'deal:activity_added',
  'message:received',
  'conversation:updated',
  'conversation:unread_count',
  'event:created',
  'event:updated',
  'event:deleted',
  'event:reminder',
  'notification:new',
  'notification:read',
  'notification:deleted',
  'import:progress',
] as const;
export type DomainEventName = (typeof domainEventNames)[number];

/**
 * Connection-level messages. They are not in the outbox, so they carry no `id` and must not move
 * the client's `lastEventId`. `ping`/`pong` are JSON heartbeats: browsers cannot see protocol pings.
 */
export const controlEventNames = [
  'auth:ok',
  'auth:expired',
  'resync:required',
  'ping',
  'pong',
] as const;
export type ControlEventName = (typeof controlEventNames)[number];

export const realtimeEventNames = [...domainEventNames, ...controlEventNames] as const;
export type RealtimeEventName = (typeof realtimeEventNames)[number];

const IdPayload = z.object({ id: IdSchema });
const Empty = z.object({});

/** Payload schema of every event, keyed by name; `satisfies` makes a missing name a type error. */
export const realtimeEventPayloads = {
  'contact:created': z.object({ contact: ContactSchema }),
  'contact:updated': z.object({ id: IdSchema, changes: ContactSchema.partial() }),
  'contact:deleted': IdPayload,
  'contact:health_changed': z.object({
    id: IdSchema,
    oldScore: z.number().int().min(0).max(100),
    newScore: z.number().int().min(0).max(100),
  }),
  'deal:created': z.object({ deal: DealSchema }),
  'deal:updated': z.object({ id: IdSchema, changes: DealSchema.partial() }),
  'deal:deleted': IdPayload,
  'deal:stage_changed': z.object({
    id: IdSchema,
    oldStage: DealStageSchema,
    newStage: DealStageSchema,
    probability: z.number().int().min(0).max(100),
  }),
  'deal:activity_added': z.object({ dealId: IdSchema, activity: DealActivitySchema }),
  'message:received': z.object({ conversationId: IdSchema, message: MessageSchema }),
  'conversation:updated': z.object({ id: IdSchema, changes: ConversationSchema.partial() }),
  'conversation:unread_count': z.object({ conversationId: IdSchema, count: CountSchema }),
  'event:created': z.object({ event: CalendarEventSchema }),
  'event:updated': z.object({ id: IdSchema, changes: CalendarEventSchema.partial() }),
  'event:deleted': IdPayload,
  /** Sent 1 day, 1 hour and 15 minutes before the start. */
  'event:reminder': z.object({ id: IdSchema, minutesUntil: CountSchema }),
  'notification:new': z.object({ notification: NotificationSchema }),
  'notification:read': IdPayload,
  'notification:deleted': IdPayload,
  'import:progress': z.object({ importId: IdSchema, processed: CountSchema, total: CountSchema }),
  /** `expiresAt` of the access token, so the client can refresh before `auth:expired`. */
  'auth:ok': z.object({ userId: IdSchema, expiresAt: IsoDateTimeSchema }),
  'auth:expired': Empty,
  /** The newest event id: after refetching its stores the client continues from there. */
  'resync:required': z.object({ lastEventId: IdSchema.nullable() }),
  ping: Empty,
  pong: Empty,
} satisfies Record<RealtimeEventName, z.ZodType>;

type Payloads = typeof realtimeEventPayloads;
export type RealtimeEventMap = { [N in RealtimeEventName]: z.infer<Payloads[N]> };

function domainEnvelope<N extends DomainEventName>(event: N) {
  return z.object({
    id: IdSchema,
    event: z.literal(event),
    data: realtimeEventPayloads[event],
    ts: IsoDateTimeSchema,
  });
}

function controlEnvelope<N extends ControlEventName>(event: N) {
  return z.object({
    event: z.literal(event),
    data: realtimeEventPayloads[event],
    ts: IsoDateTimeSchema,
  });
}

/** Distributes over the names so each envelope keeps its own payload type. */
type DomainEnvelope<N extends DomainEventName> = N extends DomainEventName
  ? ReturnType<typeof domainEnvelope<N>>
  : never;
type ControlEnvelope<N extends ControlEventName> = N extends ControlEventName
  ? ReturnType<typeof controlEnvelope<N>>
  : never;

const domainEnvelopes = domainEventNames.map((n) => domainEnvelope(n)) as unknown as [
  DomainEnvelope<DomainEventName>,
  ...DomainEnvelope<DomainEventName>[],
];
const controlEnvelopes = controlEventNames.map((n) => controlEnvelope(n)) as unknown as [
  ControlEnvelope<ControlEventName>,
  ...ControlEnvelope<ControlEventName>[],
];

/** `{ id, event, data, ts }`: one outbox event, as sent on the socket and by the polling route. */
export const RealtimeEventSchema = z.discriminatedUnion('event', domainEnvelopes);
export type RealtimeEvent = z.infer<typeof RealtimeEventSchema>;

/** `{ event, data, ts }`: a connection-level message. */
export const ControlMessageSchema = z.discriminatedUnion('event', controlEnvelopes);
export type ControlMessage = z.infer<typeof ControlMessageSchema>;

/** Anything the server sends on the socket. */
export const ServerMessageSchema = z.union([RealtimeEventSchema, ControlMessageSchema]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** Close codes of API.md §10. */
export const wsCloseCodes = { unauthenticated: 4401, rateLimited: 4429 } as const;

// ─── client → server ───────────────────────────────────────────────────────

export const ClientAuthMessageSchema = z.strictObject({
  event: z.literal('auth'),
  data: z.strictObject({
    token: z.string().min(1).max(4_096),
    /** The last event id the client processed; later events are replayed first. */
    lastEventId: IdSchema.optional(),
  }),
});
export type ClientAuthMessage = z.infer<typeof ClientAuthMessageSchema>;

export const ClientPingMessageSchema = z.strictObject({
  event: z.literal('ping'),
  data: z.strictObject({}).optional(),
});
export const ClientPongMessageSchema = z.strictObject({
  event: z.literal('pong'),
  data: z.strictObject({}).optional(),
});

export const ClientMessageSchema = z.discriminatedUnion('event', [
  ClientAuthMessageSchema,
  ClientPingMessageSchema,
  ClientPongMessageSchema,
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

// ─── polling fallback: GET /api/events?after=<id>&wait=25 ──────────────────

export const EventsPollQuerySchema = z.strictObject({
  after: IdSchema.optional(),
  /** Seconds to hold the request open while there is nothing new. */
  wait: z.coerce.number().int().min(0).max(25).default(25),
});
export type EventsPollQuery = z.infer<typeof EventsPollQuerySchema>;

/** `resync:required` comes through here too when `after` is older than the retention. */
export const PolledEventSchema = z.union([RealtimeEventSchema, controlEnvelope('resync:required')]);
export type PolledEvent = z.infer<typeof PolledEventSchema>;

export const EventsPollResponseSchema = z.object({
  data: z.array(PolledEventSchema),
  /** Id of the last event returned, else the `after` sent; null when the outbox is empty. */
  lastEventId: IdSchema.nullable(),
});
export type EventsPollResponse = z.infer<typeof EventsPollResponseSchema>;

import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { DealStage } from './deals';
import {
  ClientMessageSchema,
  ControlMessageSchema,
  EventsPollQuerySchema,
  EventsPollResponseSchema,
  RealtimeEventSchema,
  ServerMessageSchema,
  controlEventNames,
  domainEventNames,
  realtimeEventNames,
  realtimeEventPayloads,
  type RealtimeEventMap,
} from './realtime';

// Every event of the API.md §10 table, written out again so a dropped name fails here.
const apiMdEvents = [
  'contact:created',
  'contact:deleted',
  'contact:updated',
  'contact:health_changed',
  'deal:created',
  'deal:deleted',
  'deal:updated',
  'deal:stage_changed',
  'deal:activity_added',
  'message:received',
  'conversation:updated',
  'conversation:unread_count',
  'event:created',
  'event:deleted',
  'event:updated',
  'event:reminder',
  'notification:new',
  'notification:read',
  'notification:deleted',
  'import:progress',
];
const ts = '2025-03-10T14:00:00.000Z';

describe('realtime event names', () => {
  it('cover the §10 table plus the connection messages, each once', () => {
    expect([...domainEventNames].sort()).toEqual([...apiMdEvents].sort());
    for (const name of ['auth:ok', 'auth:expired', 'resync:required']) {
      expect(controlEventNames).toContain(name);
    }
    expect(new Set(realtimeEventNames).size).toBe(realtimeEventNames.length);
  });

  it('each have a payload schema, and no payload lacks a name', () => {
    for (const name of realtimeEventNames) {
      expect(realtimeEventPayloads[name], name).toBeInstanceOf(z.ZodType);
    }
    expect(Object.keys(realtimeEventPayloads).sort()).toEqual([...realtimeEventNames].sort());
  });

  it('map names to payload types', () => {
    expectTypeOf<RealtimeEventMap['deal:stage_changed']['newStage']>().toEqualTypeOf<DealStage>();
    expectTypeOf<RealtimeEventMap['event:reminder']>().toEqualTypeOf<{
      id: string;
      minutesUntil: number;
    }>();
  });
});

describe('RealtimeEventSchema', () => {
  it('has one envelope per domain event', () => {
    const discriminators = RealtimeEventSchema.options.map((o) => o.shape.event.value);
    expect(discriminators).toEqual([...domainEventNames]);
  });

  it('parses an envelope and narrows its data by event', () => {
    const event = RealtimeEventSchema.parse({
      id: '0190f3a2-0000-7000-8000-000000000042',
      event: 'deal:stage_changed',
      data: { id: 'd1', oldStage: 'proposal', newStage: 'negotiation', probability: 85 },
      ts,
    });
    expect(event.event === 'deal:stage_changed' && event.data.newStage).toBe('negotiation');
  });

  it('rejects a payload that belongs to another event, a missing id, and unknown events', () => {
    const base = { id: '42', ts };
    expect(
      RealtimeEventSchema.safeParse({
        ...base,
        event: 'contact:health_changed',
        data: { id: 'c1' },
      }).success,
    ).toBe(false);
    expect(
      RealtimeEventSchema.safeParse({ event: 'deal:deleted', data: { id: 'd1' }, ts }).success,
    ).toBe(false);
    expect(RealtimeEventSchema.safeParse({ ...base, event: 'deal:won', data: {} }).success).toBe(
      false,
    );
  });
});

describe('control messages', () => {
  it('travel without an id', () => {
    const ok = { event: 'auth:ok', data: { userId: 'u1', expiresAt: ts }, ts };
    expect(ControlMessageSchema.safeParse(ok).success).toBe(true);
    expect(ServerMessageSchema.safeParse(ok).success).toBe(true);
    expect(ServerMessageSchema.safeParse({ event: 'auth:expired', data: {}, ts }).success).toBe(
      true,
    );
  });
});

describe('ClientMessageSchema', () => {
  it('accepts auth with an optional lastEventId, and ping/pong', () => {
    expect(ClientMessageSchema.safeParse({ event: 'auth', data: { token: 'jwt' } }).success).toBe(
      true,
    );
    expect(
      ClientMessageSchema.safeParse({ event: 'auth', data: { token: 'jwt', lastEventId: '41' } })
        .success,
    ).toBe(true);
    expect(ClientMessageSchema.safeParse({ event: 'ping' }).success).toBe(true);
    expect(ClientMessageSchema.safeParse({ event: 'pong', data: {} }).success).toBe(true);
  });

  it('rejects an empty token, extra fields and events clients may not send', () => {
    expect(ClientMessageSchema.safeParse({ event: 'auth', data: { token: '' } }).success).toBe(
      false,
    );
    expect(
      ClientMessageSchema.safeParse({ event: 'auth', data: { token: 'jwt', userId: 'u1' } })
        .success,
    ).toBe(false);
    expect(
      ClientMessageSchema.safeParse({ event: 'deal:deleted', data: { id: 'd1' } }).success,
    ).toBe(false);
  });
});

describe('polling', () => {
  it('caps wait at 25 seconds', () => {
    expect(EventsPollQuerySchema.parse({ after: '41' })).toEqual({ after: '41', wait: 25 });
    expect(EventsPollQuerySchema.safeParse({ wait: '60' }).success).toBe(false);
  });

  it('returns events and the last id, including resync:required', () => {
    const response = {
      data: [
        { id: '42', event: 'notification:read', data: { id: 'n1' }, ts },
        { event: 'resync:required', data: { lastEventId: '42' }, ts },
      ],
      lastEventId: '42',
    };
    expect(EventsPollResponseSchema.safeParse(response).success).toBe(true);
    const authOk = { event: 'auth:ok', data: { userId: 'u1', expiresAt: ts }, ts };
    expect(EventsPollResponseSchema.safeParse({ ...response, data: [authOk] }).success).toBe(false);
  });
});

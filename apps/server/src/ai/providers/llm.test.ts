import { afterEach, describe, expect, it } from 'vitest';
import { startFakeChatServer } from '../../../test/fakes/chat-completions';
import type { FakeChatServer, FakeScript } from '../../../test/fakes/chat-completions';
import { LlmError, createLlmProvider } from './llm';
import type { LlmProviderOptions, LlmStreamEvent } from './llm';

const servers: FakeChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(script: FakeScript, options: Partial<LlmProviderOptions> = {}) {
  const server = await startFakeChatServer(script);
  servers.push(server);
  const provider = createLlmProvider({
    baseUrl: server.url,
    apiKey: 'sk-test-key',
    model: 'test-model',
    timeoutMs: 2_000,
    ...options,
  });
  return { server, provider };
}

const ask = { system: 'Be brief.', messages: [{ role: 'user' as const, content: 'Hello?' }] };

/** The LlmError a promise rejects with; fails the test when it resolves instead. */
async function failureOf(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

async function collect(events: AsyncIterable<LlmStreamEvent>): Promise<LlmStreamEvent[]> {
  const out: LlmStreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('complete', () => {
  it('returns the text and sends the model, key, prompt and limits', async () => {
    const { server, provider } = await setup([{ kind: 'text', text: 'Hi there.' }]);
    const text = await provider.complete({ ...ask, maxTokens: 42, temperature: 0.1 });
    expect(text).toBe('Hi there.');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-key');
    expect(request?.body).toEqual({
      model: 'test-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello?' },
      ],
      temperature: 0.1,
      max_tokens: 42,
    });
  });

  it('sends no Authorization header without a key and tolerates a trailing slash', async () => {
    const server = await startFakeChatServer([{ kind: 'text', text: 'ok' }]);
    servers.push(server);
    const provider = createLlmProvider({ baseUrl: `${server.url}/`, model: 'm', timeoutMs: 2_000 });
    expect(await provider.complete(ask)).toBe('ok');
    expect(server.requests[0]?.path).toBe('/v1/chat/completions');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('times out on a slow answer', async () => {
    const { provider } = await setup([{ kind: 'text', text: 'late', delayMs: 1_000 }], {
      timeoutMs: 100,
    });
    expect((await failureOf(provider.complete(ask))).kind).toBe('timeout');
  });

  it.each([500, 503, 429, 401])('reports HTTP %i with its status', async (status) => {
    const { provider } = await setup([{ kind: 'status', status }]);
    const error = await failureOf(provider.complete(ask));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(status);
  });

  it.each([
    ['invalid JSON', '{"choices": [ nope'],
    ['no choices', '{"id": "x", "object": "chat.completion"}'],
    ['empty choices', '{"choices": []}'],
    ['null content', '{"choices": [{"message": {"role": "assistant", "content": null}}]}'],
    ['blank content', '{"choices": [{"message": {"role": "assistant", "content": "  "}}]}'],
  ])('rejects a malformed answer (%s)', async (_name, body) => {
    const { provider } = await setup([{ kind: 'raw', body }]);
    expect((await failureOf(provider.complete(ask))).kind).toBe('malformed');
  });

  it('reports a dropped connection as a network failure', async () => {
    const { provider } = await setup([{ kind: 'hangup' }]);
    expect((await failureOf(provider.complete(ask))).kind).toBe('network');
  });

  it('reports an unreachable server as a network failure', async () => {
    const server = await startFakeChatServer([]);
    await server.close();
    const provider = createLlmProvider({ baseUrl: server.url, model: 'm', timeoutMs: 2_000 });
    expect((await failureOf(provider.complete(ask))).kind).toBe('network');
  });

  it("reports the caller's cancellation as 'aborted', not as a timeout", async () => {
    const { provider } = await setup([{ kind: 'text', text: 'late', delayMs: 1_000 }]);
    const controller = new AbortController();
    const pending = provider.complete({ ...ask, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).kind).toBe('aborted');
  });

  it('uses an injected fetch', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ choices: [{ message: { content: 'injected' } }] }));
    };
    const provider = createLlmProvider({
      baseUrl: 'http://llm.invalid/v1',
      model: 'm',
      timeoutMs: 1_000,
      fetch: fakeFetch,
    });
    expect(await provider.complete(ask)).toBe('injected');
    expect(calls).toEqual(['http://llm.invalid/v1/chat/completions']);
  });
});

describe('stream', () => {
  it('yields text deltas that concatenate to the answer, then done', async () => {
    const { server, provider } = await setup([
      { kind: 'text', text: 'Thanks for the call, talk soon.' },
    ]);
    const events = await collect(provider.stream(ask));
    const deltas = events.flatMap((e) => (e.type === 'text' ? [e.delta] : []));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('Thanks for the call, talk soon.');
    expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
    expect(server.requests[0]?.body?.stream).toBe(true);
  });

  it('accumulates tool calls sent in pieces into complete JSON arguments', async () => {
    const args1 = JSON.stringify({ query: 'open deals over 50k', limit: 5 });
    const args2 = JSON.stringify({ contactId: 'c_123' });
    const { server, provider } = await setup([
      {
        kind: 'tool_calls',
        text: 'Let me look.',
        piecesPerCall: 4,
        calls: [
          { id: 'call_a', name: 'search_deals', arguments: args1 },
          { id: 'call_b', name: 'get_contact', arguments: args2 },
        ],
      },
    ]);
    const tools = [
      {
        name: 'search_deals',
        description: 'Search deals',
        parameters: { type: 'object', properties: { query: { type: 'string' } } },
      },
    ];
    const events = await collect(provider.stream({ ...ask, tools }));
    expect(events).toEqual([
      { type: 'text', delta: 'Let me look.' },
      { type: 'tool_call', id: 'call_a', name: 'search_deals', arguments: args1 },
      { type: 'tool_call', id: 'call_b', name: 'get_contact', arguments: args2 },
      { type: 'done', finishReason: 'tool_calls' },
    ]);
    expect(JSON.parse(args1)).toEqual({ query: 'open deals over 50k', limit: 5 });
    expect(server.requests[0]?.body?.tools).toEqual([{ type: 'function', function: tools[0] }]);
  });

  it('sends tool results back in the protocol shape', async () => {
    const { server, provider } = await setup([{ kind: 'text', text: 'Found 2 deals.' }]);
    const call = { id: 'call_a', name: 'search_deals', arguments: '{"query":"x"}' };
    await collect(
      provider.stream({
        system: 's',
        messages: [
          { role: 'user', content: 'Find deals' },
          { role: 'assistant', content: '', toolCalls: [call] },
          { role: 'tool', toolCallId: 'call_a', content: '[{"id":"d1"},{"id":"d2"}]' },
        ],
      }),
    );
    expect(server.requests[0]?.body?.messages).toEqual([
      { role: 'system', content: 's' },
      { role: 'user', content: 'Find deals' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_a',
            type: 'function',
            function: { name: 'search_deals', arguments: '{"query":"x"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_a', content: '[{"id":"d1"},{"id":"d2"}]' },
    ]);
  });

  it('fails with http, malformed and network errors', async () => {
    const { provider } = await setup([
      { kind: 'status', status: 503 },
      { kind: 'raw', contentType: 'text/event-stream', body: 'data: {"choices": [oops\n\n' },
      { kind: 'raw', contentType: 'text/event-stream', body: 'data: {"error": "x"}\n\n' },
      { kind: 'hangup', afterText: 'Hel' },
    ]);
    const kinds: string[] = [];
    for (let i = 0; i < 4; i++) kinds.push((await failureOf(collect(provider.stream(ask)))).kind);
    expect(kinds).toEqual(['http', 'malformed', 'malformed', 'network']);
  });

  it('times out when the response does not start in time', async () => {
    const { provider } = await setup([{ kind: 'text', text: 'late', delayMs: 1_000 }], {
      timeoutMs: 100,
    });
    expect((await failureOf(collect(provider.stream(ask)))).kind).toBe('timeout');
  });

  it('times out when the provider goes quiet between chunks', async () => {
    const { provider } = await setup([{ kind: 'text', text: 'one two', gapMs: 1_000 }], {
      timeoutMs: 100,
    });
    const seen: LlmStreamEvent[] = [];
    const error = await failureOf(
      (async () => {
        for await (const event of provider.stream(ask)) seen.push(event);
      })(),
    );
    expect(error.kind).toBe('timeout');
    expect(seen).toEqual([{ type: 'text', delta: 'one ' }]);
  });

  it('does not count a slow consumer against the provider timeout', async () => {
    // The gaps keep the body open while the consumer sleeps, so an abort would reach it.
    const { provider } = await setup([{ kind: 'text', text: 'one two three', gapMs: 100 }], {
      timeoutMs: 250,
    });
    const deltas: string[] = [];
    for await (const event of provider.stream(ask)) {
      if (event.type !== 'text') continue;
      deltas.push(event.delta);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(deltas.join('')).toBe('one two three');
  });

  it('rejects a stream that ends before the answer is complete', async () => {
    const partial = JSON.stringify({ choices: [{ delta: { content: 'Hel' } }] });
    const { provider } = await setup([
      { kind: 'raw', contentType: 'text/event-stream', body: `data: ${partial}\n\n` },
    ]);
    expect((await failureOf(collect(provider.stream(ask)))).kind).toBe('malformed');
  });

  it('lets the consumer stop early', async () => {
    const { provider } = await setup([
      { kind: 'text', text: 'one two three four' },
      { kind: 'text', text: 'again' },
    ]);
    for await (const event of provider.stream(ask)) {
      expect(event).toEqual({ type: 'text', delta: 'one ' });
      break;
    }
    // The connection was released: the next call works.
    expect(await provider.complete(ask)).toBe('again');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startFakeChatServer } from '../../../test/fakes/chat-completions';
import type { FakeChatServer, FakeReply } from '../../../test/fakes/chat-completions';
import { createLlmProvider } from './llm';
import { completePrompt, composeSuggestionsPrompt } from './prompts';
import type { AiCallLogEvent, AiProviderPreference } from './with-fallback';
import { AiServiceError, withFallback } from './with-fallback';
import { AppError } from '../../platform/errors';

const servers: FakeChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const SECRET = 'Our budget is 48,000 EUR and Globex is cheaper';
const LOCAL = ['Local suggestion'];

/** Runs compose suggestions through withFallback against a fake server answering `reply`. */
async function suggest(reply: FakeReply | null, preference: AiProviderPreference | undefined) {
  const server = await startFakeChatServer(reply ? [reply] : []);
  servers.push(server);
  const provider = createLlmProvider({
    baseUrl: server.url,
    apiKey: 'k',
    model: 'm',
    // Short only where a slow answer is scripted; success must not race a cold first connection.
    timeoutMs: reply?.delayMs ? 100 : 2_000,
  });
  const prompt = composeSuggestionsPrompt({
    messages: [{ from: 'contact', content: SECRET }],
    tone: 'friendly',
  });
  const logs: AiCallLogEvent[] = [];
  const run = withFallback({
    preference,
    provider,
    llm: (p) => p.complete(prompt).then(prompt.parse),
    local: () => LOCAL,
    validate: (value) => value !== null,
    log: (event) => logs.push(event),
  });
  return { server, run, logs };
}

const good: FakeReply = { kind: 'text', text: '["Sure!", "Happy to help.", "Let us talk."]' };

describe('withFallback', () => {
  it('uses the provider answer when it is valid', async () => {
    const { run, logs, server } = await suggest(good, 'auto');
    expect(await run).toEqual({
      value: ['Sure!', 'Happy to help.', 'Let us talk.'],
      source: 'llm',
    });
    expect(server.requests).toHaveLength(1);
    expect(logs).toEqual([{ kind: 'ok', durationMs: expect.any(Number) }]);
  });

  it('treats an unset preference as auto', async () => {
    const { run } = await suggest(good, undefined);
    expect((await run).source).toBe('llm');
  });

  it.each<[string, FakeReply, string]>([
    ['a slow answer', { ...good, delayMs: 1_000 }, 'timeout'],
    ['a 500', { kind: 'status', status: 500 }, 'http'],
    ['a 503', { kind: 'status', status: 503 }, 'http'],
    ['bad JSON', { kind: 'raw', body: '{not json' }, 'malformed'],
    ['no choices', { kind: 'raw', body: '{"object":"chat.completion"}' }, 'malformed'],
    ['unparseable suggestions', { kind: 'text', text: 'I cannot help with that.' }, 'invalid'],
    ['a dropped connection', { kind: 'hangup' }, 'network'],
  ])('falls back to the local answer on %s', async (_name, reply, kind) => {
    const { run, logs, server } = await suggest(reply, 'auto');
    expect(await run).toEqual({ value: LOCAL, source: 'local' });
    expect(server.requests).toHaveLength(1);
    expect(logs).toHaveLength(1);
    expect(logs[0]?.kind).toBe(kind);
  });

  it('logs only kind, status and duration, never content', async () => {
    const { run, logs } = await suggest({ kind: 'status', status: 503 }, 'auto');
    await run;
    expect(logs).toEqual([{ kind: 'http', status: 503, durationMs: expect.any(Number) }]);
    expect(JSON.stringify(logs)).not.toContain('budget');
  });

  it("throws AiServiceError when 'llm' is demanded and the provider fails", async () => {
    const { run } = await suggest({ kind: 'status', status: 503 }, 'llm');
    const error: unknown = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AiServiceError);
    expect(error).toBeInstanceOf(AppError);
    const serviceError = error as AiServiceError;
    expect(serviceError.kind).toBe('http');
    expect(serviceError.code).toBe('AI_SERVICE_ERROR');
    expect(serviceError.status).toBe(503);
    expect(serviceError.message).not.toContain('budget');
    expect(serviceError.details).toEqual({ reason: 'http', providerStatus: 503 });
  });

  it("throws AiServiceError when 'llm' is demanded and the answer is unusable", async () => {
    const { run } = await suggest({ kind: 'text', text: 'no list here' }, 'llm');
    await expect(run).rejects.toMatchObject({ kind: 'invalid', code: 'AI_SERVICE_ERROR' });
  });

  it("throws AiServiceError when 'llm' is demanded and no provider is configured", async () => {
    const logs: AiCallLogEvent[] = [];
    const run = withFallback({
      preference: 'llm',
      provider: null,
      llm: async () => 'never',
      local: () => 'local',
      log: (e) => logs.push(e),
    });
    await expect(run).rejects.toBeInstanceOf(AiServiceError);
    await expect(run).rejects.toMatchObject({ kind: 'unconfigured' });
    expect(logs).toEqual([{ kind: 'unconfigured', durationMs: 0 }]);
  });

  it("answers locally without a provider under 'auto'", async () => {
    const run = withFallback({
      preference: 'auto',
      provider: null,
      llm: async () => 'never',
      local: () => 'local',
    });
    expect(await run).toEqual({ value: 'local', source: 'local' });
  });

  it("never calls the provider under 'local'", async () => {
    const { run, server, logs } = await suggest(good, 'local');
    expect(await run).toEqual({ value: LOCAL, source: 'local' });
    expect(server.requests.length).toBe(0);
    expect(logs).toEqual([]);
  });

  it('rethrows errors that are not provider failures (bugs)', async () => {
    const { server } = await suggest(good, 'local');
    const provider = createLlmProvider({ baseUrl: server.url, model: 'm', timeoutMs: 100 });
    const run = withFallback({
      preference: 'auto',
      provider,
      llm: async () => {
        throw new TypeError('bug');
      },
      local: () => 'local',
    });
    await expect(run).rejects.toBeInstanceOf(TypeError);
  });

  it('works with completePrompt, which turns an unparseable answer into a failure', async () => {
    const server = await startFakeChatServer([{ kind: 'text', text: 'nothing useful' }, good]);
    servers.push(server);
    const provider = createLlmProvider({ baseUrl: server.url, model: 'm', timeoutMs: 1_000 });
    const prompt = composeSuggestionsPrompt({ messages: [], tone: 'formal' });
    const once = () =>
      withFallback({
        preference: 'auto',
        provider,
        llm: (p) => completePrompt(p, prompt),
        local: () => LOCAL,
      });
    expect(await once()).toEqual({ value: LOCAL, source: 'local' });
    expect((await once()).source).toBe('llm');
    expect(server.requests[0]?.body).toMatchObject({ max_tokens: 500, temperature: 0.7 });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { startFakeChatServer } from '../../../test/fakes/chat-completions';
import type { FakeChatServer } from '../../../test/fakes/chat-completions';
import { AiConfigError, llmOptionsFromEnv, llmProviderFromEnv } from './config';

const servers: FakeChatServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The message llmProviderFromEnv throws for `env`; fails the test when it does not throw. */
function problemOf(env: Record<string, string>): string {
  try {
    llmProviderFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AiConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('llmProviderFromEnv', () => {
  it('is off when AI_PROVIDER is unset, empty or local', () => {
    expect(llmProviderFromEnv({})).toBeNull();
    expect(llmProviderFromEnv({ AI_PROVIDER: '' })).toBeNull();
    // The other variables do not matter then, even when wrong.
    expect(llmProviderFromEnv({ AI_PROVIDER: 'local', AI_TIMEOUT_MS: 'soon' })).toBeNull();
  });

  it('applies the defaults for openai', () => {
    const provider = llmProviderFromEnv({ AI_PROVIDER: 'openai', AI_MODEL: 'gpt-4o-mini' });
    expect(provider?.info).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      timeoutMs: 8_000,
    });
    expect(llmOptionsFromEnv({ AI_PROVIDER: 'openai', AI_MODEL: 'm' })).not.toHaveProperty(
      'apiKey',
    );
  });

  it('builds a working provider from the variables', async () => {
    const server = await startFakeChatServer([{ kind: 'text', text: 'from env' }]);
    servers.push(server);
    const provider = llmProviderFromEnv({
      AI_PROVIDER: 'openai',
      AI_BASE_URL: server.url,
      AI_API_KEY: 'sk-env',
      AI_MODEL: 'env-model',
      AI_TIMEOUT_MS: '1500',
    });
    expect(provider?.info.timeoutMs).toBe(1_500);
    expect(await provider?.complete({ system: 's', messages: [] })).toBe('from env');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-env');
    expect(server.requests[0]?.body?.model).toBe('env-model');
  });

  it('names AI_PROVIDER when its value is unknown', () => {
    const message = problemOf({ AI_PROVIDER: 'anthropic' });
    expect(message).toContain('AI_PROVIDER');
    expect(message).toContain('"local" or "openai"');
    expect(message).toContain('anthropic');
  });

  it('names AI_MODEL when it is missing', () => {
    expect(problemOf({ AI_PROVIDER: 'openai' })).toContain('AI_MODEL: required');
  });

  it.each(['abc', '0', '-5', '2.5', '999999'])('names AI_TIMEOUT_MS for "%s"', (value) => {
    expect(problemOf({ AI_PROVIDER: 'openai', AI_MODEL: 'm', AI_TIMEOUT_MS: value })).toContain(
      'AI_TIMEOUT_MS',
    );
  });

  it('names AI_BASE_URL when it is not an http(s) URL, without echoing it', () => {
    const message = problemOf({
      AI_PROVIDER: 'openai',
      AI_MODEL: 'm',
      AI_BASE_URL: 'ftp://user:hunter2@example.com',
    });
    expect(message).toContain('AI_BASE_URL');
    expect(message).not.toContain('hunter2');
  });

  it('reports every bad variable at once and never the key', () => {
    try {
      llmProviderFromEnv({
        AI_PROVIDER: 'openai',
        AI_BASE_URL: 'nope',
        AI_TIMEOUT_MS: 'x',
        AI_API_KEY: 'sk-secret',
      });
      expect.unreachable();
    } catch (error) {
      expect((error as AiConfigError).problems.map((p) => p.split(':')[0])).toEqual([
        'AI_BASE_URL',
        'AI_MODEL',
        'AI_TIMEOUT_MS',
      ]);
      expect((error as Error).message).not.toContain('sk-secret');
    }
  });
});

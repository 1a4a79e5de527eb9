import { createLlmProvider } from './llm';
import type { LlmProvider, LlmProviderOptions } from './llm';

export interface AiEnv {
  AI_PROVIDER?: string;
  AI_BASE_URL?: string;
  AI_API_KEY?: string;
  AI_MODEL?: string;
  AI_TIMEOUT_MS?: string;
}

export const DEFAULT_AI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_AI_TIMEOUT_MS = 8_000;
const MAX_AI_TIMEOUT_MS = 120_000;

/**
 * A bad AI_* variable. `problems` has one line per variable, like the server's ConfigError, so the
 * two can be reported together. Values are echoed only where they cannot hold a secret.
 */
export class AiConfigError extends Error {
  override readonly name = 'AiConfigError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid AI provider configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Empty values count as unset, as they do for the rest of the configuration. */
const read = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/**
 * The provider settings from the environment: null when the local engine is to answer alone
 * (AI_PROVIDER unset or 'local'), the options when AI_PROVIDER=openai. Throws AiConfigError.
 */
export function llmOptionsFromEnv(env: AiEnv): LlmProviderOptions | null {
  const providerName = read(env.AI_PROVIDER)?.toLowerCase();
  if (providerName === undefined || providerName === 'local') return null;
  if (providerName !== 'openai') {
    throw new AiConfigError([
      `AI_PROVIDER: must be "local" or "openai" (got "${String(env.AI_PROVIDER)}")`,
    ]);
  }

  const problems: string[] = [];
  const baseUrl = read(env.AI_BASE_URL) ?? DEFAULT_AI_BASE_URL;
  if (!isHttpUrl(baseUrl)) {
    // Not echoed: a URL may carry credentials.
    problems.push(`AI_BASE_URL: must be an http(s) URL such as ${DEFAULT_AI_BASE_URL}`);
  }
  const model = read(env.AI_MODEL);
  if (model === undefined) {
    problems.push('AI_MODEL: required when AI_PROVIDER=openai (e.g. "gpt-4o-mini")');
  }
  const timeoutText = read(env.AI_TIMEOUT_MS);
  const timeoutMs = timeoutText === undefined ? DEFAULT_AI_TIMEOUT_MS : Number(timeoutText);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > MAX_AI_TIMEOUT_MS) {
    problems.push(
      `AI_TIMEOUT_MS: must be a whole number of milliseconds from 1 to ${MAX_AI_TIMEOUT_MS} (got "${String(env.AI_TIMEOUT_MS)}")`,
    );
  }
  if (problems.length > 0 || model === undefined) throw new AiConfigError(problems);

  const apiKey = read(env.AI_API_KEY);
  return { baseUrl, model, timeoutMs, ...(apiKey ? { apiKey } : {}) };
}

/** The configured LLM provider, or null when only the local engine is to answer. */
export function llmProviderFromEnv(env: AiEnv): LlmProvider | null {
  const options = llmOptionsFromEnv(env);
  return options && createLlmProvider(options);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

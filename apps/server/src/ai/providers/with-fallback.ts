import type { AiProviderPreferenceSchema, AiSource } from '@flow/contracts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors';
import { LlmError } from './types';
import type { LlmErrorKind, LlmProvider } from './types';

export type AiProviderPreference = z.infer<typeof AiProviderPreferenceSchema>;

/** Why the provider's answer was not used: a call failure, a rejected answer, or no provider. */
export type AiFailureKind = LlmErrorKind | 'invalid' | 'unconfigured';

/** What may be logged about a provider attempt: never prompt, answer or record content. */
export interface AiCallLogEvent {
  kind: 'ok' | AiFailureKind;
  status?: number;
  durationMs: number;
}

const SAFE_MESSAGES: Record<AiFailureKind, string> = {
  unconfigured: 'No AI provider is configured on this server',
  timeout: 'The AI provider did not answer in time',
  http: 'The AI provider returned an error',
  network: 'The AI provider could not be reached',
  malformed: 'The AI provider returned an unusable answer',
  invalid: 'The AI provider returned an unusable answer',
  aborted: 'The AI request was cancelled',
};

/**
 * The provider was demanded (`provider: 'llm'`) and could not answer. It is an AppError, so the
 * error handler already answers 503 AI_SERVICE_ERROR; the message and details are safe to show.
 */
export class AiServiceError extends AppError {
  override readonly name = 'AiServiceError';
  readonly kind: AiFailureKind;

  constructor(kind: AiFailureKind, status?: number, options?: ErrorOptions) {
    super('AI_SERVICE_ERROR', SAFE_MESSAGES[kind], {
      reason: kind,
      ...(status === undefined ? {} : { providerStatus: status }),
    });
    this.kind = kind;
    if (options && 'cause' in options) this.cause = options.cause;
  }
}

export interface WithFallbackOptions<T> {
  /** The caller's choice; unset means 'auto'. */
  preference: AiProviderPreference | undefined;
  provider: LlmProvider | null;
  llm: (provider: LlmProvider) => Promise<T>;
  /** The local engine's answer; only computed when it is the one returned. */
  local: () => T | Promise<T>;
  /** Rejects a provider answer that parsed but is unusable. */
  validate?: (value: T) => boolean;
  log?: (event: AiCallLogEvent) => void;
}

/**
 * Runs a capability on the LLM provider when the caller's preference and the configuration allow
 * it, and on the local engine otherwise or when the provider fails ('auto'). With 'llm' a failure
 * is an AiServiceError instead. Errors that are not LlmError are bugs and are rethrown as they are.
 */
export async function withFallback<T>(
  options: WithFallbackOptions<T>,
): Promise<{ value: T; source: AiSource }> {
  const preference = options.preference ?? 'auto';
  const local = async () => ({ value: await options.local(), source: 'local' as const });
  if (preference === 'local') return local();
  const provider = options.provider;
  if (!provider) {
    if (preference === 'auto') return local();
    options.log?.({ kind: 'unconfigured', durationMs: 0 });
    throw new AiServiceError('unconfigured');
  }

  const started = performance.now();
  let kind: AiFailureKind;
  let status: number | undefined;
  let cause: LlmError | undefined;
  try {
    const value = await options.llm(provider);
    if (!options.validate || options.validate(value)) {
      options.log?.({ kind: 'ok', durationMs: Math.round(performance.now() - started) });
      return { value, source: 'llm' };
    }
    kind = 'invalid';
  } catch (error) {
    if (!(error instanceof LlmError)) throw error;
    ({ kind, status } = error);
    cause = error;
  }
  options.log?.({
    kind,
    ...(status === undefined ? {} : { status }),
    durationMs: Math.round(performance.now() - started),
  });
  if (preference === 'llm') throw new AiServiceError(kind, status, cause && { cause });
  return local();
}

/**
 * Shapes shared by the LLM client, its stream parser and its callers. Kept apart from llm.ts so
 * the stream parser can use them without an import cycle.
 */

/**
 * Why a provider call failed. Only this (and an HTTP status) may be logged: messages and prompts
 * can carry customer data. 'aborted' means the caller cancelled (e.g. the client went away), which
 * is not the provider's fault and so is kept apart from 'timeout' and 'network'.
 */
export type LlmErrorKind = 'timeout' | 'http' | 'malformed' | 'network' | 'aborted';

export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly kind: LlmErrorKind;
  /** The provider's HTTP status, for kind 'http'. */
  readonly status: number | undefined;

  constructor(kind: LlmErrorKind, message: string, status?: number, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
    this.status = status;
  }
}

/** A tool call the model asked for; `arguments` is the JSON text the model wrote, unparsed. */
export interface LlmToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * One conversation turn. Plain user/assistant turns are what text generation needs; the tool
 * variants let the streamed chat send back the model's tool calls and their results.
 */
export type LlmMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: LlmToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** A function the model may call; `parameters` is a JSON Schema object. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface LlmRequest {
  system: string;
  messages: LlmMessage[];
  maxTokens?: number;
  temperature?: number;
  /** Cancels the call; it then fails with kind 'aborted'. */
  signal?: AbortSignal;
}

export interface LlmStreamRequest extends LlmRequest {
  tools?: ToolDefinition[];
}

export type LlmStreamEvent =
  | { type: 'text'; delta: string }
  | ({ type: 'tool_call' } & LlmToolCall)
  /** `finishReason` as the provider said it ('stop', 'length', 'tool_calls'…), null if it did not. */
  | { type: 'done'; finishReason: string | null };

export interface LlmProvider {
  /** Where and what it calls, for diagnostics; never the API key. */
  readonly info: { readonly baseUrl: string; readonly model: string; readonly timeoutMs: number };
  /** One non-streamed completion; resolves to the assistant's text. Throws LlmError. */
  complete(request: LlmRequest): Promise<string>;
  /** A streamed completion. Iterating throws LlmError on failure. */
  stream(request: LlmStreamRequest): AsyncIterable<LlmStreamEvent>;
}

import { z } from 'zod';
import { Deadline } from './deadline';
import { ChunkAccumulator, sseData } from './sse';
import { LlmError } from './types';
import type {
  LlmMessage,
  LlmProvider,
  LlmRequest,
  LlmStreamEvent,
  LlmStreamRequest,
  ToolDefinition,
} from './types';

export * from './types';

export interface LlmProviderOptions {
  /** e.g. https://api.openai.com/v1; `/chat/completions` is appended. */
  baseUrl: string;
  /** Sent as a Bearer token; local OpenAI-compatible servers often need none. */
  apiKey?: string;
  model: string;
  /**
   * For `complete`, the whole call. For `stream`, the wait for the response headers and then for
   * each next chunk, since a long answer may legitimately stream for longer than that.
   */
  timeoutMs: number;
  /** Injected in tests; Node's global fetch otherwise. */
  fetch?: typeof fetch;
}

// Low temperature: the provider rewrites CRM text, where invention is a defect.
const DEFAULT_TEMPERATURE = 0.3;
const DEFAULT_MAX_TOKENS = 512;

const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

export function createLlmProvider(options: LlmProviderOptions): LlmProvider {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const url = `${baseUrl}/chat/completions`;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const info = Object.freeze({ baseUrl, model: options.model, timeoutMs: options.timeoutMs });

  async function post(
    request: LlmStreamRequest,
    stream: boolean,
    signal: AbortSignal,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
    };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    const response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(requestBody(options.model, request, stream)),
      signal,
    });
    if (!response.ok) {
      // The error body is not read: it is not needed and may echo the prompt.
      await response.body?.cancel().catch(() => undefined);
      throw new LlmError(
        'http',
        `The AI provider answered HTTP ${response.status}`,
        response.status,
      );
    }
    return response;
  }

  return {
    info,

    async complete(request: LlmRequest): Promise<string> {
      const deadline = new Deadline(options.timeoutMs, request.signal);
      deadline.start();
      try {
        const response = await post(request, false, deadline.signal);
        // Read as text first so a broken connection (network) and a bad body (malformed) differ.
        return contentOf(await response.text());
      } catch (error) {
        throw deadline.failure(error);
      } finally {
        deadline.dispose();
      }
    },

    async *stream(request: LlmStreamRequest): AsyncGenerator<LlmStreamEvent> {
      const deadline = new Deadline(options.timeoutMs, request.signal);
      deadline.start();
      try {
        const response = await post(request, true, deadline.signal);
        deadline.stop();
        if (!response.body) throw new LlmError('malformed', 'The AI provider sent no stream');
        const accumulator = new ChunkAccumulator();
        for await (const data of sseData(response.body, deadline)) {
          yield* accumulator.push(data);
          if (accumulator.done) break;
        }
        yield* accumulator.finish();
      } catch (error) {
        throw deadline.failure(error);
      } finally {
        deadline.dispose();
      }
    },
  };
}

function contentOf(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LlmError('malformed', 'The AI provider answered with invalid JSON');
  }
  const parsed = CompletionSchema.safeParse(json);
  const content = parsed.success ? parsed.data.choices[0]?.message.content : undefined;
  // An empty answer is as useless to the callers as a missing one.
  if (!content?.trim()) {
    throw new LlmError('malformed', 'The AI provider answer has no message content');
  }
  return content;
}

/** The OpenAI chat-completions request body. */
function requestBody(model: string, request: LlmStreamRequest, stream: boolean) {
  return {
    model,
    messages: [{ role: 'system', content: request.system }, ...request.messages.map(wireMessage)],
    temperature: request.temperature ?? DEFAULT_TEMPERATURE,
    max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
    ...(stream ? { stream: true } : {}),
    ...(request.tools?.length ? { tools: request.tools.map(wireTool) } : {}),
  };
}

function wireMessage(message: LlmMessage) {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: message.content };
    case 'assistant':
      return message.toolCalls?.length
        ? {
            role: 'assistant',
            // The protocol wants null, not "", when the turn was only tool calls.
            content: message.content || null,
            tool_calls: message.toolCalls.map((call) => ({
              id: call.id,
              type: 'function',
              function: { name: call.name, arguments: call.arguments },
            })),
          }
        : { role: 'assistant', content: message.content };
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

function wireTool(tool: ToolDefinition) {
  return {
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  };
}

import { z } from 'zod';
import type { Deadline } from './deadline';
import { LlmError } from './types';
import type { LlmStreamEvent } from './types';

/**
 * Yields the `data` payload of each server-sent event in `body`. Lines may be split anywhere
 * across network reads, so text is buffered up to each newline; an event ends at a blank line and
 * its `data:` lines are joined with "\n" (the SSE rule). Comments and other fields are ignored.
 * The deadline only runs while a read is pending, so a slow consumer is not mistaken for a slow
 * provider.
 */
export async function* sseData(
  body: ReadableStream<Uint8Array>,
  deadline?: Deadline,
): AsyncGenerator<string> {
  // A streaming TextDecoder (not TextDecoderStream) keeps the types identical under DOM and Node libs.
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  try {
    for (;;) {
      deadline?.start();
      const { done, value } = await reader.read();
      deadline?.stop();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (data.length > 0) yield data.join('\n');
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          if (field === 'data') data.push(colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, ''));
        }
      }
    }
    // Be lenient with a server that ends without the final blank line.
    const last = buffer.replace(/\r$/, '');
    if (last.startsWith('data:')) data.push(last.slice(5).replace(/^ /, ''));
    if (data.length > 0) yield data.join('\n');
  } finally {
    deadline?.stop();
    // Releases the connection when the consumer stops early; errors here are of no interest.
    reader.cancel().catch(() => undefined);
  }
}

/** One streamed chat-completion chunk, reduced to the fields we read. */
const ChunkSchema = z.object({
  choices: z.array(
    z.object({
      delta: z
        .object({
          content: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                index: z.number().int().nonnegative(),
                id: z.string().nullish(),
                function: z
                  .object({ name: z.string().nullish(), arguments: z.string().nullish() })
                  .nullish(),
              }),
            )
            .nullish(),
        })
        .nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
});

const malformed = (message: string) => new LlmError('malformed', message);

/**
 * Turns chunk payloads into stream events. Text deltas are passed on at once; tool calls arrive in
 * pieces keyed by `index` (id and name first, then fragments of the arguments), so they are
 * accumulated and emitted whole when the stream finishes.
 */
export class ChunkAccumulator {
  private readonly calls = new Map<number, { id: string; name: string; arguments: string }>();
  private finishReason: string | null = null;
  private sawDone = false;

  /** Feeds one `data` payload; returns the events it completes. */
  push(data: string): LlmStreamEvent[] {
    if (data.trim() === '[DONE]') {
      this.sawDone = true;
      return [];
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      throw malformed('The AI provider sent an unreadable stream chunk');
    }
    const chunk = ChunkSchema.safeParse(json);
    if (!chunk.success) throw malformed('The AI provider sent an unexpected stream chunk');
    const events: LlmStreamEvent[] = [];
    // We never ask for n > 1, so only the first choice matters.
    const choice = chunk.data.choices[0];
    if (!choice) return events; // e.g. the trailing usage chunk
    const delta = choice.delta;
    if (delta?.content) events.push({ type: 'text', delta: delta.content });
    for (const piece of delta?.tool_calls ?? []) {
      const call = this.calls.get(piece.index) ?? { id: '', name: '', arguments: '' };
      if (piece.id) call.id = piece.id;
      const name = piece.function?.name;
      // Normally the name comes once; some servers repeat it in every piece, others split it.
      if (name && name !== call.name) call.name += name;
      if (piece.function?.arguments) call.arguments += piece.function.arguments;
      this.calls.set(piece.index, call);
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    return events;
  }

  /** True once `[DONE]` arrived; the caller stops reading then. */
  get done(): boolean {
    return this.sawDone;
  }

  /** Called when the body ends: the complete tool calls, then `done`. */
  finish(): LlmStreamEvent[] {
    if (!this.sawDone && this.finishReason === null) {
      throw malformed('The AI provider ended the stream before the answer was complete');
    }
    const events: LlmStreamEvent[] = [];
    for (const [index, call] of [...this.calls].sort(([a], [b]) => a - b)) {
      if (!call.name) throw malformed('The AI provider sent a tool call without a name');
      // Some compatible servers omit ids; the chat needs one to send the result back.
      events.push({ type: 'tool_call', ...call, id: call.id || `call_${index}` });
    }
    events.push({ type: 'done', finishReason: this.finishReason });
    return events;
  }
}

import { describe, expect, it } from 'vitest';
import { ChunkAccumulator, sseData } from './sse';
import { LlmError } from './types';

/** A body delivered in exactly these pieces, as a network might split it. */
function body(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function all(pieces: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const data of sseData(body(pieces))) out.push(data);
  return out;
}

describe('sseData', () => {
  it('reassembles events split anywhere across reads', async () => {
    const text = 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';
    const everyByte = [...text];
    expect(await all(everyByte)).toEqual(['{"a":1}', '{"b":2}', '[DONE]']);
    expect(await all([text.slice(0, 9), text.slice(9, 17), text.slice(17)])).toEqual([
      '{"a":1}',
      '{"b":2}',
      '[DONE]',
    ]);
  });

  it('handles CRLF, comments, other fields and multi-line data', async () => {
    const text =
      ': keep-alive\r\nevent: message\r\ndata: one\r\ndata: two\r\n\r\nid: 3\r\ndata:three\r\n\r\n';
    expect(await all([text])).toEqual(['one\ntwo', 'three']);
  });

  it('keeps a last event that lacks the closing blank line', async () => {
    expect(await all(['data: [DONE]'])).toEqual(['[DONE]']);
  });
});

describe('ChunkAccumulator', () => {
  const chunk = (delta: object, finish: string | null = null) =>
    JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] });

  it('joins tool-call pieces by index, whatever their order', () => {
    const acc = new ChunkAccumulator();
    acc.push(
      chunk({ tool_calls: [{ index: 1, id: 'b', function: { name: 'two', arguments: '' } }] }),
    );
    acc.push(
      chunk({ tool_calls: [{ index: 0, id: 'a', function: { name: 'one', arguments: '{"x"' } }] }),
    );
    acc.push(chunk({ tool_calls: [{ index: 1, function: { arguments: '{}' } }] }));
    acc.push(chunk({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }));
    acc.push(chunk({}, 'tool_calls'));
    expect(acc.finish()).toEqual([
      { type: 'tool_call', id: 'a', name: 'one', arguments: '{"x":1}' },
      { type: 'tool_call', id: 'b', name: 'two', arguments: '{}' },
      { type: 'done', finishReason: 'tool_calls' },
    ]);
  });

  it('names a call that came without an id, and rejects one without a name', () => {
    const named = new ChunkAccumulator();
    named.push(chunk({ tool_calls: [{ index: 0, function: { name: 'f', arguments: '{}' } }] }));
    named.push('[DONE]');
    expect(named.finish()[0]).toEqual({
      type: 'tool_call',
      id: 'call_0',
      name: 'f',
      arguments: '{}',
    });

    const nameless = new ChunkAccumulator();
    nameless.push(
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{}' } }] }, 'tool_calls'),
    );
    expect(() => nameless.finish()).toThrow(LlmError);
  });

  it('ignores chunks without choices (the usage chunk)', () => {
    const acc = new ChunkAccumulator();
    expect(acc.push(JSON.stringify({ choices: [], usage: { total_tokens: 3 } }))).toEqual([]);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted OpenAI-compatible chat-completions server for tests: a real HTTP server on
 * 127.0.0.1, so the client's fetch, timeouts, SSE parsing and connection failures are exercised
 * for real. Each request takes the next reply of the script; a streamed reply is sent when the
 * request body says `stream: true`.
 */

export interface FakeToolCall {
  id: string;
  name: string;
  /** The complete JSON text; streamed replies send it in several pieces. */
  arguments: string;
}

interface Delay {
  /** Wait this long before answering (to trigger client timeouts). */
  delayMs?: number;
}

export type FakeReply = Delay &
  (
    | {
        kind: 'text';
        text: string;
        /** Streamed deltas; by default the text is sent word by word. */
        chunks?: string[];
        finishReason?: string;
        /** Pause between streamed chunks (to trigger the per-chunk timeout). */
        gapMs?: number;
      }
    | { kind: 'tool_calls'; calls: FakeToolCall[]; text?: string; piecesPerCall?: number }
    /** A body sent as is: bad JSON, a JSON without `choices`, a broken SSE stream… */
    | { kind: 'raw'; body: string; status?: number; contentType?: string }
    | { kind: 'status'; status: number; body?: string }
    /** Closes the connection without an answer, or, with `afterText`, after one streamed delta. */
    | { kind: 'hangup'; afterText?: string }
  );

export type FakeScript = FakeReply[] | ((request: RecordedRequest, index: number) => FakeReply);

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body; undefined when it was not JSON. */
  body: Record<string, unknown> | undefined;
}

export interface FakeChatServer {
  /** Base URL to give the client, e.g. http://127.0.0.1:1234/v1 */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const BASE_PATH = '/v1';

export async function startFakeChatServer(script: FakeScript): Promise<FakeChatServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: parseObject(raw),
    };
    const index = requests.push(recorded) - 1;
    if (recorded.method !== 'POST' || recorded.path !== `${BASE_PATH}/chat/completions`) {
      return sendJson(res, 404, { error: { message: `fake: no route ${recorded.path}` } });
    }
    const reply = typeof script === 'function' ? script(recorded, index) : script[index];
    if (!reply) {
      // Visible in a test as an unexpected HTTP 500 and an extra recorded request.
      return sendJson(res, 500, { error: { message: `fake: no reply scripted for #${index}` } });
    }
    if (reply.delayMs && !(await wait(reply.delayMs, res))) return;
    const stream = recorded.body?.stream === true;
    switch (reply.kind) {
      case 'text':
        if (!stream) return sendJson(res, 200, completion({ content: reply.text }, 'stop'));
        return sendStream(
          res,
          [
            ...(reply.chunks ?? reply.text.split(/(?<= )/)).map((content) => ({
              delta: { content },
            })),
            { finish: reply.finishReason ?? 'stop' },
          ],
          reply.gapMs,
        );
      case 'tool_calls':
        if (!stream) {
          const message = { content: reply.text ?? null, tool_calls: reply.calls.map(wireCall) };
          return sendJson(res, 200, completion(message, 'tool_calls'));
        }
        return sendStream(res, [
          ...(reply.text ? [{ delta: { content: reply.text } }] : []),
          ...reply.calls
            .flatMap((call, i) => toolCallDeltas(call, i, reply.piecesPerCall ?? 3))
            .map((delta) => ({ delta })),
          { finish: 'tool_calls' },
        ]);
      case 'raw':
        res.writeHead(reply.status ?? 200, {
          'content-type': reply.contentType ?? 'application/json',
        });
        res.end(reply.body);
        return;
      case 'status':
        return sendJson(res, reply.status, reply.body ?? { error: { message: 'fake failure' } });
      case 'hangup':
        if (reply.afterText === undefined) {
          req.socket.destroy();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(sse(chunk({ content: reply.afterText }, null)), () => req.socket.destroy());
        return;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Delayed replies may still hold connections open; a test is over, so cut them.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

type Delta = Record<string, unknown>;
type StreamPart = { delta: Delta } | { finish: string };

async function sendStream(res: http.ServerResponse, parts: StreamPart[], gapMs = 0): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  // The protocol opens with a role-only delta; clients must cope with it.
  res.write(sse(chunk({ role: 'assistant', content: '' }, null)));
  for (const part of parts) {
    res.write(sse('finish' in part ? chunk({}, part.finish) : chunk(part.delta, null)));
    if (gapMs > 0 && !(await wait(gapMs, res))) return;
  }
  res.end('data: [DONE]\n\n');
}

function toolCallDeltas(call: FakeToolCall, index: number, pieces: number): Delta[] {
  const size = Math.max(1, Math.ceil(call.arguments.length / pieces));
  const fragments: Delta[] = [
    {
      tool_calls: [
        { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
      ],
    },
  ];
  for (let at = 0; at < call.arguments.length; at += size) {
    const fragment = call.arguments.slice(at, at + size);
    fragments.push({ tool_calls: [{ index, function: { arguments: fragment } }] });
  }
  return fragments;
}

function wireCall(call: FakeToolCall) {
  return {
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  };
}

function completion(message: Delta, finishReason: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function chunk(delta: Delta, finishReason: string | null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
}

const sse = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(text);
}

function parseObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves true after `ms`, or false as soon as the client goes away. */
function wait(ms: number, res: http.ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

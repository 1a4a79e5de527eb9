import {
  ConversationSchema,
  MessageSchema,
  type Conversation,
  type Message,
} from '@flow/contracts';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/test-app';

// Shared by the conversations, messages and inbound tests: records made through the API.

let counter = 0;

export async function newContact(
  t: TestApp,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; name: string; email: string; ownerId: string }> {
  counter += 1;
  const res = await t.request('POST', '/api/contacts', {
    token,
    body: {
      name: `Dana Client${counter}`,
      email: `dana${counter}-${Math.random().toString(36).slice(2, 8)}@client.test`,
      company: 'Initech',
      ...extra,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function startConversation(
  t: TestApp,
  token: string,
  contactId: string,
  extra: Record<string, unknown> = {},
): Promise<Conversation> {
  const res = await t.request('POST', '/api/conversations', {
    token,
    body: { contactId, type: 'email', ...extra },
  });
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return ConversationSchema.parse(res.body);
}

/** A fresh contact of the token's user with a conversation started. */
export async function newConversation(
  t: TestApp,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<Conversation> {
  const contact = await newContact(t, token);
  return startConversation(t, token, contact.id, extra);
}

export async function sendMessage(
  t: TestApp,
  token: string,
  conversationId: string,
  content: string,
  extra: Record<string, unknown> = {},
): Promise<Message> {
  const res = await t.request('POST', `/api/conversations/${conversationId}/messages`, {
    token,
    body: { content, type: 'email', ...extra },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return MessageSchema.parse(res.body);
}

export async function createApiKey(t: TestApp, adminToken: string, name = 'Mail relay') {
  const res = await t.request('POST', '/api/api-keys', { token: adminToken, body: { name } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; key: string; prefix: string };
}

export function inbound(t: TestApp, key: string | undefined, body: Record<string, unknown>) {
  return t.request('POST', '/api/inbound/messages', {
    body,
    ...(key !== undefined ? { headers: { 'x-api-key': key } } : {}),
  });
}

export async function getConversation(t: TestApp, token: string, id: string) {
  const res = await t.request('GET', `/api/conversations/${id}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return ConversationSchema.parse(res.body);
}

/** Polls until `check` passes (background work after a response), failing after `tries`. */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, tries = 200) {
  let value = await read();
  for (let i = 0; i < tries && !check(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  expect(check(value), JSON.stringify(value)).toBe(true);
  return value;
}

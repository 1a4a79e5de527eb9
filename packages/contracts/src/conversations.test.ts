import { describe, expect, it } from 'vitest';
import {
  ApiKeySchema,
  ApiKeysQuerySchema,
  ConversationsQuerySchema,
  CreateApiKeyBodySchema,
  CreateTemplateBodySchema,
  InboundMessageBodySchema,
  MessageAnalysisSchema,
  SendMessageBodySchema,
  SmartComposeBodySchema,
  StartConversationBodySchema,
} from './conversations';

describe('message bodies', () => {
  it('accept their fields and reject unknown ones', () => {
    const message = { content: 'Thanks, sending the proposal today.', type: 'email' };
    expect(SendMessageBodySchema.safeParse(message).success).toBe(true);
    expect(SendMessageBodySchema.safeParse({ ...message, senderId: 'u2' }).success).toBe(false);
    expect(SendMessageBodySchema.safeParse({ ...message, type: 'fax' }).success).toBe(false);
    expect(SendMessageBodySchema.safeParse({ ...message, content: '  ' }).success).toBe(false);
    expect(StartConversationBodySchema.safeParse({ contactId: 'c1', type: 'sms' }).success).toBe(
      true,
    );
    expect(SmartComposeBodySchema.safeParse({ conversationId: 'v1', tone: 'rude' }).success).toBe(
      false,
    );
  });

  it('leave template variables to the server', () => {
    const template = { name: 'Check-in', category: 'follow-up', content: 'Hi {{firstName}}' };
    expect(CreateTemplateBodySchema.safeParse(template).success).toBe(true);
    expect(CreateTemplateBodySchema.safeParse({ ...template, variables: ['x'] }).success).toBe(
      false,
    );
  });
});

describe('InboundMessageBodySchema', () => {
  const inbound = { type: 'email', content: 'Can we talk about pricing?' };

  it('requires an email sender for email and a phone number for SMS', () => {
    expect(
      InboundMessageBodySchema.safeParse({ ...inbound, from: 'dana@northwind.example' }).success,
    ).toBe(true);
    const bad = InboundMessageBodySchema.safeParse({ ...inbound, from: 'dana' });
    expect(bad.error?.issues[0]?.path).toEqual(['from']);
    expect(
      InboundMessageBodySchema.safeParse({ ...inbound, type: 'sms', from: '+1 (555) 010-0100' })
        .success,
    ).toBe(true);
    expect(
      InboundMessageBodySchema.safeParse({ ...inbound, type: 'sms', from: 'dana' }).success,
    ).toBe(false);
  });
});

describe('MessageAnalysisSchema', () => {
  it('uses exact urgency and intent enums', () => {
    const analysis = {
      keyTopics: ['pricing'],
      emotionalTone: 'concerned',
      urgencyLevel: 'critical',
      businessIntent: 'complaint',
      suggestedResponse: 'Acknowledge and propose a call today.',
      responseTime: 60,
      actionItems: [{ text: 'Send the revised quote', kind: 'request' }],
    };
    expect(MessageAnalysisSchema.safeParse(analysis).success).toBe(true);
    expect(MessageAnalysisSchema.safeParse({ ...analysis, urgencyLevel: 'asap' }).success).toBe(
      false,
    );
    expect(MessageAnalysisSchema.safeParse({ ...analysis, businessIntent: 'spam' }).success).toBe(
      false,
    );
  });
});

describe('ConversationsQuerySchema', () => {
  it('restricts filter and sort', () => {
    expect(ConversationsQuerySchema.parse({ filter: 'archived' }).filter).toBe('archived');
    expect(ConversationsQuerySchema.safeParse({ filter: 'spam' }).success).toBe(false);
    expect(ConversationsQuerySchema.safeParse({ sort: 'aiSummary' }).success).toBe(false);
  });
});

describe('API key schemas', () => {
  it('take only a name, and list keys without their secret', () => {
    expect(CreateApiKeyBodySchema.safeParse({ name: 'Postmark' }).success).toBe(true);
    expect(CreateApiKeyBodySchema.safeParse({ name: ' ' }).success).toBe(false);
    expect(CreateApiKeyBodySchema.safeParse({ name: 'x', key: 'flow_1_2' }).success).toBe(false);
    const listed = ApiKeySchema.parse({
      id: 'k1',
      name: 'Postmark',
      prefix: '0a1b2c3d',
      createdAt: '2025-01-01T00:00:00.000Z',
      key: 'flow_0a1b2c3d_secret',
    });
    expect(listed).not.toHaveProperty('key');
    expect(ApiKeysQuerySchema.safeParse({ sort: 'keyHash' }).success).toBe(false);
  });
});

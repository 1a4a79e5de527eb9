import { MessageStatsSchema, SentimentOverviewSchema } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { signedInTeams } from '../helpers/teams';
import { startTestApp } from '../helpers/test-app';
import {
  createApiKey,
  inbound,
  newContact,
  newConversation,
  sendMessage,
  startConversation,
} from './conversations-helpers';

// Each test starts its own app: the figures are over everything the caller sees.
describe.each(testDatabaseKinds)('message stats and sentiment overview on %s', (kind) => {
  it('stats count visible live conversations; average response time follows replies', async () => {
    // A stopped clock, so the reply is exactly 30 minutes after the first unanswered message.
    const now = new Date();
    const fresh = await startTestApp(kind, { clock: () => now });
    try {
      const team = await signedInTeams(fresh);
      const apiKey = (await createApiKey(fresh, team.tokens.admin)).key;
      const empty = MessageStatsSchema.parse(
        (await fresh.request('GET', '/api/messages/stats', { token: team.tokens.sales })).body,
      );
      expect(empty).toEqual({
        total: 0,
        unread: 0,
        highPriority: 0,
        needsFollowUp: 0,
        averageResponseTime: null,
      });
      const contact = await newContact(fresh, team.tokens.sales);
      const conversation = await startConversation(fresh, team.tokens.sales, contact.id);
      await inbound(fresh, apiKey, {
        from: contact.email,
        type: 'email',
        content: 'Question about pricing tiers.',
        receivedAt: new Date(now.getTime() - 30 * 60_000).toISOString(),
      });
      await inbound(fresh, apiKey, {
        from: contact.email,
        type: 'email',
        content: 'Also, do you offer annual billing?',
        receivedAt: new Date(now.getTime() - 10 * 60_000).toISOString(),
      });
      await newConversation(fresh, team.tokens.sales2);
      const waiting = (
        await fresh.request('GET', '/api/messages/stats', { token: team.tokens.sales })
      ).body;
      expect(waiting).toMatchObject({ total: 1, unread: 1, needsFollowUp: 1 });
      expect(waiting.averageResponseTime).toBeNull();

      await sendMessage(
        fresh,
        team.tokens.sales,
        conversation.id,
        'Yes — annual billing is 10% off.',
      );
      const answered = MessageStatsSchema.parse(
        (await fresh.request('GET', '/api/messages/stats', { token: team.tokens.sales })).body,
      );
      // From the first unanswered message (30 minutes ago) to the reply.
      expect(answered.averageResponseTime).toBe(30);
      expect(answered.needsFollowUp).toBe(0);
      const manager = (
        await fresh.request('GET', '/api/messages/stats', { token: team.tokens.manager })
      ).body;
      expect(manager.total).toBe(2);
      const other = (
        await fresh.request('GET', '/api/messages/stats', { token: team.tokens.globexAdmin })
      ).body;
      expect(other.total).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it("sentiment overview: contacts' messages as percentages summing to 100 (all 0 when none)", async () => {
    const fresh = await startTestApp(kind);
    try {
      const team = await signedInTeams(fresh);
      const apiKey = (await createApiKey(fresh, team.tokens.admin)).key;
      const none = await fresh.request('GET', '/api/messages/sentiment-overview', {
        token: team.tokens.sales,
      });
      expect(none.body).toEqual({ positive: 0, neutral: 0, negative: 0 });
      const contact = await newContact(fresh, team.tokens.sales);
      for (const content of [
        'We love it, thank you so much!',
        'Terrible experience, very disappointed and angry.',
        'Please find the form attached.',
      ]) {
        await inbound(fresh, apiKey, { from: contact.email, type: 'email', content });
      }
      const overview = SentimentOverviewSchema.parse(
        (
          await fresh.request('GET', '/api/messages/sentiment-overview', {
            token: team.tokens.sales,
          })
        ).body,
      );
      expect(overview.positive + overview.neutral + overview.negative).toBe(100);
      expect(overview).toEqual({ positive: 34, neutral: 33, negative: 33 });
      const colleague = await fresh.request('GET', '/api/messages/sentiment-overview', {
        token: team.tokens.sales2,
      });
      expect(colleague.body).toEqual({ positive: 0, neutral: 0, negative: 0 });
    } finally {
      await fresh.close();
    }
  });
});

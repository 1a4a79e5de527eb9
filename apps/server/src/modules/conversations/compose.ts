import type { AiSource, SmartCompose, SmartComposeBody } from '@flow/contracts';
import { smartCompose } from '../../ai/compose';
import type { LlmProvider } from '../../ai/providers/llm';
import { completePrompt, composeSuggestionsPrompt } from '../../ai/providers/prompts';
import { withFallback, type AiProviderPreference } from '../../ai/providers/with-fallback';
import type { Tx } from '../../db/tx';
import { notFound } from '../../platform/errors';
import type { Scope } from '../../platform/scope';
import { toTemplate } from './mapper';
import * as repo from './repository';
import * as messages from './repository-messages';
import * as people from './repository-people';
import * as templates from './repository-templates';

/** The thread context smart compose reads: enough for tone and intent, bounded for cost. */
const COMPOSE_MESSAGES = 30;

export interface ComposeDeps {
  db: Tx;
  llm: LlmProvider | null;
}

/**
 * POST /api/messages/smart-compose: the local engine always answers tone and templates; with a
 * provider configured ('auto'), its reply suggestions replace the local ones when it answers.
 */
export function createComposeOps({ db, llm }: ComposeDeps) {
  const ops = {
    async smartCompose(scope: Scope, body: SmartComposeBody): Promise<SmartCompose> {
      return (await ops.smartComposeExplained(scope, body, 'auto')).value;
    },

    /** As smartCompose, saying which engine wrote the suggestions; 'llm' demands the provider. */
    async smartComposeExplained(
      scope: Scope,
      body: SmartComposeBody,
      preference: AiProviderPreference,
    ): Promise<{ value: SmartCompose; source: AiSource }> {
      const conversation = await repo.findConversation(db, scope, body.conversationId);
      if (!conversation) throw notFound('Conversation');
      const [rows, contact, deal, user, available] = await Promise.all([
        messages.messagesOf(db, conversation.id, COMPOSE_MESSAGES),
        people.contactById(db, conversation.contact_id),
        people.latestOpenDeal(db, conversation.contact_id),
        people.userById(db, scope.userId),
        templates.templatesFor(db, scope),
      ]);
      const contactInfo = {
        name: contact?.name ?? conversation.live_contact_name,
        ...(contact?.company ? { company: contact.company } : {}),
        ...(contact?.title ? { title: contact.title } : {}),
      };
      const dealInfo = deal
        ? {
            title: deal.title,
            stage: deal.stage,
            value: deal.value,
            ...(deal.expected_close_date ? { expectedCloseDate: deal.expected_close_date } : {}),
          }
        : undefined;
      const thread = rows.map((m) => ({
        senderType: m.sender_type,
        content: m.content,
        timestamp: m.timestamp,
      }));
      const local = smartCompose({
        conversation: {
          messages: thread,
          ...(conversation.subject ? { subject: conversation.subject } : {}),
        },
        contact: contactInfo,
        ...(dealInfo ? { deal: dealInfo } : {}),
        user: { name: user?.name ?? '' },
        ...(body.draftContent !== undefined ? { draftContent: body.draftContent } : {}),
        ...(body.tone ? { tone: body.tone } : {}),
        templates: available.map(toTemplate),
      });
      if (preference === 'local' || (!llm && preference === 'auto'))
        return { value: local, source: 'local' };

      const { value: suggestions, source } = await withFallback({
        preference,
        provider: llm,
        llm: (provider) =>
          completePrompt(
            provider,
            composeSuggestionsPrompt({
              messages: thread.map((m) => ({
                from: m.senderType,
                content: m.content,
                at: m.timestamp,
              })),
              contact: contactInfo,
              ...(deal
                ? {
                    deal: {
                      title: deal.title,
                      stage: deal.stage,
                      value: deal.value,
                      ...(deal.competitor_mentioned
                        ? { competitor: deal.competitor_mentioned }
                        : {}),
                    },
                  }
                : {}),
              ...(body.draftContent ? { draft: body.draftContent } : {}),
              tone: body.tone ?? local.toneAdjustments.current,
            }),
          ),
        local: () => local.suggestions,
      });
      return { value: { ...local, suggestions }, source };
    },
  };
  return ops;
}

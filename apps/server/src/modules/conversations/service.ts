import type { ServiceDeps } from '../registry';
import { createAfterCommit } from './after-commit';
import { createApiKeyOps } from './api-keys';
import { createComposeOps } from './compose';
import { createConversationOps } from './conversation-ops';
import { createInboundOps } from './inbound';
import { createMessageOps } from './message-ops';
import { createTemplateOps } from './templates';

/**
 * Conversations and messages (API.md §7): the inbox, users' messages with AI analysis, smart
 * compose, templates, stats, inbound mail/SMS through org API keys, and outbound email.
 * Each concern lives in its own file; this assembles them over one set of dependencies.
 */
export function createConversationsService(deps: ServiceDeps) {
  const { db, mutate, clock, llm, config } = deps;
  const after = createAfterCommit({ db, mutate, clock, llm, smtpUrl: config.smtpUrl });
  // `deps.services` is filled once every service exists; the ops read it at call time.
  const withServices = { db, mutate, clock, after, services: deps.services };
  return {
    ...createConversationOps({ db, mutate, clock }),
    ...createMessageOps(withServices),
    ...createInboundOps(withServices),
    ...createComposeOps({ db, llm }),
    ...createTemplateOps({ db, mutate, clock }),
    ...createApiKeyOps({ db, mutate, clock }),
    /** Where background failures (an SMTP or provider bug, not a refusal) are logged. */
    useLogger: after.useLogger,
    /** Waits for deliveries and summaries in flight; the routes call it when the server closes. */
    drain: after.drain,
  };
}
export type ConversationsService = ReturnType<typeof createConversationsService>;

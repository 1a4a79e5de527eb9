import { index, orgAndOwnerIndexes, type MigrationContext } from './helpers';

/**
 * Conversations, their messages and everything hanging off a message. The conversation row keeps
 * the last message, unread count and sentiment so the inbox list never aggregates messages.
 * Messages copy the conversation's `owner_id` for cross-conversation reads (search, stats,
 * sentiment overview) scoped by owner without a join.
 */
export async function createMessaging({ db, t }: MigrationContext): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('owner_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('contact_id', t.id, (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('email'))
    .addColumn('subject', 'text')
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_company', 'text')
    // No foreign key: messages reference conversations, and SQLite cannot add the reverse one later.
    .addColumn('last_message_id', t.id)
    .addColumn('last_message_at', t.timestamp)
    .addColumn('last_message_preview', 'text')
    .addColumn('unread_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('overall_sentiment', 'text', (c) => c.notNull().defaultTo('neutral'))
    .addColumn('sentiment_trend', 'text', (c) => c.notNull().defaultTo('stable'))
    .addColumn('ai_summary', 'text')
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('needs_follow_up', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  // GET /api/conversations: newest activity first. The unread, high-priority, follow-up and
  // archived filters walk this order and test the flag on the row (a page needs only 25 hits).
  await orgAndOwnerIndexes(db, 'conversations', ['last_message_at']);
  // POST /api/conversations returns the contact's existing conversation; inbound matching.
  await index(db, 'conversations_contact_idx', 'conversations', ['contact_id']);

  await db.schema
    .createTable('messages')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('conversation_id', t.id, (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('owner_id', t.id, (c) => c.notNull().references('users.id'))
    // A user id or a contact id depending on sender_type, hence no foreign key.
    .addColumn('sender_id', t.id, (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_type', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('timestamp', t.timestamp, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('sentiment', 'text', (c) => c.notNull().defaultTo('neutral'))
    .addColumn('confidence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('delivery_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  // GET /api/conversations/:id messages in order; last-message and unread recomputation.
  await index(db, 'messages_conversation_idx', 'messages', ['conversation_id', 'timestamp']);
  // /api/search type=messages and /api/messages/stats, newest first within what the caller sees.
  await orgAndOwnerIndexes(db, 'messages', ['timestamp']);

  // One analysis per message (GET /api/messages/:id/ai-analysis), stored when the message arrives.
  await db.schema
    .createTable('message_analysis')
    .addColumn('message_id', t.id, (c) =>
      c.primaryKey().references('messages.id').onDelete('cascade'),
    )
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('key_topics', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('emotional_tone', 'text', (c) => c.notNull())
    .addColumn('urgency_level', 'text', (c) => c.notNull())
    .addColumn('business_intent', 'text', (c) => c.notNull())
    .addColumn('suggested_response', 'text')
    .addColumn('response_time', 'text')
    .addColumn('action_items', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('message_id', t.id, (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // Where the bytes live (file store key or provider URL); the database never holds the content.
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Message attachments? list; also the cascade from messages.
  await index(db, 'attachments_message_idx', 'attachments', ['message_id']);

  // System templates are per organization with owner_id null (an org may edit or delete them);
  // a user's own templates carry their owner_id.
  await db.schema
    .createTable('message_templates')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('organization_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('variables', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  // GET /api/messages/templates?category= (system plus own) and smart-compose template matching.
  await index(db, 'message_templates_org_idx', 'message_templates', [
    'organization_id',
    'category',
  ]);
}

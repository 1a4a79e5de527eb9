import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../helpers/databases';
import { outboxEvents, signedInTeams } from '../helpers/teams';
import { startTestApp, type TestApp } from '../helpers/test-app';
import {
  createApiKey,
  eventually,
  getConversation,
  inbound,
  newContact,
  sendMessage,
  startConversation,
} from './conversations-helpers';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/**
 * A real SMTP server on loopback: it refuses recipients starting with "bounce", and holds each
 * message until `release()` when `hold` is on, so a reply can overtake a delivery.
 */
async function startSmtp() {
  const received: Received[] = [];
  let hold = false;
  let release: () => void = () => undefined;
  let held = Promise.resolve();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) {
        const error = Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void held.then(() => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    holdNext() {
      hold = true;
      held = new Promise<void>((resolve) => (release = resolve));
    },
    release() {
      if (hold) release();
      hold = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(testDatabaseKinds)('outbound email over SMTP on %s', (kind) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let cast: Awaited<ReturnType<typeof signedInTeams>>;
  let key: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp(kind, { env: { SMTP_URL: smtp.url } });
    cast = await signedInTeams(t);
    key = (await createApiKey(t, cast.tokens.admin)).key;
  });
  afterAll(async () => {
    smtp.release();
    await t.close();
    await smtp.close();
  });
  beforeEach(() => smtp.release());

  const messageOf = async (conversationId: string, id: string) =>
    (await getConversation(t, cast.tokens.sales, conversationId)).messages.find(
      (m) => m.id === id,
    )!;

  it("sends a user's email after commit; acceptance moves it to delivered and announces it", async () => {
    const contact = await newContact(t, cast.tokens.sales, { email: 'accept@client.test' });
    const conversation = await startConversation(t, cast.tokens.sales, contact.id, {
      subject: 'Your proposal',
    });
    const sent = await sendMessage(t, cast.tokens.sales, conversation.id, 'Proposal attached.');
    expect(sent.status).toBe('sent');
    const delivered = await eventually(
      () => messageOf(conversation.id, sent.id),
      (m) => m.status === 'delivered',
    );
    expect(delivered.deliveryError).toBeUndefined();
    const mail = smtp.received.find((r) => r.to.includes('accept@client.test'))!;
    expect(mail.from).toBe(cast.acme.sales.email);
    expect(mail.data).toContain('Subject: Your proposal');
    expect(mail.data).toContain('Proposal attached.');
    const update = (await outboxEvents(t, 'conversation:updated')).at(-1)!;
    expect(update.data).toMatchObject({
      id: conversation.id,
      changes: { messages: [{ id: sent.id, status: 'delivered' }] },
    });
  });

  it('records a refused recipient on the message instead of dropping it', async () => {
    const contact = await newContact(t, cast.tokens.sales, { email: 'bounce@client.test' });
    const conversation = await startConversation(t, cast.tokens.sales, contact.id);
    const sent = await sendMessage(t, cast.tokens.sales, conversation.id, 'Hello?');
    const failed = await eventually(
      () => messageOf(conversation.id, sent.id),
      (m) => m.deliveryError !== undefined,
    );
    expect(failed.status).toBe('sent');
    expect(failed.deliveryError).toMatch(/550|Mailbox unavailable|recipient/i);
    const update = (await outboxEvents(t, 'conversation:updated')).at(-1)!;
    expect(update.data).toMatchObject({
      changes: { messages: [{ id: sent.id, deliveryError: failed.deliveryError }] },
    });
  });

  it('records that a contact without an email cannot be emailed; SMS and chat are not emailed', async () => {
    const res = await inbound(t, key, {
      from: '+44 20 7946 0001',
      type: 'sms',
      content: 'Please email me the brochure.',
    });
    const conversationId = res.body.conversationId as string;
    const owner = (
      await t.db.handle.db
        .selectFrom('conversations')
        .select('owner_id')
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow()
    ).owner_id;
    const token = owner === cast.acme.sales.id ? cast.tokens.sales : cast.tokens.sales2;
    const before = smtp.received.length;
    const chat = await sendMessage(t, token, conversationId, 'Sure, by text for now.', {
      type: 'sms',
    });
    const email = await sendMessage(t, token, conversationId, 'Brochure attached.');
    const failed = await eventually(
      async () =>
        (await getConversation(t, token, conversationId)).messages.find((m) => m.id === email.id)!,
      (m) => m.deliveryError !== undefined,
    );
    expect(failed.deliveryError).toMatch(/no email address/);
    const sms = (await getConversation(t, token, conversationId)).messages.find(
      (m) => m.id === chat.id,
    )!;
    expect(sms).toMatchObject({ status: 'sent' });
    expect(sms.deliveryError).toBeUndefined();
    expect(smtp.received.length).toBe(before);
  });

  it('never moves a status back: acceptance after the contact replied leaves it replied', async () => {
    const contact = await newContact(t, cast.tokens.sales, { email: 'racer@client.test' });
    const conversation = await startConversation(t, cast.tokens.sales, contact.id);
    smtp.holdNext();
    const sent = await sendMessage(t, cast.tokens.sales, conversation.id, 'Quick question.');
    const reply = await inbound(t, key, {
      from: 'racer@client.test',
      type: 'email',
      content: 'Answering already!',
    });
    expect(reply.status).toBe(201);
    expect((await messageOf(conversation.id, sent.id)).status).toBe('replied');
    smtp.release();
    await eventually(
      async () => smtp.received.filter((r) => r.to.includes('racer@client.test')).length,
      (n) => n === 1,
    );
    // Let the acceptance be recorded, then check it did not move the status back.
    await t.app.close();
    const row = await t.db.handle.db
      .selectFrom('messages')
      .select(['status', 'delivery_error'])
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'replied', delivery_error: null });
  });
});

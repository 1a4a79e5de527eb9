import { createTransport } from 'nodemailer';

export interface EmailJob {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
}

export type DeliveryOutcome = { ok: true } | { ok: false; error: string };

export interface EmailDelivery {
  send(job: EmailJob): Promise<DeliveryOutcome>;
  close(): void;
}

/** Errors are stored on the message and shown to users: keep them short and single-line. */
const ERROR_CHARS = 500;

/**
 * Outbound email through SMTP_URL, one transport per service (nodemailer keeps its settings and
 * TLS context there). Timeouts are far below nodemailer's defaults (minutes), so a dead relay
 * turns into a recorded failure instead of a message stuck in 'sent'.
 */
export function createEmailDelivery(smtpUrl: string): EmailDelivery {
  const transport = createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(job) {
      try {
        const info = await transport.sendMail({
          from: { name: job.from.name, address: job.from.address },
          replyTo: job.from.address,
          to: job.to,
          subject: job.subject,
          text: job.text,
        });
        const rejected = info.rejected;
        if (rejected.length > 0 || info.accepted.length === 0) {
          return failure(`Recipient refused by the mail server: ${rejected.join(', ') || job.to}`);
        }
        return { ok: true };
      } catch (error) {
        return failure(error instanceof Error ? error.message : String(error));
      }
    },
    close() {
      transport.close();
    },
  };
}

function failure(message: string): DeliveryOutcome {
  const text = message.replace(/\s+/g, ' ').trim() || 'Delivery failed';
  return { ok: false, error: text.slice(0, ERROR_CHARS) };
}

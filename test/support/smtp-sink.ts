import { AddressInfo } from 'net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  language: string | undefined;
}

/** A real SMTP server on a loopback port that keeps what it receives, for tests to read. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
            this.mails.push({
              to: to?.value[0]?.address ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              messageId: mail.messageId ?? '',
              language: mail.headers.get('content-language') as string | undefined,
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server!.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  to(email: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to === email);
  }

  /** Waits until a mail matching `predicate` has arrived, and returns it. */
  async waitUntil(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 15_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no such mail arrived; got: ${this.mails.map((m) => `${m.to}: ${m.subject}`).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits until at least `count` mails have arrived in total (the worker sends them asynchronously). */
  async waitFor(count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.mails.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} mails, got ${this.mails.length}: ${this.mails.map((m) => `${m.to}: ${m.subject}`).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.mails;
  }
}

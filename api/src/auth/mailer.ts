import type { AddressInfo } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { Logger } from "pino";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** A message as the local development SMTP server received it. */
export interface CapturedMail {
  to: string[];
  subject: string;
  /** The decoded plain-text body. */
  text: string;
  receivedAt: Date;
  /** The Message-ID header, angle brackets included. */
  messageId: string;
}

export interface Mailer {
  /** `messageId` ("<…@host>") makes a message recognisable if it is ever sent twice. */
  send(mail: OutgoingMail, options?: { messageId?: string }): Promise<void>;
  /** Resolves once every message whose sending has begun is sent or failed (tests: "nothing was sent"). */
  idle(): Promise<void>;
  /** Messages received by the local SMTP server; empty when a real SMTP_URL is used. */
  readonly captured: CapturedMail[];
  /** The local capturing server's address (smtp://127.0.0.1:port), for the worker to send through; unset with a real SMTP_URL. */
  readonly localSmtpUrl?: string;
  close(): Promise<void>;
}

export interface MailerSettings {
  smtpUrl?: string;
  from: string;
  /** In development, captured messages are written to the log, body included, so links can be clicked. */
  echoToConsole: boolean;
}

/**
 * Sends email over SMTP. Without SMTP_URL (development and tests only; config
 * refuses it in production) it starts an in-process SMTP server on a free local
 * port that keeps every message, so the whole path through SMTP is exercised.
 */
export async function createMailer(settings: MailerSettings, log: Logger): Promise<Mailer> {
  const captured: CapturedMail[] = [];
  let transport: Transporter;
  let localServer: SMTPServer | undefined;
  let localSmtpUrl: string | undefined;

  if (settings.smtpUrl) {
    transport = nodemailer.createTransport(settings.smtpUrl);
  } else {
    localServer = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      size: 1024 * 1024,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const mail = parseMessage(Buffer.concat(chunks).toString("utf8"), session.envelope.rcptTo.map((r) => r.address));
          captured.push(mail);
          // Development only: the body (with its link) goes into the message, which the redaction of "*.text" leaves alone.
          if (settings.echoToConsole) log.info({ to: mail.to, subject: mail.subject }, `development mail to ${mail.to.join(", ")}: ${mail.subject}\n${mail.text}`);
          callback();
        });
      },
    });
    const server = localServer;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    localSmtpUrl = `smtp://127.0.0.1:${port}`;
    log.debug({ port }, "local SMTP server capturing mail");
  }

  const sending = new Set<Promise<unknown>>();
  return {
    captured,
    localSmtpUrl,
    async send(mail, options = {}) {
      const sent = transport.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: options.messageId });
      sending.add(sent);
      try {
        await sent;
      } finally {
        sending.delete(sent);
      }
      // Never log the body: it carries the link's secret.
      log.info({ subject: mail.subject }, "mail sent");
    },
    async idle() {
      while (sending.size) await Promise.allSettled([...sending]);
    },
    async close() {
      transport.close();
      if (localServer) await new Promise<void>((resolve) => localServer.close(() => resolve()));
    },
  };
}

function parseMessage(raw: string, to: string[]): CapturedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const body = raw.slice(split).trim();
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const text =
    encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return {
    to,
    subject: decodeEncodedWords(header("Subject")),
    text: text.replace(/\r\n/g, "\n"),
    receivedAt: new Date(),
    messageId: header("Message-ID"),
  };
}

function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 words, as nodemailer writes non-ASCII subjects ("=?UTF-8?Q?Inbjudan_till_Remissbanken?="). */
function decodeEncodedWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeQuotedPrintable(data.replace(/_/g, " ")),
    );
}

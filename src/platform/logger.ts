import type * as vscode from 'vscode';

/** Where the extension writes what it does. Tests pass `nullLogger`. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/** A Logger backed by the "Coaching Journal" log output channel (its level is the user's choice). */
export class OutputChannelLogger implements Logger {
  constructor(private readonly channel: vscode.LogOutputChannel) {}

  trace(message: string): void {
    this.channel.trace(message);
  }

  debug(message: string): void {
    this.channel.debug(message);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string | Error): void {
    this.channel.error(message);
  }
}

export const nullLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

import { z } from 'zod';
import { listCalls, type AtlasError, type ErrorCode, type Handlers, type Result } from '../../shared/contract';
import { isCodedError, type CodedErrorCode } from '../../shared/codedError';

/** An error a handler throws on purpose, with a code the renderer can act on. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Routes one call: (channel, raw input, is the sender trusted) → result envelope. */
export type Invoker = (channel: string, input: unknown, trustedSender: boolean) => Promise<Result<unknown>>;

/**
 * Builds the single dispatcher every transport uses (Electron's ipcMain, the test harness): unknown
 * channels and untrusted senders are refused, input is parsed from `unknown` with the contract's
 * schema, and every outcome, thrown errors included, becomes a `Result`.
 */
export function createInvoker(handlers: Handlers, log: (message: string, error: unknown) => void = () => {}): Invoker {
  const table = new Map(
    listCalls().map((entry) => {
      const area = (handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>)[entry.area];
      const handler = area?.[entry.verb];
      if (!handler) throw new Error(`No handler for ${entry.channel}`);
      return [entry.channel, { schema: entry.input, handler }] as const;
    }),
  );

  return async (channel, input, trustedSender) => {
    const route = table.get(channel);
    if (!route) return failure('unknown-channel', `Unknown channel: ${String(channel).slice(0, 100)}`);
    if (!trustedSender) return failure('forbidden', 'The sender is not allowed to call the atlas.');
    const parsed = route.schema.safeParse(input);
    if (!parsed.success) return failure('invalid-input', z.prettifyError(parsed.error));
    try {
      return { ok: true, value: await route.handler(parsed.data) };
    } catch (error) {
      if (error instanceof HandlerError) return failure(error.code, error.message);
      if (isCodedError(error)) return failure(storeCode(error.code), error.message, error.code);
      log(`Handler for ${channel} failed`, error);
      return failure('internal', error instanceof Error ? error.message : String(error));
    }
  };
}

function failure(code: ErrorCode, message: string, reason?: CodedErrorCode): { ok: false; error: AtlasError } {
  return { ok: false, error: reason ? { code, message, reason } : { code, message } };
}

function storeCode(code: CodedErrorCode): ErrorCode {
  if (code === 'invalid-input' || code === 'not-found') return code;
  return 'failed';
}

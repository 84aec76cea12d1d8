/**
 * Ctrl+C (SIGINT), SIGTERM and a closed terminal (SIGHUP) for `npm run import` and
 * `npm run new`. Node runs a signal handler only between event-loop turns, so where an
 * interruption lands depends on the command's phase:
 * - before the write: the command stops at once; its locks are released at exit and nothing
 *   has been written;
 * - during the write: `signal` is aborted; the write (write.ts) puts back every step it did
 *   and throws InterruptedError, which the command reports;
 * - after the write: the command stops at once, saying the year was completely written.
 * Either way it prints one Chinese line and exits with 130.
 */
import { InterruptedError } from './errors.ts';

export type Phase = 'before' | 'writing' | 'after';

export interface Interruptions {
  signal: AbortSignal;
  /** Tells the handler which phase the command is in. */
  enter(phase: Phase): void;
  /** Removes the handlers. */
  dispose(): void;
}

/** The exit code of a command stopped by Ctrl+C, as shells report it. */
export const INTERRUPTED_EXIT_CODE = 130;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Prints the line for an interruption and exits with 130 (locks are released on exit: lock.ts). */
export function stopInterrupted(error: InterruptedError): never {
  console.error(error.message);
  process.exit(INTERRUPTED_EXIT_CODE);
}

/** Installs the handlers; the command moves through the phases with `enter`. */
export function catchInterruptions(): Interruptions {
  const controller = new AbortController();
  let phase: Phase = 'before';
  const onSignal = () => {
    if (phase === 'writing') controller.abort();
    else stopInterrupted(new InterruptedError(phase === 'after'));
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  return {
    signal: controller.signal,
    enter: (next) => {
      phase = next;
    },
    dispose: () => {
      for (const s of SIGNALS) process.off(s, onSignal);
    },
  };
}

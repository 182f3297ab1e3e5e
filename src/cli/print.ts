// Every line a command prints goes through the context made here: the one place where output is
// sent to the terminal or, with --output FILE, collected and written to that file.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/exit.js';
import type { CliContext } from './command.js';

export interface Printer {
  ctx: CliContext;
  /** Writes what was collected for --output; nothing without it. */
  flush(): Promise<void>;
}

export function printerFor(ctx: CliContext, outputFile: string | undefined, color: boolean): Printer {
  if (outputFile === undefined) return { ctx: { ...ctx, color }, flush: async () => {} };
  const parts: string[] = [];
  const file = path.resolve(ctx.cwd, outputFile);
  return {
    // A file gets no colour codes unless FORCE_COLOR asks for them.
    ctx: { ...ctx, color: ctx.env.FORCE_COLOR !== undefined && color, stdout: (t) => void parts.push(t), workflowCommands: (t) => void parts.push(t) },
    async flush() {
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, parts.join(''));
      } catch (err) {
        throw new UsageError(`--output ${outputFile}: cannot write the report (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
    },
  };
}

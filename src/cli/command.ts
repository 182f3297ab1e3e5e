// What a CLI command is: its options (for util.parseArgs and --help) and its run function.
import type { Config } from '../core/config.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** Allowed values of a string option, checked before run. */
  values?: readonly string[];
  /** Placeholder shown in --help, e.g. DIR. */
  arg?: string;
  default?: string;
}

export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal: colour (unless NO_COLOR) only then. */
  isTTY: boolean;
  /** stderr is a terminal: live progress only then. Default: isTTY. */
  stderrIsTTY?: boolean;
  /** Paint the output: decided once by main from NO_COLOR, FORCE_COLOR and isTTY. */
  color?: boolean;
  /**
   * Where `--format github` writes its workflow commands: stdout past the guard that neutralises
   * `::` at a line's start (every command's values are escaped by the formatter itself, so one
   * finding is one command and cannot start another). Default: stdout.
   */
  workflowCommands?: (text: string) => void;
}

export interface CommandInput {
  root: string;
  config: Config;
  /** Path of the config file that was read, or null when defaults were used. */
  configFile: string | null;
  options: Record<string, string | boolean | undefined>;
}

export interface Command {
  name: string;
  summary: string;
  /** Extra lines for `odyssey <command> --help`. */
  details?: string;
  options: Record<string, OptionSpec>;
  run(input: CommandInput, ctx: CliContext): Promise<number>;
}

/** The options of every command that reports findings (`--format`, `--output`). */
export function reportOptions(formats: readonly string[]): Record<string, OptionSpec> {
  return {
    format: { type: 'string', values: formats, default: 'text', description: `output format: ${formats.join(', ')} (default: text)` },
    output: { type: 'string', arg: 'FILE', description: 'write the report to FILE instead of the terminal (the exit code is the same)' },
  };
}

export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  root: { type: 'string', arg: 'DIR', description: 'the repository root (default: .)' },
  config: { type: 'string', arg: 'FILE', description: 'the configuration file (default: .odyssey.yml in the root)' },
  help: { type: 'boolean', description: 'show this help' },
};

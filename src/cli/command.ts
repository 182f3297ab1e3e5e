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
  /** Colour and live progress only on a terminal. */
  isTTY: boolean;
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

export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  root: { type: 'string', arg: 'DIR', description: 'the repository root (default: .)' },
  config: { type: 'string', arg: 'FILE', description: 'the configuration file (default: .odyssey.yml in the root)' },
  help: { type: 'boolean', description: 'show this help' },
};

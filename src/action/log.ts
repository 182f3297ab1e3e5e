// The action's one way to write a plain log line. `core.info` writes its text as is, and the
// runner takes any line starting with `::` as a workflow command; a module folder, title, URL or
// message can hold a newline followed by `::error::…`. Every info line goes through the same sink
// as the CLI's output (core/render/safe-output.ts), with credentials in URLs hidden. Annotations,
// notices, debug lines and setFailed go through @actions/core's own command writer, which
// escapes `%`, CR and LF in their data.
import * as core from '@actions/core';
import { hideCredentials } from '../core/links/hide-credentials.js';
import { safeOutput } from '../core/render/safe-output.js';

export function info(text: string): void {
  core.info(safeOutput(hideCredentials(text)));
}

// Whether to paint the output (no-color.org, force-color.org): FORCE_COLOR forces it (FORCE_COLOR=0
// or false turns it off), a non-empty NO_COLOR turns it off, otherwise only on a terminal.
// FORCE_COLOR wins over NO_COLOR when both are set, as in Node itself.
export function useColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(0|false)$/i.test(force.trim());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

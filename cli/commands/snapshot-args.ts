/**
 * The argument forms of the snapshot commands, which the generic table in args.ts cannot express
 * (a subcommand, a positional file, a flag taking two files):
 * - `runrate snapshot lock --contracts FILE --as-of DATE --out FILE [--force]`
 * - `runrate snapshot verify FILE`
 * - `runrate bridge --snapshots A B` and `runrate retention --snapshots A B` (also
 *   `--snapshots A --snapshots B`).
 * Returns null when the command line is not one of these forms (args.ts then applies its table).
 */
export interface SnapshotForm {
  /** How usage errors name it: `snapshot lock`, `bridge --snapshots`. */
  name: string;
  /** The flags the form accepts and requires (besides --help). */
  allowed: readonly string[];
  required: readonly string[];
  options: {
    snapshotAction?: 'lock' | 'verify';
    verifyFile?: string;
    snapshots?: [string, string];
  };
}

const COMMON = ['policy', 'set', 'rates', 'json'];

export function snapshotForm(
  command: string,
  snapshots: string[] | undefined,
  positionals: string[],
): SnapshotForm | { error: string } | null {
  if (command === 'snapshot') {
    const action = positionals[1];
    if (action === 'lock') {
      if (positionals.length > 2) return { error: `unexpected argument ${JSON.stringify(positionals[2])}` };
      return {
        name: 'snapshot lock',
        allowed: ['contracts', 'as-of', 'out', 'force', ...COMMON],
        required: ['contracts', 'as-of', 'out'],
        options: { snapshotAction: 'lock' },
      };
    }
    if (action === 'verify') {
      if (positionals.length < 3)
        return { error: 'snapshot verify needs the snapshot file: runrate snapshot verify FILE' };
      if (positionals.length > 3) return { error: `unexpected argument ${JSON.stringify(positionals[3])}` };
      return {
        name: 'snapshot verify',
        allowed: ['json'],
        required: [],
        options: { snapshotAction: 'verify', verifyFile: positionals[2] },
      };
    }
    return {
      error:
        action === undefined
          ? 'snapshot needs lock or verify: runrate snapshot lock ... | runrate snapshot verify FILE'
          : `snapshot ${JSON.stringify(action)}: use lock or verify`,
    };
  }
  if ((command === 'bridge' || command === 'retention') && snapshots !== undefined) {
    const files = [...snapshots, ...positionals.slice(1)];
    if (files.length !== 2 || files.some((f) => f === '')) {
      return { error: `--snapshots needs two snapshot files, the earlier first: --snapshots A B` };
    }
    return {
      name: `${command} --snapshots`,
      allowed: ['snapshots', ...(command === 'bridge' ? ['detail'] : []), ...COMMON],
      required: [],
      options: { snapshots: [files[0], files[1]] },
    };
  }
  return null;
}

/** The command line of `npm run decrypt-export`, parsed without I/O so that it can be tested. */
export interface DecryptExportArgs {
  file: string;
  publicKey: string;
  out: string | null;
}

export const decryptExportUsage =
  "usage: npm run --silent decrypt-export -- <package.onrm> --public-key <key.pem> [--out <file.json>]\n" +
  "The passphrase is read from OPENNRM_EXPORT_PASSPHRASE, never from the command line (it would stay in the shell's history).\n";

export function parseDecryptExportArgs(argv: readonly string[]): DecryptExportArgs | null {
  let file: string | null = null;
  let publicKey: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--public-key") publicKey = argv[++i] ?? null;
    else if (arg === "--out") out = argv[++i] ?? null;
    else if (arg !== undefined && !arg.startsWith("--") && file === null) file = arg;
    else return null;
  }
  return file && publicKey ? { file, publicKey, out } : null;
}

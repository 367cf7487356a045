export interface Finding {
  /** Electronegativity's check id, e.g. `CONTEXT_ISOLATION_JS_CHECK`. */
  id: string;
  severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';
  confidence: string;
  /** Relative to the scanned tree. */
  file: string;
  line: number;
  /** The source line the finding points at. */
  sample: string;
  description: string;
  manualReview: boolean;
}

export interface Verdict {
  blocking: Finding[];
  setAside: Finding[];
  reported: Finding[];
  parseErrors: Array<{ file: string; message: string }>;
}

export interface LintResult extends Verdict {
  electronVersion: string;
  scanned: readonly string[];
}

export const SCANNED: readonly string[];
export const WINDOW_OPTION_CHECKS: ReadonlySet<string>;
export const WINDOW_SITE: RegExp;
export const MATERIALIZED_FILE: string;

/** A source file with `new BrowserWindow(<options>)` written inline for each variant. */
export function materializedWindows(variants: readonly unknown[]): string;

/** HIGH and unparsed files block; window-option findings at the app's window site are set aside; the rest is for review. */
export function judge(findings: readonly Finding[], parseErrors: ReadonlyArray<{ file: string; message: string }>): Verdict;

export function lintTree(dir: string, electronVersion: string): Promise<{ findings: Finding[]; parseErrors: Array<{ file: string; message: string }> }>;

export function installedElectronVersion(): string;

export function runSecurityLint(options: { root: string; windowOptions: readonly unknown[] }): Promise<LintResult>;

export function formatReport(result: LintResult): string;

/** Errors and warnings found in a backup, each with the path of the value it is about (`saved[12].title`). */
import { BACKUP_LIMITS } from './limits';

export interface BackupError {
  /** '' for the file as a whole, else e.g. `saved[12].links.hf`. */
  path: string;
  message: string;
}

export class Problems {
  readonly errors: BackupError[] = [];
  readonly warnings: string[] = [];
  private hiddenErrors = 0;
  private hiddenWarnings = 0;

  error(path: string, message: string): void {
    if (this.errors.length < BACKUP_LIMITS.maxErrors) this.errors.push({ path, message });
    else this.hiddenErrors++;
  }

  warn(message: string): void {
    if (this.warnings.length < BACKUP_LIMITS.maxWarnings) this.warnings.push(message);
    else this.hiddenWarnings++;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** The errors, plus one line saying how many more were found but not listed. */
  errorList(): BackupError[] {
    if (this.hiddenErrors === 0) return [...this.errors];
    return [...this.errors, { path: '', message: `…and ${this.hiddenErrors} more error${this.hiddenErrors === 1 ? '' : 's'} not listed.` }];
  }

  warningList(): string[] {
    if (this.hiddenWarnings === 0) return [...this.warnings];
    return [...this.warnings, `…and ${this.hiddenWarnings} more warning${this.hiddenWarnings === 1 ? '' : 's'} not listed.`];
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `saved[3]` + `title` → `saved[3].title`; odd keys are quoted: `settings["a b"]`. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

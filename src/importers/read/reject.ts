import { VigieError } from '../../core/errors.ts';
import type { RowIssue } from '../../core/issues.ts';

/** The error for a file that cannot be read at all: nothing from it may be stored. */
export function rejectInput(file: string, ...problems: RowIssue[]): VigieError {
  return new VigieError('INPUT_REJECTED', { file }, problems);
}

import { issue } from '../../core/issues.ts';
import type { RowIssue } from '../../core/issues.ts';
import { chooseEncoding, decodeText, EncodingFailure, encodingIssue } from './decode.ts';
import { jsonErrorOffset } from './json-error.ts';
import { countBreaks } from './line-breaks.ts';
import { readAllBytes } from './read-all.ts';
import { rejectInput } from './reject.ts';
import { notTextIssue, sniff } from './sniff.ts';
import { bufferSource } from './byte-source.ts';
import type { ByteSource, TextEncodingChoice } from './types.ts';

export interface JsonOptions {
  /**
   * Largest document accepted, in bytes. JSON is parsed whole, and V8 cannot hold a string of more than ~536 M
   * characters, so the default stays under that: 500 MB (the whole ACLED Africa API dump is far smaller).
   */
  maxBytes?: number;
  encoding?: TextEncodingChoice;
}

export const DEFAULT_MAX_JSON_BYTES = 500_000_000;

/**
 * Reads and parses a JSON document. Problems are thrown as VigieError('INPUT_REJECTED') with one issue: FILE_EMPTY,
 * FILE_TOO_LARGE, a wrong kind of file (gzip, zip, spreadsheet, binary), ENCODING_INVALID, FILE_TRUNCATED (the text
 * ends inside the document) or JSON_INVALID; the last two name the line (as `row`) and the column.
 */
export async function readJson(source: ByteSource, options: JsonOptions = {}): Promise<unknown> {
  const bytes = await readAllBytes(source, options.maxBytes ?? DEFAULT_MAX_JSON_BYTES);
  const format = sniff(bytes.subarray(0, 65536));
  const problem = notTextIssue(format);
  if (problem !== null) throw rejectInput(source.name, problem);
  const [encoding, bom] = chooseEncoding(options.encoding ?? 'auto', format);
  let text = '';
  try {
    for await (const piece of decodeText(bufferSource(source.name, bytes).chunks(), encoding, bom))
      text += piece;
  } catch (error) {
    if (!(error instanceof EncodingFailure)) throw error;
    throw rejectInput(source.name, encodingIssue(1 + countBreaks(text, 0, text.length), error));
  }
  if (text.trim() === '') throw rejectInput(source.name, issue(0, null, 'FILE_EMPTY'));
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError || error instanceof RangeError)) throw error;
    throw rejectInput(source.name, syntaxIssue(text));
  }
}

function syntaxIssue(text: string): RowIssue {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return issue(0, null, 'JSON_INVALID'); // parse failed where the grammar did not (e.g. too deep)
  const line = 1 + countBreaks(text, 0, offset);
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const position = { line, column: offset - lineStart + 1 };
  return offset >= text.length
    ? issue(line, null, 'FILE_TRUNCATED', position)
    : issue(line, null, 'JSON_INVALID', {
        ...position,
        // The offending text and where, in a notation that needs no translation.
        reason: `${JSON.stringify(text.slice(offset, offset + 12))} @ ${line}:${position.column}`,
      });
}

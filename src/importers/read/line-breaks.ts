const LF = 10;

/** Line breaks in text[from, to): each CRLF, LF or lone CR counts once, as in a text editor's line numbers. */
export function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1)) {
    if (i + 1 >= to || text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

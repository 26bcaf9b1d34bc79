/**
 * Where a JSON text goes wrong. V8's JSON.parse messages give a position only for some errors ("Unexpected token
 * '}', … is not valid JSON" has none), and message wording is not an API, so after JSON.parse fails this small
 * validator walks the text (iteratively: a hostile file may nest a million brackets) to the first bad character.
 */

const ARRAY = 1;
const OBJECT = 2;

const VALUE = 0; // a value is expected
const FIRST_IN_ARRAY = 1; // a value or ']'
const FIRST_KEY = 2; // a key or '}'
const KEY = 3;
const COLON = 4;
const AFTER = 5; // ',' or the container's closing bracket
const END = 6; // only white space may follow

/** Offset of the first offending character; text.length when the text ends too early; -1 when it is valid. */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: number[] = [];
  let state = VALUE;
  let i = 0;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= n) return state === END ? -1 : n;
    const c = text[i] as string;
    const after = (): number => (stack.length === 0 ? END : AFTER);
    switch (state) {
      case VALUE:
      case FIRST_IN_ARRAY: {
        if (c === ']' && state === FIRST_IN_ARRAY) {
          stack.pop();
          i++;
          state = after();
        } else if (c === '[' || c === '{') {
          stack.push(c === '[' ? ARRAY : OBJECT);
          i++;
          state = c === '[' ? FIRST_IN_ARRAY : FIRST_KEY;
        } else {
          const end =
            c === '"'
              ? stringEnd(text, i)
              : c === '-' || (c >= '0' && c <= '9')
                ? numberEnd(text, i)
                : literalEnd(text, i);
          if (end < 0) return -end - 1;
          i = end;
          state = after();
        }
        break;
      }
      case FIRST_KEY:
      case KEY:
        if (c === '}' && state === FIRST_KEY) {
          stack.pop();
          i++;
          state = after();
        } else if (c === '"') {
          const end = stringEnd(text, i);
          if (end < 0) return -end - 1;
          i = end;
          state = COLON;
        } else {
          return i;
        }
        break;
      case COLON:
        if (c !== ':') return i;
        i++;
        state = VALUE;
        break;
      case AFTER: {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          state = top === ARRAY ? VALUE : KEY;
        } else if ((c === ']' && top === ARRAY) || (c === '}' && top === OBJECT)) {
          stack.pop();
          i++;
          state = after();
        } else {
          return i;
        }
        break;
      }
      default:
        return i; // END: something after the top-level value
    }
  }
}

// The helpers return the offset just past the token, or -(error offset) - 1.

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code < 0x20) return -i - 1;
    if (code === 92) {
      const escape = text[i + 1];
      if (escape === undefined) return -text.length - 1;
      if (escape === 'u') {
        for (let k = 2; k <= 5; k++) {
          if (i + k >= text.length) return -text.length - 1;
          if (!/[0-9a-fA-F]/.test(text[i + k] as string)) return -(i + k) - 1;
        }
        i += 5;
      } else if ('"\\/bfnrt'.includes(escape)) {
        i++;
      } else {
        return -(i + 1) - 1;
      }
    }
  }
  return -text.length - 1;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function numberEnd(text: string, start: number): number {
  NUMBER.lastIndex = start;
  const found = NUMBER.exec(text);
  if (found === null) return start + 1 >= text.length ? -text.length - 1 : -(start + 1) - 1; // "-" then no digit
  const end = start + found[0].length;
  // A number cut short at the very end of the text ("1.", "2e", "2e+") is a truncation.
  if (text.length - end <= 2 && /^(?:\.|[eE][+-]?)$/.test(text.slice(end))) return -text.length - 1;
  if (end < text.length && /[.eE+\-0-9]/.test(text[end] as string)) return -end - 1;
  return end;
}

function literalEnd(text: string, start: number): number {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return start + literal.length;
    const rest = text.slice(start);
    if (rest.length < literal.length && literal.startsWith(rest)) return -text.length - 1;
  }
  return -start - 1;
}

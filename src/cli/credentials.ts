import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { VigieError } from '../core/errors.ts';
import type { Io } from './output.ts';

/**
 * A password from --password, VIGIE_PASSWORD, a prompt without echo on a terminal, or the first line of stdin
 * (for scripts: `printf '%s\n' "$PW" | vigie users add …`). Never a default.
 */
export async function readPassword(io: Io, given: string | undefined, prompt: string): Promise<string> {
  if (given !== undefined) return given;
  const fromEnv = io.env['VIGIE_PASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const stdin = io.stdin as NodeJS.ReadStream;
  if (stdin.isTTY) return promptHidden(io, prompt);
  const line = await firstLine(io.stdin);
  if (line === null || line === '')
    throw new VigieError('BAD_USAGE', { reason: 'password: --password, VIGIE_PASSWORD or stdin' });
  return line;
}

function firstLine(stream: NodeJS.ReadableStream): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (value: string | null) => {
      stream.removeAllListeners('data');
      resolve(value);
    };
    stream.on('data', (chunk: Buffer | string) => {
      text += chunk.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) done(text.slice(0, nl).replace(/\r$/, ''));
    });
    stream.on('end', () => done(text === '' ? null : text.replace(/\r?\n$/, '')));
    stream.on('error', reject);
  });
}

function promptHidden(io: Io, prompt: string): Promise<string> {
  io.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _enc, cb) => cb() });
  const rl = createInterface({ input: io.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      io.stderr.write('\n');
      resolve(answer);
    });
  });
}

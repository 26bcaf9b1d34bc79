/**
 * The HTTP server as a subprocess with its logger on (pino JSON on stdout), for the canary test: the test
 * captures stdout and stderr to files and searches them. Arguments: TARGET_JSON KEY_FILE ADDRESS_FILE.
 * Run with `node --import tsx test/support/canary-server.ts …`.
 */
import { writeFileSync } from 'node:fs';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import type { StorageTarget } from '../../src/storage/open.ts';

const [targetJson, keyFile, addressFile] = process.argv.slice(2);
if (!targetJson || !keyFile || !addressFile)
  throw new Error('usage: canary-server TARGET_JSON KEY_FILE ADDRESS_FILE');
const vigie = await openVigie(JSON.parse(targetJson) as StorageTarget, { keyFile });
const app = await buildHttpApp(vigie, { logger: true });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
writeFileSync(addressFile, address);
await new Promise<void>((resolve) => {
  process.once('SIGTERM', resolve);
  process.once('SIGINT', resolve);
});
await app.close();
await vigie.close();

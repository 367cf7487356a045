import { writeSync } from 'node:fs';
import { writeFileAtomic } from '../atomicFile';

/**
 * Child process of the atomic-write crash test: rewrites `file` with ever newer versions
 * (a `{"version":n}` line, then `size` bytes of `a` or `b` by parity), printing each version
 * once writeFileAtomic has returned, until killed. The bodies are built once, so nearly all
 * the time goes into writing and syncing.
 */
const [file, size] = process.argv.slice(2);
if (!file || !size) throw new Error('usage: rewriteForever FILE SIZE');
const bodies = ['a', 'b'].map((char) => Buffer.alloc(Number(size), char));
for (let version = 1; ; version += 1) {
  writeFileAtomic(file, Buffer.concat([Buffer.from(`${JSON.stringify({ version })}\n`), bodies[version % 2] ?? Buffer.alloc(0)]));
  // fd 1 directly: the loop never yields, and stdout to a pipe is asynchronous on some systems.
  writeSync(1, `${version}\n`);
}

// The command line over lib/: `npm run -s isnad -- <command> ...`. Each command is a module in
// cli/commands/ exporting `usage` and `run(argv)`, which returns what is printed as JSON.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage } from '../lib/errors';

interface Command {
  usage: string;
  run(argv: string[]): Promise<unknown> | unknown;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
const NAMES = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

async function usage(): Promise<string> {
  const lines = await Promise.all(NAMES.map(async (n) => `  ${((await import(join(dir, `${n}.ts`))) as Command).usage}`));
  return `usage: npm run -s isnad -- <command> [options]\n${lines.join('\n')}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || !NAMES.includes(command)) {
    process.stderr.write(`${command ? `isnad: unknown command "${command}"\n` : ''}${await usage()}\n`);
    return 1;
  }
  try {
    const mod = (await import(join(dir, `${command}.ts`))) as Command;
    const result = await mod.run(rest);
    if (result !== undefined) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    // One line on stderr naming the file and the reason; no stack for the reader.
    const msg = errorMessage(e);
    process.stderr.write(`isnad ${command}: ${msg.split('\n')[0]}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

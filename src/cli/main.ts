// The parallax executable: runs the CLI on the process's arguments and sets the exit code.
import { processIo } from './io.js';
import { runCli } from './run-cli.js';

// A reader closing the pipe early (`parallax analyze ... | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo());

// `npm run import -- PATH... [--data DIR]`: brings a Strava or Garmin export (or GPS files) into
// the journal as trimmed, publishable files, and prints what it added and the wins it brought.
import { runImport } from '../src/lib/import/import-command.ts';
import { journalSource } from '../src/lib/journal-source.ts';
import { runCli } from './cli.ts';

await runCli(async () => {
  const { dataDir, today } = journalSource();
  const outcome = await runImport(process.argv.slice(2), {
    defaultData: dataDir,
    journalToday: today,
    progress: { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text), now: () => performance.now() },
  });
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  return outcome.exitCode;
});

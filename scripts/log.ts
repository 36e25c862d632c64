// `npm run log -- [DATE] DISTANCE [TIME] [TITLE] [--feeling 2 --nonstop ...]`: appends one run to
// the journal and prints the wins it earned. The clock is read here only, for the default date.
import { logRun } from '../src/lib/log/log-run.ts';
import { journalSource } from '../src/lib/journal-source.ts';
import { runCli, todayFromEnv } from './cli.ts';

await runCli(async () => {
  const outcome = await logRun(process.argv.slice(2), {
    now: new Date(),
    defaultData: journalSource().dataDir,
    journalToday: todayFromEnv(),
  });
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  return outcome.exitCode;
});

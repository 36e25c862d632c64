// KIND_INFO is the one table of kinds: its descriptions say the numbers the engine applies (a
// changed threshold or ladder changes its description), and its headline mark is the rule.
import { describe, expect, it } from 'vitest';
import { isHeadline, KIND_INFO, WIN_KINDS } from '../../src/lib/model/kinds.ts';
import { BAD_DAY_LADDER, DAILY_STREAK_LADDER, EDDINGTON_RUNGS, LIFETIME_LADDER, RUN_COUNT_LADDER, WEEKLY_STREAK_LADDER } from '../../src/lib/model/rungs.ts';
import { BAD_DAY_FEELING, COMEBACK_DAYS, LONGEST_RUN_MIN_STEP, NEW_RUNNER_WEEKS } from '../../src/lib/model/thresholds.ts';

describe('KIND_INFO', () => {
  it('describes every kind', () => {
    expect(Object.keys(KIND_INFO).sort()).toEqual([...WIN_KINDS].sort());
    for (const kind of WIN_KINDS) expect(KIND_INFO[kind].description, kind).toMatch(/^[A-Z].*\.$/);
  });

  it('quotes the thresholds and ladders the engine applies', () => {
    expect(KIND_INFO.comeback.description).toContain(`${COMEBACK_DAYS} days`);
    expect(KIND_INFO.eddington.description).toContain(`${EDDINGTON_RUNGS.slice(0, -1).join(', ')} or ${EDDINGTON_RUNGS.at(-1)}`);
    expect(KIND_INFO['daily-streak'].description).toContain(DAILY_STREAK_LADDER.rungs.slice(0, 4).join(', '));
    expect(KIND_INFO['weekly-streak'].description).toContain(WEEKLY_STREAK_LADDER.rungs.slice(0, 5).join(', '));
    expect(KIND_INFO['run-count'].description).toContain(`${RUN_COUNT_LADDER.rungs[0]}th`);
    expect(KIND_INFO['total-distance'].description).toContain(`every 1,000 after`);
    expect(LIFETIME_LADDER.step).toBe(1000);
    expect(KIND_INFO['showed-up'].description).toContain(`feeling 1 or ${BAD_DAY_FEELING}`);
    expect(KIND_INFO['showed-up'].description).toContain(`${BAD_DAY_LADDER.rungs[0]}st, ${BAD_DAY_LADDER.rungs[1]}rd`);
    expect(KIND_INFO['longest-run'].description).toContain(`first ${NEW_RUNNER_WEEKS} weeks of running at least ${LONGEST_RUN_MIN_STEP} m longer`);
    expect(KIND_INFO['nonstop-first'].description).toContain('from 1 km up to 10K');
    expect(KIND_INFO['biggest-week'].description).toContain('the last biggest week celebrated');
  });

  it('marks the kinds that are always a headline, whatever their figure', () => {
    const always = WIN_KINDS.filter((kind) => KIND_INFO[kind].alwaysHeadline);
    expect(always).toEqual(['first-run', 'nonstop-first', 'comeback', 'back-to-form', 'goal-achieved', 'anniversary', 'custom']);
    for (const kind of WIN_KINDS) expect(isHeadline(kind, 1, 'km'), kind).toBe(always.includes(kind));
  });
});

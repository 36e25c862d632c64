// The records table on /progress/: the engine's standings (see wins/standings.ts).
export { recordRows, type RecordRow, type RecordWin } from '../wins/standings.ts';

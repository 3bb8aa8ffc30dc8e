// A Debian program run as a child process with a time limit and a cap on what it may print:
// poppler's pdftoppm and tesseract for OCR (src/source/ocr/), pdftoppm for a printed page
// (src/api/page-images.ts). Reading a page never blocks a thread and never waits forever; only
// the child this module started is ever killed. Shared by the write side (source) and the read
// side (api), so it lives with neither.
import { spawn } from 'node:child_process';

/** A program that failed, timed out or is missing (what the caller does then is its own). */
export class ProgramError extends Error {
  constructor(
    readonly program: string,
    readonly reason: 'MISSING' | 'TIMEOUT' | 'FAILED' | 'OUTPUT_TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'ProgramError';
  }
}

/** Runs `program args` with `input` on stdin; its stdout, or an ProgramError. */
export function runProgram(program: string, args: readonly string[], input: Uint8Array | null, timeoutMs: number, maxOutput: number, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    let failure: ProgramError | null = null;
    const stop = (e: ProgramError) => {
      failure ??= e;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new ProgramError(program, 'TIMEOUT', `${program} took longer than ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > maxOutput) stop(new ProgramError(program, 'OUTPUT_TOO_LARGE', `${program} printed more than ${maxOutput} bytes`));
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 2000) err += b.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new ProgramError(program, 'MISSING', `${program} is not installed`) : new ProgramError(program, 'FAILED', `${program} could not start (${e.message})`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0) reject(new ProgramError(program, 'FAILED', `${program} stopped (${signal ?? `exit ${code}`}): ${err.trim().split('\n').slice(-1)[0] ?? ''}`.trim()));
      else resolve(Buffer.concat(out));
    });
    // A child that exits before reading all its input closes the pipe: its exit code says why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? undefined);
  });
}

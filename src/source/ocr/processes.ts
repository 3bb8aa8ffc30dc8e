// The two programs OCR runs, Debian's own: poppler's pdftoppm (a page → gray pixels) and
// tesseract (pixels → words with boxes and confidences). Each is a child process with a time
// limit and a cap on what it may print: reading a page never blocks the thread (the parse
// worker's, src/load/parse-off-thread.ts) and never waits forever. Only the child this module
// started is ever killed.
import { spawn } from 'node:child_process';

/** A program that failed, timed out or is missing: the page it was for is named as not read. */
export class OcrProgramError extends Error {
  constructor(
    readonly program: string,
    readonly reason: 'MISSING' | 'TIMEOUT' | 'FAILED' | 'OUTPUT_TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'OcrProgramError';
  }
}

/** Runs `program args` with `input` on stdin; its stdout, or an OcrProgramError. */
export function runProgram(program: string, args: readonly string[], input: Uint8Array | null, timeoutMs: number, maxOutput: number, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    const out: Buffer[] = [];
    let size = 0;
    let err = '';
    let failure: OcrProgramError | null = null;
    const stop = (e: OcrProgramError) => {
      failure ??= e;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(new OcrProgramError(program, 'TIMEOUT', `${program} took longer than ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > maxOutput) stop(new OcrProgramError(program, 'OUTPUT_TOO_LARGE', `${program} printed more than ${maxOutput} bytes`));
      else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 2000) err += b.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new OcrProgramError(program, 'MISSING', `${program} is not installed`) : new OcrProgramError(program, 'FAILED', `${program} could not start (${e.message})`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0) reject(new OcrProgramError(program, 'FAILED', `${program} stopped (${signal ?? `exit ${code}`}): ${err.trim().split('\n').slice(-1)[0] ?? ''}`.trim()));
      else resolve(Buffer.concat(out));
    });
    // A child that exits before reading all its input closes the pipe: its exit code says why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? undefined);
  });
}

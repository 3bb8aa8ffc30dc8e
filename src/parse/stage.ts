// A stage of a pipeline // 流程阶段, and the pipeline that chains them: each stage a named, typed
// function with a one-line purpose and what it shows when a run stops after it (--stage=NAME).
// The chain is typed: a stage's input is the output of the one before it, checked when the list
// is written (src/parse/pipeline.ts, src/load/pipeline.ts).
import { BudgetGraphError } from '../errors.js';

/** One step of the reading: its name (for --stage), what it does in a line, and what it shows. */
export interface Stage<In, Out> {
  name: string;
  purpose: string;
  run(input: In): Out;
  /** What --stage=NAME prints of the output: the part this stage made. JSON-ready but for bigints. */
  show(output: Out): unknown;
}

/** The stages' names and purposes, in order: what --stage=list prints. */
export interface StageInfo {
  name: string;
  purpose: string;
}

/** The run stopped after the stage asked for: what that stage shows. */
class Stopped {
  constructor(readonly stage: string, readonly shown: unknown) {}
}

/**
 * Stages chained so each one's input is the output before it (checked when the list is written);
 * `run` goes through them all, `show` stops after the named one.
 */
export class Pipeline<In, Out> {
  private constructor(
    readonly stages: readonly StageInfo[],
    private readonly step: (input: In, until: string | null) => Out | Stopped,
  ) {}

  static start<In>(): Pipeline<In, In> {
    return new Pipeline<In, In>([], (input) => input);
  }

  then<Next>(stage: Stage<Out, Next>): Pipeline<In, Next> {
    return new Pipeline<In, Next>([...this.stages, { name: stage.name, purpose: stage.purpose }], (input, until) => {
      const before = this.step(input, until);
      if (before instanceof Stopped) return before;
      const output = stage.run(before);
      return until === stage.name ? new Stopped(stage.name, stage.show(output)) : output;
    });
  }

  run(input: In): Out {
    const out = this.step(input, null);
    if (out instanceof Stopped) throw new BudgetGraphError('INTERNAL', `pipeline stopped at ${out.stage} without being asked`);
    return out;
  }

  /** Runs up to and including the stage named, and gives what it shows. Throws UnknownStageError. */
  show(input: In, name: string): unknown {
    if (!this.stages.some((s) => s.name === name)) throw new UnknownStageError(name, this.stages);
    const out = this.step(input, name);
    if (!(out instanceof Stopped)) throw new BudgetGraphError('INTERNAL', `stage ${name} listed but never reached`);
    return out.shown;
  }
}

/** A stage asked for by a name no stage has (a typo in --stage). */
export class UnknownStageError extends BudgetGraphError {
  constructor(name: string, stages: readonly StageInfo[]) {
    super('BAD_USER_INPUT', `no stage "${name}"; the stages are ${stages.map((s) => s.name).join(', ')} (--stage=list says what each does)`, { stage: name });
    this.name = 'UnknownStageError';
  }
}

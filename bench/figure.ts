/**
 * One measured figure and its target. `pass` and `ratio` are always computed
 * here from the measured numbers, never written by a benchmark.
 */

export type Comparison = '<' | '>' | '<=' | '>=';

export interface Target {
  op: Comparison;
  value: number;
}

/**
 * How a ratio is derived when a figure has a baseline:
 * - 'baseline/value': a speed-up (the baseline took N times longer than we did);
 * - 'value/baseline': an overhead (we took N times the baseline, e.g. the floor).
 */
export type RatioOf = 'baseline/value' | 'value/baseline';

/** What a benchmark reports. */
export interface FigureSpec {
  name: string;
  value: number;
  unit: string;
  /** The same quantity measured another way in the same run (the naive query, the floor). */
  baseline?: number;
  ratioOf?: RatioOf;
  target: Target;
  /** Which number the target is about; 'ratio' needs a baseline and ratioOf. Default 'value'. */
  targetOn?: 'value' | 'ratio';
  /** One line saying how the figure was taken (sample size, definition). */
  note?: string;
}

/** One entry of results.json. */
export interface FigureResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  ratioOf: RatioOf | null;
  target: Target;
  targetOn: 'value' | 'ratio';
  pass: boolean;
  note: string | null;
}

export function compare(actual: number, target: Target): boolean {
  if (!Number.isFinite(actual)) return false;
  switch (target.op) {
    case '<':
      return actual < target.value;
    case '>':
      return actual > target.value;
    case '<=':
      return actual <= target.value;
    case '>=':
      return actual >= target.value;
  }
}

function ratioFor(value: number, baseline: number, ratioOf: RatioOf): number | null {
  const [top, bottom] = ratioOf === 'baseline/value' ? [baseline, value] : [value, baseline];
  return bottom > 0 ? top / bottom : null;
}

export function toResult(spec: FigureSpec): FigureResult {
  const targetOn = spec.targetOn ?? 'value';
  if (targetOn === 'ratio' && (spec.baseline === undefined || spec.ratioOf === undefined)) {
    throw new Error(`figure ${spec.name}: a target on the ratio needs a baseline and ratioOf`);
  }
  const baseline = spec.baseline ?? null;
  const ratioOf = baseline === null ? null : (spec.ratioOf ?? null);
  const ratio = baseline === null || ratioOf === null ? null : ratioFor(spec.value, baseline, ratioOf);
  const subject = targetOn === 'ratio' ? ratio : spec.value;
  return {
    name: spec.name,
    value: spec.value,
    unit: spec.unit,
    baseline,
    ratio,
    ratioOf,
    target: spec.target,
    targetOn,
    pass: subject !== null && compare(subject, spec.target),
    note: spec.note ?? null,
  };
}

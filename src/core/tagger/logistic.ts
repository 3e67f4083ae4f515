/**
 * One-vs-rest logistic regression on sparse binary features, trained by full-batch gradient descent
 * with per-weight adaptive steps (AdaGrad) and L2 regularisation. Small and dependency-free: the
 * training corpus is a few hundred answers, so a fit takes milliseconds.
 */

/** One example: the indices of the features it holds (each counts 1). */
export type SparseRow = readonly number[];

export interface BinaryWeights {
  bias: number;
  weights: Float64Array;
}

export interface FitOptions {
  /** L2 penalty per weight (the bias is not penalised). */
  l2: number;
  iterations: number;
  /** AdaGrad base step. */
  step: number;
}

export const DEFAULT_FIT: FitOptions = { l2: 0.001, iterations: 300, step: 0.5 };

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function fitBinary(
  rows: readonly SparseRow[],
  labels: readonly boolean[],
  featureCount: number,
  options: FitOptions = DEFAULT_FIT,
): BinaryWeights {
  const n = rows.length;
  const weights = new Float64Array(featureCount);
  const gradient = new Float64Array(featureCount);
  const squared = new Float64Array(featureCount);
  const positives = labels.filter(Boolean).length;
  let bias = n === 0 ? 0 : Math.log((positives + 0.5) / (n - positives + 0.5));
  let biasSquared = 0;
  const active = new Set<number>();
  for (const row of rows) for (const f of row) active.add(f);
  const used = [...active];
  for (let it = 0; it < options.iterations; it += 1) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let i = 0; i < n; i += 1) {
      const row = rows[i] ?? [];
      let z = bias;
      for (const f of row) z += weights[f] ?? 0;
      const error = sigmoid(z) - (labels[i] ? 1 : 0);
      biasGradient += error;
      for (const f of row) gradient[f] = (gradient[f] ?? 0) + error;
    }
    biasGradient /= n;
    biasSquared += biasGradient * biasGradient;
    bias -= (options.step * biasGradient) / (Math.sqrt(biasSquared) + 1e-8);
    for (const f of used) {
      const w = weights[f] ?? 0;
      const g = (gradient[f] ?? 0) / n + options.l2 * w;
      const s = (squared[f] ?? 0) + g * g;
      squared[f] = s;
      weights[f] = w - (options.step * g) / (Math.sqrt(s) + 1e-8);
    }
  }
  return { bias, weights };
}

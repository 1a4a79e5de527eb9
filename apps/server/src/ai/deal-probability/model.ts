import { FEATURE_NAMES, type DealFeatures, type DealFeaturesRow } from './features';

/**
 * A logistic regression over standardised deal features, fitted on one organization's closed
 * deals. Plain JSON data, so it can be stored per organization and refit by a job.
 */
export interface DealModel {
  version: 1;
  featureNames: string[];
  /** Per-feature mean and scale used to standardise inputs before the weights apply. */
  means: number[];
  scales: number[];
  weights: number[];
  intercept: number;
  /** Closed deals it was fitted on, and how many of them were won. */
  trainingSize: number;
  wonCount: number;
  /** L2 penalty on the standardised weights (the intercept is not penalised). */
  l2: number;
}

export const MIN_TRAINING_DEALS = 30;

export interface FitOptions {
  l2?: number;
  maxIterations?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small: features + 1). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    }
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) continue; // singular direction: the L2 term normally prevents this
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

function standardiser(rows: readonly DealFeaturesRow[]) {
  const k = FEATURE_NAMES.length;
  const means = new Array<number>(k).fill(0);
  const scales = new Array<number>(k).fill(0);
  FEATURE_NAMES.forEach((name, j) => {
    const values = rows.map((r) => r.features[name]);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    means[j] = mean;
    // A constant feature gets scale 1 so it standardises to 0 and its weight stays at 0.
    scales[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  return { means, scales };
}

function standardised(features: DealFeatures, means: number[], scales: number[]): number[] {
  return FEATURE_NAMES.map((name, j) => (features[name] - means[j]!) / scales[j]!);
}

/**
 * Fits the model by iteratively reweighted least squares (Newton's method) with an L2 penalty.
 * Returns null under MIN_TRAINING_DEALS closed deals, or when all of them share one outcome
 * (nothing to learn from, and the intercept would run off to ±∞).
 */
export function fitDealModel(
  closedDeals: readonly DealFeaturesRow[],
  options: FitOptions = {},
): DealModel | null {
  const n = closedDeals.length;
  if (n < MIN_TRAINING_DEALS) return null;
  const wonCount = closedDeals.filter((r) => r.won).length;
  if (wonCount === 0 || wonCount === n) return null;
  // 3 measured best on the synthetic bench from 30 to 1000 deals (1 overfits small orgs).
  const l2 = options.l2 ?? 3;
  const { means, scales } = standardiser(closedDeals);
  // Column 0 is the intercept.
  const x = closedDeals.map((r) => [1, ...standardised(r.features, means, scales)]);
  const y = closedDeals.map((r) => (r.won ? 1 : 0));
  const d = FEATURE_NAMES.length + 1;
  const beta = new Array<number>(d).fill(0);
  beta[0] = Math.log(wonCount / (n - wonCount)); // start at the base rate: fewer iterations

  for (let iter = 0; iter < (options.maxIterations ?? 50); iter++) {
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const gradient = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j]! * xi[j]!;
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-9);
      const residual = y[i]! - p;
      for (let j = 0; j < d; j++) {
        gradient[j]! += residual * xi[j]!;
        for (let k = j; k < d; k++) hessian[j]![k]! += w * xi[j]! * xi[k]!;
      }
    }
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < j; k++) hessian[j]![k] = hessian[k]![j]!;
      if (j > 0) {
        hessian[j]![j]! += l2;
        gradient[j]! -= l2 * beta[j]!;
      }
    }
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let j = 0; j < d; j++) {
      beta[j]! += step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    if (largest < 1e-8) break;
  }

  return {
    version: 1,
    featureNames: [...FEATURE_NAMES],
    means,
    scales,
    weights: beta.slice(1),
    intercept: beta[0]!,
    trainingSize: n,
    wonCount,
    l2,
  };
}

/** True when a stored model was fitted on the features this code computes (else refit it). */
export function isCompatible(model: DealModel): boolean {
  return (
    model.version === 1 &&
    model.featureNames.length === FEATURE_NAMES.length &&
    model.featureNames.every((name, j) => name === FEATURE_NAMES[j]) &&
    model.weights.length === FEATURE_NAMES.length
  );
}

/** Win probability 0..1 the model gives a deal with these features. */
export function predictWin(model: DealModel, features: DealFeatures): number {
  const xs = standardised(features, model.means, model.scales);
  let z = model.intercept;
  xs.forEach((v, j) => (z += model.weights[j]! * v));
  return sigmoid(z);
}

/**
 * How much the model's opinion counts next to the rules: grows with the training set,
 * n / (n + 100), capped so the explainable rules always keep a voice.
 */
export function blendWeight(trainingSize: number, cap = 0.8): number {
  return Math.min(cap, trainingSize / (trainingSize + 100));
}

/** The features that moved this deal's model score most, as signed log-odds contributions. */
export function topContributions(model: DealModel, features: DealFeatures, count = 2) {
  const xs = standardised(features, model.means, model.scales);
  return FEATURE_NAMES.map((name, j) => ({ name, logOdds: model.weights[j]! * xs[j]! }))
    .sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds))
    .slice(0, count);
}

/**
 * Mean squared error between predicted probabilities (0..1) and outcomes (won = 1, lost = 0):
 * 0 is perfect, 0.25 is what always answering 50% scores. Reusable for any prediction source.
 */
export function brierScore(
  predictions: readonly number[],
  outcomes: readonly (boolean | 0 | 1)[],
): number {
  if (predictions.length !== outcomes.length) {
    throw new Error(
      `brierScore: ${predictions.length} predictions for ${outcomes.length} outcomes`,
    );
  }
  if (predictions.length === 0) throw new Error('brierScore: no predictions');
  let sum = 0;
  predictions.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new Error(`brierScore: prediction ${p} is not in 0..1`);
    sum += (p - (outcomes[i] ? 1 : 0)) ** 2;
  });
  return sum / predictions.length;
}

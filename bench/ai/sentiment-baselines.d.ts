// Minimal typings for the two untyped sentiment libraries the sentiment bench compares against
// (bench/ai/10-sentiment.ts); only the calls the bench makes are declared.

declare module 'vader-sentiment' {
  interface PolarityScores {
    neg: number;
    neu: number;
    pos: number;
    /** Normalized −1…1; the VADER authors' thresholds are ±0.05. */
    compound: number;
  }
  const vader: {
    SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores };
  };
  export = vader;
}

declare module 'wink-sentiment' {
  function sentiment(phrase: string): { score: number; normalizedScore: number };
  export = sentiment;
}

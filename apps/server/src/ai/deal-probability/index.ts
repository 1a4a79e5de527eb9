// Deal win probability: explained stage-prior rules, blended with a per-organization model.
export { brierScore } from './brier';
export {
  FEATURE_NAMES,
  closedDealRow,
  collectSignals,
  featuresOf,
  type ClosedDeal,
  type DealActivityInput,
  type DealFeatures,
  type DealFeaturesRow,
  type DealInput,
  type DealSignals,
  type OpenDealInput,
} from './features';
export {
  MIN_TRAINING_DEALS,
  blendWeight,
  fitDealModel,
  isCompatible,
  predictWin,
  type DealModel,
  type FitOptions,
} from './model';
export { RULES } from './rules';
export { dealConfidence, scoreDeal, type DealScore, type ScoreDealInput } from './score';
export { OPEN_STAGES, STAGE_PRIOR, isOpenStage, stageLabel, type OpenDealStage } from './stages';

// Weighted pipeline forecast by expected close month, with a data-quality confidence.
export {
  forecast,
  type ForecastDeal,
  type ForecastOptions,
  type ForecastResult,
  type MonthForecast,
} from './forecast';

// The module's routes share the record-route error answers of the platform.
export { recordRouteErrors as errors } from '../../platform/route-errors';

export { OfflineCoach, type OfflineCoachOptions } from './coach';

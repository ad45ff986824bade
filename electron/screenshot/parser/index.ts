export { parsePositionTable, type ParseOptions } from './table';

export type * from './types';
export { parseSrt } from './parser';
export { writeSrt, type SrtWritableCue } from './writer';

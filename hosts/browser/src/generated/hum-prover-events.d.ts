/** @module Interface hum:prover/events@0.1.0 **/
export function emit(event: Event): void;
export type Event = import('./hum-prover-types.js').Event;

/** Similar incidents: a BM25 index over past incidents' symptoms, English and French. */
export { createSimilarIndex } from './similar-index.ts'
export type { PastIncident, SimilarIncident, SimilarIndex, SimilarIndexOptions, SimilarSearchOptions } from './types.ts'
export { terms } from './terms.ts'

/**
 * A trainable text classifier for tickets: pure TypeScript, no I/O, deterministic. See README.md.
 */
export { createClassifier, restoreClassifier } from './classifier.ts'
export type { Classifier, ClassifierState, LabelledText, Prediction } from './classifier.ts'
export type { Evidence } from './explain.ts'
export { defaultClassifierOptions } from './options.ts'
export type { ClassifierOptions } from './options.ts'
export { normalizeText, tokenize } from './tokenize.ts'
export { stem } from './stem.ts'

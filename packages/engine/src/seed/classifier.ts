import type { Classifier, ClassifierState } from '../classifier/index.ts'
import { createClassifier, restoreClassifier } from '../classifier/index.ts'
import { seedExamples } from './examples.ts'

let seedState: ClassifierState | undefined

/**
 * A classifier of the default taxonomy trained on the built-in English and French examples:
 * where every app starts before its agents correct anything. Trained once per process (about
 * 70 ms), then each call restores a fresh copy that can learn on its own.
 */
export function seedClassifier(): Classifier {
  if (!seedState) {
    const classifier = createClassifier({ hashBits: 16 })
    classifier.train(seedExamples)
    seedState = classifier.toJSON()
  }
  return restoreClassifier(seedState)
}

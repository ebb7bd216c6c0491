/** Accuracy, macro-averaged F1 and F1 per label of predictions against the truth. */
export interface Scores {
  accuracy: number
  macroF1: number
  perClass: Record<string, number>
}

/**
 * Scores predictions against the true labels; a label absent from both counts F1 0 only if it was
 * predicted or expected at least once (labels come from both lists).
 *
 * @param truth the expected label of each example
 * @param predicted the predicted label of each example, in the same order
 */
export function score(truth: readonly string[], predicted: readonly string[]): Scores {
  const labels = [...new Set([...truth, ...predicted])].sort()
  const perClass: Record<string, number> = {}
  let correct = 0
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) correct++
  for (const label of labels) {
    let truePositive = 0
    let falsePositive = 0
    let falseNegative = 0
    for (let i = 0; i < truth.length; i++) {
      if (predicted[i] === label && truth[i] === label) truePositive++
      else if (predicted[i] === label) falsePositive++
      else if (truth[i] === label) falseNegative++
    }
    perClass[label] = truePositive === 0 ? 0 : round((2 * truePositive) / (2 * truePositive + falsePositive + falseNegative))
  }
  const f1s = Object.values(perClass)
  return {
    accuracy: round(truth.length === 0 ? 0 : correct / truth.length),
    macroF1: round(f1s.reduce((sum, f1) => sum + f1, 0) / Math.max(1, f1s.length)),
    perClass,
  }
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000
}

/** How well predicted groups match the true ones, over every pair of reports. */
export interface PairScores {
  precision: number
  recall: number
  f1: number
  /** Pairs put together that belong together, together wrongly, and apart wrongly. */
  truePairs: number
  falsePairs: number
  missedPairs: number
}

/** One report: the outage it truly belongs to (null: none) and the major incident it was grouped under (null: none). */
export interface GroupedReport {
  truth: string | null
  predicted: string | null
}

/**
 * Pairwise precision and recall of "shares a major incident": a pair counts as together when both
 * reports sit under the same major incident, and belongs together when both tell the same outage.
 * Reports of no outage belong with nothing. With no predicted pair precision is 1; with no true pair recall is 1.
 */
export function pairScores(reports: readonly GroupedReport[]): PairScores {
  let truePairs = 0
  let falsePairs = 0
  let missedPairs = 0
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const a = reports[i] as GroupedReport
      const b = reports[j] as GroupedReport
      const together = a.predicted !== null && a.predicted === b.predicted
      const belong = a.truth !== null && a.truth === b.truth
      if (together && belong) truePairs++
      else if (together) falsePairs++
      else if (belong) missedPairs++
    }
  }
  const precision = truePairs + falsePairs === 0 ? 1 : truePairs / (truePairs + falsePairs)
  const recall = truePairs + missedPairs === 0 ? 1 : truePairs / (truePairs + missedPairs)
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    truePairs,
    falsePairs,
    missedPairs,
  }
}

/**
 * B-cubed precision and recall (Bagga & Baldwin, 1998), averaged over the reports of an outage: for
 * each, the share of its predicted group that truly belongs with it, and the share of its outage
 * that it was grouped with. A report under no major incident is a group of one.
 */
export function bcubedScores(reports: readonly GroupedReport[]): { precision: number; recall: number } {
  let precision = 0
  let recall = 0
  let counted = 0
  reports.forEach((report, i) => {
    if (report.truth === null) return
    const group = reports.filter((other, j) => (report.predicted === null ? i === j : other.predicted === report.predicted))
    const outage = reports.filter((other) => other.truth === report.truth)
    const both = group.filter((other) => other.truth === report.truth).length
    precision += both / group.length
    recall += both / outage.length
    counted++
  })
  return { precision: round(counted === 0 ? 1 : precision / counted), recall: round(counted === 0 ? 1 : recall / counted) }
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000
}

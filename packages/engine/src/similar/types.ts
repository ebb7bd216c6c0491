/** A past incident as the index needs it. */
export interface PastIncident {
  id: string
  /** Human number, e.g. `INC-000123`. */
  number: string
  /** The symptoms: what the reporter wrote. */
  text: string
  resolved?: boolean
  /** The resolution written for reporters, safe to show them. */
  publicResolution?: string
  /** The agents' internal resolution note. */
  resolution?: string
  /** Milliseconds since the epoch; breaks score ties, newer first. */
  createdAt: number
}

export interface SimilarSearchOptions {
  /** Most results; default 5. */
  limit?: number
  /** Only incidents marked resolved. */
  onlyResolved?: boolean
  /** Only incidents with a public resolution (what a reporter may be shown). */
  onlyPublic?: boolean
  /** Overrides the index's `minScore` for this search. */
  minScore?: number
  /** Leave this incident out (searching with an incident's own text). */
  excludeId?: string
  /** Only incidents this accepts, e.g. those the caller may see; the limit counts accepted ones. */
  accept?: (id: string) => boolean
}

export interface SimilarIncident {
  id: string
  number: string
  /** 0..1: the BM25 score over the score an identical incident would get. */
  score: number
  resolved: boolean
  resolution?: string
  publicResolution?: string
  createdAt: number
}

export interface SimilarIndexOptions {
  /** Results scoring lower are unrelated and never returned; default 0.3. */
  minScore?: number
  /** BM25 term-frequency saturation; default 1.2. */
  k1?: number
  /** BM25 length normalization; default 0.75. */
  b?: number
}

export interface SimilarIndex {
  /** Adds an incident, or replaces the one with the same id (e.g. once it is resolved). */
  add(incident: PastIncident): void
  /** Removes an incident; `false` when the id was not indexed. */
  remove(id: string): boolean
  has(id: string): boolean
  /** How many incidents are indexed. */
  readonly size: number
  /** The most similar incidents to a text, best first, above the minimum score. */
  search(text: string, options?: SimilarSearchOptions): SimilarIncident[]
}

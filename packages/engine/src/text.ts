/** Lower-case and fold accents so "Piraté" and "pirate" meet: NFD splits letters from their marks. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

/** Words of a text after folding; digits kept (error codes like 500 matter). */
export function words(text: string): string[] {
  return foldText(text).match(/[a-z0-9]+/g) ?? []
}

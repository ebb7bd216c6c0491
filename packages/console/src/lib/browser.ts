/**
 * A browser's user agent in a few words, for the ticket's context: `Chrome 131 on Windows`.
 * Unknown agents are given back whole (the agent can still read them).
 * @example describeBrowser('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) … Version/17.1 Safari/605.1.15') // 'Safari 17 on macOS'
 */
export function describeBrowser(userAgent: string): string {
  const browser = pick(userAgent, [
    [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/FxiOS\/(\d+)/, 'Firefox'],
    [/CriOS\/(\d+)/, 'Chrome'],
    [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
  ])
  const system = pick(userAgent, [
    [/Windows NT/, 'Windows'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Mac OS X/, 'macOS'],
    [/Android/, 'Android'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ])
  if (!browser) return userAgent
  return system ? `${browser} on ${system}` : browser
}

function pick(text: string, patterns: [RegExp, string][]): string | undefined {
  for (const [pattern, name] of patterns) {
    const match = pattern.exec(text)
    if (match) return match[1] ? `${name} ${match[1]}` : name
  }
  return undefined
}

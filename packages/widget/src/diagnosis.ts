/** Suggestions wait for a few words: fewer say too little to match anything. */
export const minWords = 3

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length

/**
 * Lets I/O callbacks and other requests run between two slices of long work (catching up on a
 * long history): libSQL's file binding is synchronous in Node, so a long loop of reads would
 * otherwise hold every other request behind it.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)))

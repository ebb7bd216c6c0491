/**
 * `attachTo`, for the loader and `mount` alike: makes an element of the page open the panel on
 * click, like the launcher. `target` is the element, or a CSS selector of it.
 * @returns what detaches it
 * @example
 * const detach = attachTo('#help', open)
 */
export function attachTo(target: Element | string, open: () => void): () => void {
  // A selector that matches nothing throws (the DOM's TypeError): the element must be in the page first.
  const element = typeof target === 'string' ? (document.querySelector(target) as Element) : target
  element.addEventListener('click', open)
  return () => element.removeEventListener('click', open)
}

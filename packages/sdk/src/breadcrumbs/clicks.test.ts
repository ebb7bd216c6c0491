// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest'
import { describeElement } from './clicks.ts'

function element(html: string, selector = '*'): Element {
  const host = document.createElement('div')
  host.innerHTML = html
  const found = host.querySelector(`[data-target]`) ?? host.querySelector(selector)
  if (!found) throw new Error('no element')
  return found
}

describe('describeElement', () => {
  test('a button: tag, id, classes and its label', () => {
    expect(describeElement(element('<button id="save" class="primary large">Save</button>'))).toBe('button#save.primary.large "Save"')
  })

  test('a click on an icon inside a link describes the link', () => {
    expect(describeElement(element('<a class="nav" href="/x"><svg data-target></svg> Invoices</a>'))).toBe('a.nav "Invoices"')
  })

  test('prefers aria-label and shortens long labels', () => {
    expect(describeElement(element('<button aria-label="Close the dialog">×</button>'))).toBe('button "Close the dialog"')
    expect(describeElement(element(`<button>${'word '.repeat(20)}</button>`))).toMatch(/^button "(word ){7}word…"$/)
  })

  test('form fields give their type and name, never what was typed', () => {
    const password = element('<input type="password" name="pw" class="field">') as HTMLInputElement
    password.value = 'hunter2'
    expect(describeElement(password)).toBe('input.field[type=password][name=pw]')
    const area = element('<textarea name="notes">my secret notes</textarea>')
    expect(describeElement(area)).toBe('textarea[name=notes]')
    expect(describeElement(element('<div contenteditable="true">private draft</div>'))).toBe('div')
  })

  test('a plain element gives no text (it may be anything on the page)', () => {
    expect(describeElement(element('<p class="balance">Balance: 12 000 €</p>'))).toBe('p.balance')
  })
})

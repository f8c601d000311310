import { reactive, type Directive } from 'vue'

// Element Plus shows a field's error (el-form-item :error) as red text under the field, but ties
// neither to the field: no aria-invalid, no id on the text, no aria-describedby (accessibility review,
// finding 3). These functions mark each field of a form by what its el-form-item shows, and unmark it
// when the error goes; the directive keeps a form marked as it changes. One place, used by every form.

/** What this module set on a control: the id it added to aria-describedby ('' for none yet). */
const MARK = 'data-field-error'
let made = 0

/** The form items inside `root` whose error is shown (is-error: set at once, the text ~100 ms later). */
function itemsInError(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.el-form-item.is-error')]
}

/** The item's own error text (not a nested item's), once shown. */
function errorTextOf(item: HTMLElement): HTMLElement | null {
  return [...item.querySelectorAll<HTMLElement>('.el-form-item__error')].find((text) => text.closest('.el-form-item') === item) ?? null
}

/** The field's own name: its el-form-item label's text. */
function labelOf(item: HTMLElement): string {
  return (item.querySelector(':scope > .el-form-item__label, :scope > .el-form-item__label-wrap .el-form-item__label')?.textContent ?? '').trim()
}

const WIDGETS = 'input:not([type="hidden"]), textarea, select, [role="radiogroup"], [role="combobox"], [role="listbox"], [role="spinbutton"], [role="textbox"]'
const CONTROLS = 'input:not([type="hidden"]):not([aria-hidden="true"]), textarea, select'

/** The controls an item's error is about: the one its label points at (for), else the form controls in it. */
function controlsOf(item: HTMLElement): HTMLElement[] {
  const target = (() => {
    const id = item.querySelector(':scope > label[for]')?.getAttribute('for')
    const element = id ? document.getElementById(id) : null
    return element !== null && item.contains(element) ? element : null
  })()
  if (target?.matches(WIDGETS)) return [target]
  const inItem = [...(target ?? item).querySelectorAll<HTMLElement>(CONTROLS)]
  // a nested form item's controls are its own
  return inItem.filter((control) => control.closest('.el-form-item') === item || target !== null)
}

function describedBy(control: HTMLElement): string[] {
  return (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== '')
}

function unmark(control: HTMLElement) {
  const added = control.getAttribute(MARK)
  const rest = describedBy(control).filter((id) => id !== added)
  if (rest.length > 0) control.setAttribute('aria-describedby', rest.join(' '))
  else control.removeAttribute('aria-describedby')
  control.removeAttribute('aria-invalid')
  control.removeAttribute(MARK)
}

function mark(control: HTMLElement, errorText: HTMLElement | null) {
  control.setAttribute('aria-invalid', 'true')
  const had = control.getAttribute(MARK) ?? ''
  if (errorText !== null && errorText.id === '') errorText.id = control.id !== '' ? `${control.id}-error` : `field-error-${++made}`
  const now = errorText?.id ?? ''
  if (had === now && control.hasAttribute(MARK)) return
  const ids = describedBy(control).filter((id) => id !== had)
  if (now !== '') ids.push(now)
  if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '))
  else control.removeAttribute('aria-describedby')
  control.setAttribute(MARK, now)
}

// The labels of each form's fields in error, for the line above the form (SubmissionAlert).
const markedLabels = reactive(new WeakMap<Element, string[]>())

/** The labels of the fields in error in `scope` (a form, or a section holding forms), in order, as last marked. */
export function labelsInError(scope: Element | null): readonly string[] {
  if (scope === null) return []
  const forms = scope.matches('form') ? [scope] : [...scope.querySelectorAll('form')]
  return forms.flatMap((form) => markedLabels.get(form) ?? [])
}

/** Marks the controls of every item in error inside `root` and unmarks those whose error went. */
export function markFieldErrors(root: Element): void {
  const marked = new Set<HTMLElement>()
  const items = itemsInError(root)
  for (const item of items) {
    const errorText = errorTextOf(item)
    for (const control of controlsOf(item)) {
      mark(control, errorText)
      marked.add(control)
    }
  }
  for (const control of root.querySelectorAll<HTMLElement>(`[${MARK}]`)) if (!marked.has(control)) unmark(control)
  const labels = items.map(labelOf).filter((label) => label !== '')
  const before = markedLabels.get(root)
  if (before === undefined ? labels.length > 0 : before.join('\n') !== labels.join('\n')) markedLabels.set(root, labels)
}

/** The first control in error inside `root` (marking the form first), or null. */
export function firstInvalidControl(root: Element): HTMLElement | null {
  markFieldErrors(root)
  for (const item of itemsInError(root)) {
    const control = controlsOf(item)[0]
    if (control !== undefined) return control
  }
  return null
}

const observers = new WeakMap<Element, MutationObserver>()

/**
 * v-field-errors on an el-form (or a plain <form> of el-form-items): keeps its fields' aria-invalid and
 * aria-describedby in step with the errors shown, as they come (a refusal, a check) and go (an edit).
 */
export const vFieldErrors: Directive<HTMLElement> = {
  mounted(form) {
    markFieldErrors(form)
    const observer = new MutationObserver(() => markFieldErrors(form))
    observer.observe(form, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] })
    observers.set(form, observer)
  },
  beforeUnmount(form) {
    observers.get(form)?.disconnect()
    observers.delete(form)
  },
}

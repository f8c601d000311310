import { firstInvalidControl } from '@/fieldErrorMarks'

// Where the focus goes after a submission (accessibility review, finding 2). The submitting button
// shows the request under way by its loading state, which disables it, and a disabled button drops
// the focus to <body>: a keyboard or screen-reader user was sent to the top of the page, or out of
// the modal dialog still open. useSubmission calls these once for every form; FormDialog calls
// returnFocus when a dialog closes.

/** Whether the focus is nowhere a person can go on from: <body>, or an element gone from the page. */
function focusLost(): boolean {
  const active = document.activeElement
  return active === null || active === document.body || !active.isConnected
}

/** The element that has the focus as a submission starts: the button pressed, or the field Enter was pressed in. */
export function focusedNow(): Element | null {
  return typeof document === 'undefined' ? null : document.activeElement
}

/** The form a submission came from: the origin's form, or the form of the dialog whose footer button it is. */
function formOf(origin: Element): Element | null {
  return origin.closest('form') ?? origin.closest('[role="dialog"]')?.querySelector('form') ?? null
}

function back(origin: Element | null): void {
  if (focusLost() && origin instanceof HTMLElement && origin.isConnected) origin.focus()
}

/**
 * A refused submission: the focus goes to the first field in error, as on the public form, or else to
 * the message above the form (SubmissionAlert); a step with neither (a page's button) keeps its button.
 */
export function focusAfterRefusal(origin: Element | null): void {
  if (origin === null || typeof document === 'undefined') return
  const form = formOf(origin)
  const target = form === null ? null : firstInvalidControl(form) ?? form.parentElement?.querySelector<HTMLElement>('.submission-alert') ?? null
  if (target === null) return back(origin)
  target.focus()
  // Element Plus opens a date picker's calendar as its input takes the focus: closed again (Escape, as the
  // person would), so the refusal shows the field and its message, not a calendar over them; typing a
  // date or ↓ works as ever.
  if (target.closest('.el-date-editor') !== null) {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true }))
  }
}

/**
 * An accepted submission: the focus stays where it was, the button pressed (a page's form stays, ready
 * for the next entry). A dialog then closes, and returnFocus takes the focus on from there.
 */
export function focusAfterAcceptance(origin: Element | null): void {
  if (origin === null || typeof document === 'undefined') return
  back(origin)
}

/** The content, where a new screen puts the focus (screenChange.ts): the next Tab goes on inside it. */
function toContent(): void {
  document.getElementById('main')?.focus()
}

/**
 * A dialog closed: the focus goes back to the control that opened it (Element Plus's focus trap does so
 * when it can). When that control is gone (the row of a claim just decided leaves the list as the page
 * reloads it, a moment after the dialog closed), the focus goes to the content rather than <body>.
 */
export function returnFocus(opener: Element | null, dialog: Element | null): void {
  if (typeof document === 'undefined') return
  const insideDialog = () => dialog !== null && dialog.contains(document.activeElement)
  if (focusLost() || insideDialog()) {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
    else toContent()
  }
  if (!(opener instanceof HTMLElement) || document.activeElement !== opener) return
  // Until the page has settled: if the opener is then removed, the focus goes to the content; once the
  // person moves on, or after a while, nothing more is done.
  const watch = new MutationObserver(() => {
    if (document.activeElement === opener && opener.isConnected) return
    watch.disconnect()
    if (focusLost()) toContent()
  })
  watch.observe(document.body, { childList: true, subtree: true })
  setTimeout(() => watch.disconnect(), 10_000)
}

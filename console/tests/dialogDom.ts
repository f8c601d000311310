// What a dialog's test does to the page as a person would: find a field by id, type into it, press a
// button by its label and wait until the form has shown what it says. Element Plus teleports dialogs
// to the body, so everything is looked up in the document, not in the mounted wrapper.
import { nextTick } from 'vue'
import { flushPromises } from '@vue/test-utils'

export function field(id: string): HTMLInputElement {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`no #${id} in the dialog`)
  return element as HTMLInputElement
}

export function type(id: string, text: string) {
  const element = field(id)
  element.value = text
  element.dispatchEvent(new Event('input'))
}

/** Waits for requests and rendering; el-form-item shows an error some 100 ms after it is set (debounced, so it does not flicker). */
export async function settle() {
  await flushPromises()
  await new Promise((resolve) => setTimeout(resolve, 150))
  await nextTick()
}

export async function press(label: string) {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)
  if (button === undefined) throw new Error(`no button ${label}`)
  button.click()
  await settle()
}

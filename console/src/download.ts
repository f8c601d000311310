import type { Download } from '@/api/http'

/**
 * Hands a fetched file to the browser as a download. Files come with the bearer token, so a plain
 * link cannot fetch them; an object URL of the blob can be saved instead (and is released after).
 */
export function saveDownload(download: Download, fallbackName: string): void {
  const url = URL.createObjectURL(download.blob)
  const link = document.createElement('a')
  link.href = url
  link.download = download.filename ?? fallbackName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

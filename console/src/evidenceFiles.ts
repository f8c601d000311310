// Evidence files checked before they are sent, by the rules tasks-service applies on arrival
// (docs/tasks-service.md): PDF, PNG, JPEG, DOCX, XLSX, OFD, at most 5 MiB; the type sent is the
// name's extension's, which the service requires to agree. The service also checks the first bytes
// and that a DOCX, XLSX or OFD is a whole document; this only spares the officer an upload that
// would be refused.

import { formatBytes } from '@/format'

/** File name extension → the Content-Type the service takes for it. */
export const EVIDENCE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
}

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024

export const EVIDENCE_ACCEPT = Object.keys(EVIDENCE_TYPES).map((ext) => `.${ext}`).join(',')

/** The Content-Type to send for a file of this name, or null when the service would refuse it. */
export function evidenceContentType(filename: string): string | null {
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : ''
  return EVIDENCE_TYPES[ext] ?? null
}

/** Why this file cannot be attached (in Chinese), or null when it may be sent. */
export function evidenceFileProblem(file: { name: string; size: number }): string | null {
  if (evidenceContentType(file.name) === null) return '仅支持 PDF、PNG、JPG、DOCX、XLSX、OFD 文件'
  if (file.size === 0) return '文件为空'
  if (file.size > MAX_EVIDENCE_BYTES) return `文件为 ${formatBytes(file.size)}，超过 5 MB 的上限`
  if (file.name.length > 255 || /[/\\\u0000-\u001f]/.test(file.name)) return '文件名过长或含有不允许的字符'
  return null
}

/**
 * The task's evidence is locked while a claim waits on the supervisor (待核验: what is verified is what was
 * claimed with; the owners withdraw the claim to change it) and once it is closed out (销号): no entry added
 * or removed, no file added or replaced (409).
 */
export function evidenceLocked(state: string): boolean {
  return state === 'VERIFIED' || state === 'COMPLETION_CLAIMED'
}

/** What the reader of a claimed task may do about its evidence: the steps the task page offers them. */
export interface ClaimReader {
  /** 撤回申请: the task's unit (its officers) and the office */
  mayWithdraw: boolean
  /** 驳回: a supervisor */
  mayReject: boolean
}

/**
 * Why the task's evidence cannot change now, in the page's words, or null when it can. On a claim, what to do
 * if more is needed is said to the one who may do it: withdrawing to those who may withdraw, rejecting with a
 * reason to the supervisor (who cannot withdraw someone else's claim); to anyone else, only that it is fixed.
 */
export function evidenceLockNote(state: string, reader: ClaimReader): string | null {
  if (state === 'VERIFIED') return '该任务已销号，佐证材料已固定，不能再添加材料或上传、替换文件。'
  if (state !== 'COMPLETION_CLAIMED') return null
  const locked = '该任务已申请销号、待核验，佐证材料以申请时为准，不能添加、上传、替换或删除'
  if (reader.mayWithdraw) return `${locked}；如需补充或更换，请先撤回销号申请。`
  if (reader.mayReject) return `${locked}；如材料不足，可驳回销号申请，在驳回理由中写明需补充的材料。`
  return `${locked}。`
}

import { describe, expect, it } from 'vitest'
import type { ReportDraft, ReportDraftInput } from '@/api/reports'
import { draftDifferences, reviewedVersion, takeSaved } from '@/reportDraft'
import { HttpClient } from '@/api/http'
import { ReportsApi } from '@/api/reports'

const saved: ReportDraft = {
  inspectionId: 'i-1', version: 3, leadershipResponsibility: '党工委坚决扛起主体责任。', nextSteps: '持续巩固整改成果。',
  issuer: '中共某某区委', issuedOn: '2025-11-06', publicationId: 'p-1', includeOtherSources: false, totalsExplanation: null,
  updatedBy: 'office-li', updatedAt: '2025-11-06T09:00:00+08:00',
}
const typed: ReportDraftInput = {
  leadershipResponsibility: '党工委坚决扛起主体责任。\n', nextSteps: '持续巩固整改成果，建立长效机制。', issuer: '中共某某区委',
  issuedOn: '2025-11-06', publicationId: null, includeOtherSources: true, totalsExplanation: '',
}

describe('a report draft saved meanwhile, beside what the clerk typed', () => {
  it('lists only the fields that differ, both sides as text', () => {
    expect(draftDifferences(saved, typed)).toEqual([
      { field: 'nextSteps', label: '三、下一步工作打算', saved: '持续巩固整改成果。', typed: '持续巩固整改成果，建立长效机制。' },
      { field: 'publicationId', label: '公布（公示期与受理渠道）', saved: 'p-1', typed: '' },
      { field: 'includeOtherSources', label: '其他来源问题单列', saved: '否', typed: '是' },
    ])
  })

  it('finds nothing to compare when nothing is saved', () => {
    expect(draftDifferences(null, typed)).toEqual([])
  })

  it("takes one field over from the saved version and keeps the clerk's other fields", () => {
    const taken = takeSaved(saved, typed, 'nextSteps')
    expect(taken.nextSteps).toBe('持续巩固整改成果。')
    expect(taken.includeOtherSources).toBe(true)
    expect(takeSaved(saved, typed, 'totalsExplanation').totalsExplanation).toBe('')
    expect(takeSaved(saved, typed, 'publicationId').publicationId).toBe('p-1')
    expect(draftDifferences(saved, takeSaved(saved, typed, 'includeOtherSources')).map((d) => d.field))
      .toEqual(['nextSteps', 'publicationId'])
  })
})

describe('saving the draft', () => {
  it('sends the version it is based on as If-Match, and none for the first save', async () => {
    const sent: RequestInit[] = []
    const fetchImpl: typeof fetch = async (_input, init) => {
      sent.push(init ?? {})
      return new Response(JSON.stringify({ ...saved, version: 4 }), { status: 200, headers: { ETag: '"4"', 'Content-Type': 'application/json' } })
    }
    const reports = new ReportsApi(new HttpClient('/api/reporting', async () => 'T0K', fetchImpl))
    expect((await reports.saveDraft('i-1', typed, 3)).body.version).toBe(4)
    expect(sent[0]?.headers).toMatchObject({ 'If-Match': '"3"' })
    await reports.saveDraft('i-1', typed, null)
    expect(sent[1]?.headers).not.toHaveProperty('If-Match')
  })
})

describe('publishing what was reviewed (integrity review M2)', () => {
  it('names the draft the preview showed, as its Draft-ETag said, in If-Match', async () => {
    const sent: { url: string; init: RequestInit }[] = []
    const fetchImpl: typeof fetch = async (input, init) => {
      sent.push({ url: String(input), init: init ?? {} })
      if (String(input).endsWith('/preview.html')) {
        return new Response('<h1>整改情况</h1>', { status: 200, headers: { 'Draft-ETag': '"1"', 'Content-Type': 'text/html' } })
      }
      return new Response(JSON.stringify({ number: 2 }), { status: 201, headers: { 'Content-Type': 'application/json' } })
    }
    const reports = new ReportsApi(new HttpClient('/api/reporting', async () => 'T0K', fetchImpl))
    const preview = await reports.preview('i-1')
    expect(preview).toEqual({ html: '<h1>整改情况</h1>', draftVersion: 1 })
    await reports.publish('i-1', preview.draftVersion)
    expect(sent[1]?.url).toBe('/api/reporting/reports/i-1/versions')
    expect(sent[1]?.init.method).toBe('POST')
    expect(sent[1]?.init.headers).toMatchObject({ 'If-Match': '"1"' })
  })

  it('has no draft version for a preview before the first save, and then sends no If-Match', async () => {
    const sent: RequestInit[] = []
    const fetchImpl: typeof fetch = async (_input, init) => {
      sent.push(init ?? {})
      return new Response('<h1>整改情况</h1>', { status: 200, headers: { 'Content-Type': 'text/html' } })
    }
    const reports = new ReportsApi(new HttpClient('/api/reporting', async () => 'T0K', fetchImpl))
    expect((await reports.preview('i-1')).draftVersion).toBeNull()
    await reports.publish('i-1', null).catch(() => undefined)
    expect(sent[1]?.headers).not.toHaveProperty('If-Match')
  })

  it("takes the clerk's own save after 保存并公布, else the preview's version, else the form's", () => {
    // A read the preview of version 0 (the form too); B saved version 1: A's publish still names 0
    expect(reviewedVersion(null, 0, 0)).toBe(0)
    // the preview was refreshed and shows B's version 1: that is what A read
    expect(reviewedVersion(null, 1, 0)).toBe(1)
    // A typed and saved (version 2): A's own text, even if the preview since shows a later save
    expect(reviewedVersion(2, 3, 2)).toBe(2)
    // no preview could be shown: the form's version
    expect(reviewedVersion(null, null, 4)).toBe(4)
    expect(reviewedVersion(null, null, null)).toBeNull()
  })
})

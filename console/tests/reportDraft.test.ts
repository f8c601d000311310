import { describe, expect, it } from 'vitest'
import type { ReportDraft, ReportDraftInput } from '@/api/reports'
import { draftDifferences, takeSaved } from '@/reportDraft'
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

import { describe, expect, it } from 'vitest'
import { findTasks, isFiltering, NO_FILTER, numbersOf, shown, textFinds, unitsNamed, type PlanPart } from '@/planFilter'

// 筛选 over a plan of 5 areas × 20 problems × 20 tasks: by the plan's numbering, by words, by 责任单位.
const area3: PlanPart = { number: 3, label: '（三）贯彻落实党中央决策部署不到位', title: '贯彻落实党中央决策部署不到位' }
const problem2: PlanPart = { number: 2, label: '2. 招商引资政策兑现不及时', title: '招商引资政策兑现不及时' }
const problem12: PlanPart = { number: 12, label: '12. 理论学习不够深入', title: '理论学习不够深入' }
const task1: PlanPart = { number: 1, label: '一是 公开奖补资金兑现情况', title: '公开奖补资金兑现情况', unit: '财政局' }
const task20: PlanPart = { number: 20, label: '二十是 建立 Excel 台账', title: '建立 Excel 台账', unit: '党政办公室' }

describe('the plan filter', () => {
  it('reads a text of numbers only as the plan\'s numbering, full-width points and 、 too', () => {
    expect(numbersOf('3.2')).toEqual([3, 2])
    expect(numbersOf(' 5.20.20 ')).toEqual([5, 20, 20])
    expect(numbersOf('3.2.')).toEqual([3, 2])
    expect(numbersOf('３．２')).toEqual([3, 2])
    expect(numbersOf('3、2')).toEqual([3, 2])
    expect(numbersOf('3')).toEqual([3])
    expect(numbersOf('3.2 资金')).toBeNull()
    expect(numbersOf('招商')).toBeNull()
    expect(numbersOf('')).toBeNull()
  })

  it('finds by number a part and everything under it, not a part whose number only begins the same', () => {
    expect(textFinds('3', [area3])).toBe(true)
    expect(textFinds('3.2', [area3])).toBe(false)
    expect(textFinds('3.2', [area3, problem2])).toBe(true)
    expect(textFinds('3.2', [area3, problem2, task1])).toBe(true)
    expect(textFinds('3.2.1', [area3, problem2, task1])).toBe(true)
    expect(textFinds('3.2.2', [area3, problem2, task1])).toBe(false)
    // 3.1 is not 3.12, nor 3.2 a prefix of 3.20
    expect(textFinds('3.1', [area3, problem12])).toBe(false)
    expect(textFinds('3.2.2', [area3, problem2, task20])).toBe(false)
    expect(textFinds('3.2.20', [area3, problem2, task20])).toBe(true)
  })

  it('finds by words what the label or title holds, each word anywhere, Latin letters in any case', () => {
    expect(textFinds('招商引资', [area3, problem2])).toBe(true)
    expect(textFinds('政策 招商', [area3, problem2])).toBe(true)
    expect(textFinds('招商 学习', [area3, problem2])).toBe(false)
    expect(textFinds('excel', [area3, problem2, task20])).toBe(true)
    // the label's Chinese numbering: （三） an area, 二十是 a task
    expect(textFinds('（三）', [area3])).toBe(true)
    expect(textFinds('二十是', [area3, problem2, task20])).toBe(true)
    expect(textFinds('招商引资', [area3, problem2, task1])).toBe(false)
  })

  it('shows what the words find with what hangs under it', () => {
    const f = { text: '招商引资', unit: '' }
    expect(shown(f, [area3, problem2])).toBe(true)
    expect(shown(f, [area3, problem2, task1])).toBe(true)
    // the area itself is not found: the tree shows it because its problem shows
    expect(shown(f, [area3])).toBe(false)
    expect(shown(f, [area3, problem12])).toBe(false)
  })

  it('with a unit chosen shows only that unit\'s tasks, and of them those the text finds', () => {
    expect(shown({ text: '', unit: '财政局' }, [area3, problem2, task1])).toBe(true)
    expect(shown({ text: '', unit: '财政局' }, [area3, problem2, task20])).toBe(false)
    expect(shown({ text: '', unit: '财政局' }, [area3, problem2])).toBe(false)
    expect(shown({ text: '3.2', unit: '财政局' }, [area3, problem2, task1])).toBe(true)
    expect(shown({ text: '3.12', unit: '财政局' }, [area3, problem2, task1])).toBe(false)
    expect(shown({ text: '招商', unit: '财政局' }, [area3, problem2, task1])).toBe(true)
  })

  it('with nothing typed or chosen shows everything and is no filter at all', () => {
    expect(isFiltering(NO_FILTER)).toBe(false)
    expect(isFiltering({ text: '   ', unit: '' })).toBe(false)
    expect(isFiltering({ text: '3', unit: '' })).toBe(true)
    expect(isFiltering({ text: '', unit: '财政局' })).toBe(true)
    expect(shown(NO_FILTER, [area3])).toBe(true)
    expect(shown({ text: ' ', unit: '' }, [area3, problem2, task1])).toBe(true)
    expect(textFinds('', [area3])).toBe(true)
  })

  it('names each unit once, in a Chinese list\'s order', () => {
    const units = unitsNamed([{ responsibleUnit: '财政局' }, { responsibleUnit: '党政办公室 ' }, { responsibleUnit: '财政局' }, { responsibleUnit: '' }])
    expect(units).toHaveLength(2)
    expect(new Set(units)).toEqual(new Set(['财政局', '党政办公室']))
    expect(units).toEqual([...units].sort((a, b) => a.localeCompare(b, 'zh-CN')))
  })
})

describe('finding tasks (the ledger picker\'s 查找)', () => {
  const task = (areaNumber: number, problemNumber: number, number: number, title: string) =>
    ({ areaId: `a${areaNumber}`, problemId: `p${areaNumber}.${problemNumber}`, areaNumber, problemNumber, number, title })
  const plan = [task(3, 2, 1, '公开奖补资金兑现情况'), task(1, 3, 2, '建立奖补资金公开制度'), task(3, 12, 1, '健全学习制度'), task(3, 2, 20, '建立台账')]

  it('finds by numbering a problem\'s tasks or one task, in the plan\'s order', () => {
    expect(findTasks('3.2', plan, 10).tasks.map((t) => t.title)).toEqual(['公开奖补资金兑现情况', '建立台账'])
    expect(findTasks('3.2.20', plan, 10).tasks.map((t) => t.title)).toEqual(['建立台账'])
    expect(findTasks('3', plan, 10).total).toBe(3)
  })

  it('finds by the words of its title or its name as the screens write it', () => {
    expect(findTasks('奖补资金', plan, 10).tasks.map((t) => t.title)).toEqual(['建立奖补资金公开制度', '公开奖补资金兑现情况'])
    expect(findTasks('（三）12.一是', plan, 10).tasks.map((t) => t.title)).toEqual(['健全学习制度'])
    expect(findTasks('二十是', plan, 10).tasks.map((t) => t.title)).toEqual(['建立台账'])
  })

  it('finds, given their areas and problems, every task of an area or problem by its number or words, as 筛选 does', () => {
    const holders = {
      areas: [{ id: 'a1', number: 1, title: '政治建设方面' }, { id: 'a3', number: 3, title: '贯彻落实党中央决策部署不到位' }],
      problems: [{ id: 'p3.2', number: 2, title: '招商引资政策兑现不及时' }, { id: 'p3.12', number: 12, title: '理论学习不够深入' },
        { id: 'p1.3', number: 3, title: '资金管理不规范' }],
    }
    const titles = (text: string) => findTasks(text, plan, 10, holders).tasks.map((t) => t.title)
    expect(titles('招商引资')).toEqual(['公开奖补资金兑现情况', '建立台账'])
    expect(titles('理论 学习')).toEqual(['健全学习制度'])
    expect(titles('决策部署')).toEqual(['公开奖补资金兑现情况', '建立台账', '健全学习制度'])
    expect(titles('（一）')).toEqual(['建立奖补资金公开制度'])
    expect(titles('12. 理论')).toEqual(['健全学习制度'])
    expect(titles('3.2')).toEqual(['公开奖补资金兑现情况', '建立台账'])
    // words are a part's own: an area's and a task's words together find nothing, as in the tree
    expect(titles('决策部署 台账')).toEqual([])
    // without them, a problem's words are not a task's
    expect(findTasks('招商引资', plan, 10).total).toBe(0)
  })

  it('gives the first few and how many in all; nothing for nothing typed', () => {
    expect(findTasks('建立', plan, 1)).toEqual({ tasks: [plan[1]], total: 2 })
    expect(findTasks('  ', plan, 10)).toEqual({ tasks: [], total: 0 })
  })
})

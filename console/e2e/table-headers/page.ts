// Two lists as the console draws them (RowTable, Element Plus, the console's styles): one with rows
// and a 操作 column fixed at its right edge, one empty. Served by vite for check.mjs.
import { createApp, h } from 'vue'
import ElementPlus, { ElButton } from 'element-plus'
import 'element-plus/dist/index.css'
import '@/styles.css'
import { createMemoryHistory, createRouter } from 'vue-router'
import RowTable from '@/components/RowTable.vue'
import type { Column } from '@/rowColumns'

type Row = { id: string, title: string, unit: string, state: string }
const columns: Column<Row>[] = [
  { key: 'id', label: '编号', prop: 'id', width: 80 },
  { key: 'title', label: '整改任务', prop: 'title', minWidth: 130, to: (r) => `/tasks/${r.id}` },
  { key: 'unit', label: '责任单位', prop: 'unit', minWidth: 80 },
  { key: 'state', label: '状态', prop: 'state', width: 66 },
]
const rows: Row[] = [
  { id: '1.1', title: '修订制度', unit: '办公室', state: '整改中' },
  { id: '1.2', title: '开展培训', unit: '招商局', state: '未开始' },
]
const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
createApp({
  render: () => h('main', [
    h('section', { 'aria-label': '任务清单' }, [h(RowTable<Row>, { rows, columns, 'aria-label': '任务清单' }, {
      actions: () => h(ElButton, { size: 'small' }, () => '查看'),
    })]),
    h('section', { 'aria-label': '空清单' }, [h(RowTable<Row>, { rows: [], columns, emptyText: '暂无任务', 'aria-label': '空清单' })]),
  ]),
}).use(router).use(ElementPlus).mount('#app')

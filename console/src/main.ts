import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { ElMessage, ElMessageBox, provideGlobalConfig } from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
// The whole stylesheet, before ours; the components themselves come on demand (vite.config.ts).
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'

const app = createApp(App).use(createPinia()).use(router)
// What installing all of Element Plus did besides registering its components: Chinese texts for
// every component, and the app's context for the messages and dialogs the views open from scripts.
provideGlobalConfig({ locale: zhCn }, app, true)
app.use(ElMessage).use(ElMessageBox).mount('#app')

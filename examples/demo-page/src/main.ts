import { resolveBrokerUrl } from './config/broker-url.ts'
import type { BrokerUrlSource } from './config/broker-url.ts'
import { startDemoApp } from './demo-app.ts'
import { requireElement } from './view/require-element.ts'
import type { RequestedStorage } from './view/user-id-panel.ts'

const sourceWords: Record<BrokerUrlSource, string> = {
  query: '(from ?broker=)',
  env: '(from VITE_CARKIT_BROKER_URL)',
  default: '(the local broker; change it with ?broker=<url>)',
}

function requestedStorage(search: string): RequestedStorage {
  const value = new URLSearchParams(search).get('storage')
  return value === 'session' || value === 'memory' ? value : 'local'
}

const broker = resolveBrokerUrl(location.search, import.meta.env.VITE_CARKIT_BROKER_URL)
requireElement('broker-url', HTMLElement).textContent = broker.url
requireElement('broker-url-source', HTMLSpanElement).textContent = sourceWords[broker.source]
if (broker.warning) {
  const warning = requireElement('broker-url-warning', HTMLParagraphElement)
  warning.textContent = broker.warning
  warning.hidden = false
}

startDemoApp({ brokerUrl: broker.url, storage: requestedStorage(location.search), origin: location.origin })

// Run as a separate process by the file ledger test: appends records as fast as it can.
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { digest } from '../../__fixtures__/promotion.js'
import { letIn } from './ledger-history.js'

const [file, writer, count] = process.argv.slice(2) as [string, string, string]
const ledger = new FileLedger(file, 'ledger')
for (let i = 0; i < Number(count); i++) {
  await letIn(ledger, digest(Number(writer) * 100_000 + i), `writer-${writer}`)
}

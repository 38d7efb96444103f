// Run as a separate process by the file ledger test: appends records as fast as it can.
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { digest, record } from '../../__fixtures__/promotion.js'

const [file, writer, count] = process.argv.slice(2) as [string, string, string]
const ledger = new FileLedger(file, 'ledger')
for (let i = 0; i < Number(count); i++) {
  await ledger.append(record({ digest: digest(Number(writer) * 100_000 + i), environment: `writer-${writer}`, time: new Date().toISOString() }))
}

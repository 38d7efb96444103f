import { endStep } from '../runner-io.js'
import { run } from './run.js'

await run()
await endStep()

import { endStep } from '../runner-io.js'
import { post } from './post.js'

await post()
await endStep()

import { describeHttpFlows } from './http-flows.ts'
import { startNodeTarget } from './node-target.ts'

describeHttpFlows(startNodeTarget)

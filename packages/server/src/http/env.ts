import type { AgentCaller, PublicCaller } from '../domain/callers.ts'
import type { ServiceContext } from '../domain/context.ts'
import type { Upload } from '../attachments/service.ts'

/** Hono's typing of what middleware hands to routes. */
export interface AppEnv {
  Variables: {
    services: ServiceContext
    publicCaller: PublicCaller
    agent: AgentCaller
    /** The caller's network address, as this runtime tells it. */
    clientAddress: string
    /** The reporter token, checked against the report in the path (see requireReporterToken). */
    reporterToken: string
    /** Files sent with a multipart report (http/multipart-body.ts); unset for a JSON body. */
    uploads?: Upload[]
  }
}

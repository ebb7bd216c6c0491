// `npm run bench`: the benchmarks are TypeScript, which Node 22 runs directly by stripping types.
await import('./ingestion.ts')

// `import './x.css'` adds the file to dist/console.css (scripts/console-assets.mjs).
declare module '*.css' {}

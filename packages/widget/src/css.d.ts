/** `import css from './x.css?raw'`: a stylesheet as text (minified by the build, see rollup.config.mjs). */
declare module '*.css?raw' {
  const css: string
  export default css
}

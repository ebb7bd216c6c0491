// The built-in behaviour, measured on phrasings kept out of the seed examples:
//   npm run eval:builtin [-- --issues ../shared/data/github-issues/train.csv]
// Prints the seed classifier's category accuracy in English and French, and incident-vs-request
// accuracy of identify() on the built-in set and, when given, on real GitHub issues (bug = incident,
// feature or question = request). The last line is one JSON object.
import { parseArgs } from 'node:util'
import { identify } from '../src/identify.ts'
import { seedClassifier } from '../src/seed/classifier.ts'
import { heldOutCategories, heldOutKinds } from '../src/seed/held-out.ts'
import { readLabelledCsv } from './dataset.ts'

const { values: args } = parseArgs({ options: { issues: { type: 'string' } } })
const share = (right: number, all: number) => Math.round((right / all) * 1000) / 1000

const classifier = seedClassifier()
const categories = Object.fromEntries(
  (['en', 'fr'] as const).map((language) => {
    const set = heldOutCategories.filter((example) => example.language === language)
    return [language, share(set.filter((example) => classifier.predict(example.text).label === example.label).length, set.length)]
  }),
)
const kinds = Object.fromEntries(
  (['en', 'fr'] as const).map((language) => {
    const set = heldOutKinds.filter((example) => example.language === language)
    return [language, share(set.filter((example) => identify(example.text).value === example.kind).length, set.length)]
  }),
)
const result: Record<string, unknown> = { categoryAccuracy: categories, kindAccuracy: kinds }
if (args.issues) {
  const issues = readLabelledCsv(args.issues, 'text', 'label')
  const right = issues.filter((issue) => identify(issue.text).value === (issue.label === 'bug' ? 'incident' : 'request')).length
  result['githubIssuesKindAccuracy'] = share(right, issues.length)
}
console.log(JSON.stringify(result))

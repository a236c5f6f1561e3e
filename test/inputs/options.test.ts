import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import {
  ACTION_FILE,
  actionWithInputs,
  declaredDefault,
  inputDescription,
  README_FILE,
  README_TABLES,
  readmeWithTables,
  tableName,
  WORKFLOW_FILE,
  workflowWithInputs
} from '../../scripts/options-docs'
import { defaultText, type OptionSpec, type Surface } from '../../src/inputs/options/spec'
import { ALL_OPTIONS } from '../../src/inputs/options/registry'

/**
 * The option registry (src/inputs/options/) against every place that lists options
 * outside src/: action.yml, the reusable workflow, the README's tables, the callers in
 * workflows/ and .env.example. Each failure names the place and the option.
 */
const REPO = path.join(__dirname, '..', '..')
const REGENERATE = 'run `npm run options-docs` to rewrite it from src/inputs/options/'

const namesOn = (surface: Surface): string[] => ALL_OPTIONS.filter(o => o.surfaces.includes(surface)).map(o => o.name)

/** Every difference between what a place lists and what the registry declares for it, one sentence each. */
function differences(place: string, listed: string[], declared: string[]): string[] {
  return [
    ...declared
      .filter(name => !listed.includes(name))
      .map(name => `${place} lacks "${name}", which src/inputs/options/ declares for it`),
    ...listed
      .filter(name => !declared.includes(name))
      .map(name => `${place} names "${name}", which src/inputs/options/ does not declare for it: add it there`)
  ]
}

type Inputs = Record<string, { description?: string; default?: unknown; type?: string }>
type Step = { uses?: string; run?: string; with?: Record<string, unknown> }
type Workflow = { on?: { workflow_call?: { inputs: Inputs } }; jobs: Record<string, Step & { steps?: Step[] }> }

const read = (file: string): string => readFileSync(file, 'utf8')
const actionInputs = (): Inputs => (parse(read(ACTION_FILE)) as { inputs: Inputs }).inputs
const workflow = (): Workflow => parse(read(WORKFLOW_FILE)) as Workflow
const option = (name: string): OptionSpec => ALL_OPTIONS.find(o => o.name === name) as OptionSpec

describe('the option registry', () => {
  it('names each option once, in kebab-case', () => {
    const names = ALL_OPTIONS.map(o => o.name)
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
    expect(names.filter(name => !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))).toEqual([])
  })

  it('names every value an option accepts in its summary', () => {
    const unnamed = ALL_OPTIONS.flatMap(o => {
      const schema = o.value && 'unwrap' in o.value ? (o.value as { unwrap(): unknown }).unwrap() : o.value
      const values = (schema as { options?: unknown } | undefined)?.options
      if (!Array.isArray(values) || typeof values[0] !== 'string') return []
      return (values as string[]).filter(v => !o.summary.includes(`\`${v}\``)).map(v => `${o.name}: ${v}`)
    })
    expect(unnamed).toEqual([])
  })

  it('gives every flag that takes a value a usage placeholder, and nothing else one', () => {
    const wrong = ALL_OPTIONS.filter(
      o => (o.metavar !== undefined) !== (o.surfaces.includes('cli') && o.given !== 'switch')
    )
    expect(wrong.map(o => o.name)).toEqual([])
  })
})

describe('action.yml', () => {
  it('declares exactly the action inputs of the registry', () => {
    expect(differences('action.yml', Object.keys(actionInputs()), namesOn('action'))).toEqual([])
  })

  it("gives each input the registry's description and declared default", () => {
    const inputs = actionInputs()
    const wrong = namesOn('action').flatMap(name => {
      const fallback = declaredDefault(option(name))
      // An action input's default is a string, a switch's too ('false').
      const expected = { description: inputDescription(option(name)), default: fallback?.toString() }
      const actual = { description: inputs[name]?.description, default: inputs[name]?.default }
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ name, actual, expected }]
    })
    expect(wrong).toEqual([])
  })

  it(`is what npm run options-docs writes (else ${REGENERATE})`, () => {
    const text = read(ACTION_FILE)
    expect(text).toBe(actionWithInputs(text))
  })
})

describe('the reusable workflow', () => {
  it('declares exactly the workflow inputs of the registry, with their defaults', () => {
    const inputs = workflow().on?.workflow_call?.inputs ?? {}
    expect(differences('.github/workflows/pyseal.yml', Object.keys(inputs), namesOn('workflow'))).toEqual([])
    for (const name of namesOn('workflow')) {
      const fallback = declaredDefault(option(name)) ?? (option(name).given === 'switch' ? false : '')
      expect({ name, default: inputs[name]?.default }).toEqual({ name, default: fallback })
    }
  })

  it(`is what npm run options-docs writes (else ${REGENERATE})`, () => {
    const text = read(WORKFLOW_FILE)
    expect(text).toBe(workflowWithInputs(text))
  })

  it('passes each input it shares with the action on to it, and uses every other one', () => {
    const jobs = workflow().jobs
    const action = jobs.build.steps?.find(s => s.uses?.endsWith('/pyseal@v1'))
    const shared = namesOn('workflow').filter(name => namesOn('action').includes(name))
    const notPassed = shared.filter(name => !String(action?.with?.[name]).includes(`inputs.${name}`))
    expect(notPassed).toEqual([])
    const unused = namesOn('workflow').filter(name => !JSON.stringify(jobs).includes(`inputs.${name}`))
    expect(unused).toEqual([])
  })
})

describe("the README's option tables", () => {
  const readme = read(README_FILE)

  it.each(Object.keys(README_TABLES) as Array<keyof typeof README_TABLES>)(
    'list exactly the options of the %s table, each with its default',
    id => {
      const block = new RegExp(`<!-- options:${id} -->\\n([\\s\\S]*?)<!-- /options:${id} -->`).exec(readme)?.[1] ?? ''
      const rows = block
        .split('\n')
        .slice(2)
        .filter(line => line.startsWith('| `'))
        .map(line => line.split(' | ').map(cell => cell.replace(/^\| /, '')))
      const options = README_TABLES[id].options
      const names = options.map(o => tableName(id, o))
      expect(
        differences(
          `README.md's ${id} table`,
          rows.map(([name]) => name.replace(/`/g, '')),
          names
        )
      ).toEqual([])
      for (const [name, fallback] of rows) {
        const declared = options.find(o => tableName(id, o) === name.replace(/`/g, ''))
        if (declared) expect({ name, default: fallback }).toEqual({ name, default: defaultText(declared) ?? 'none' })
      }
    }
  )

  it(`are what npm run options-docs writes (else ${REGENERATE})`, () => {
    expect(readme).toBe(readmeWithTables(readme))
  })

  it("include the action's outputs and the plan and report sub-actions' inputs and outputs, from their action.yml", () => {
    const blocks = [
      'outputs:action.yml',
      'inputs:plan/action.yml',
      'outputs:plan/action.yml',
      'inputs:report/action.yml',
      'outputs:report/action.yml'
    ]
    expect(blocks.filter(block => !readme.includes(`<!-- ${block} -->`))).toEqual([])
    const outputs = Object.keys((parse(read(ACTION_FILE)) as { outputs: object }).outputs)
    expect(outputs).toEqual(
      expect.arrayContaining(['cache-hit', 'cache-partial', 'cache-key', 'pyseal-version', 'python-version'])
    )
    for (const name of outputs) expect(readme).toContain(`| \`${name}\` |`)
  })
})

describe('the callers and examples', () => {
  const workflowFiles = [
    ...readdirSync(path.join(REPO, 'workflows')).map(f => path.join(REPO, 'workflows', f)),
    ...readdirSync(path.join(REPO, '.github', 'workflows')).map(f => path.join(REPO, '.github', 'workflows', f))
  ]

  it('give the action and the reusable workflow only inputs the registry has', () => {
    const unknown: string[] = []
    for (const file of workflowFiles) {
      for (const [jobName, job] of Object.entries((parse(read(file)) as Workflow).jobs)) {
        const calls: Array<[Step, Surface]> = [
          ...(job.uses?.includes('/pyseal.yml@') ? [[job, 'workflow'] as [Step, Surface]] : []),
          ...(job.steps ?? [])
            .filter(s => s.uses === './' || /\/pyseal@/.test(s.uses ?? ''))
            .map(s => [s, 'action'] as [Step, Surface])
        ]
        for (const [call, surface] of calls) {
          const where = `${path.relative(REPO, file)} (job ${jobName})`
          unknown.push(
            ...differences(where, Object.keys(call.with ?? {}), namesOn(surface)).filter(d => / names /.test(d))
          )
        }
      }
    }
    expect(unknown).toEqual([])
  })

  it('run pyseal build with only flags the registry has', () => {
    const texts = [README_FILE, ...workflowFiles].map(read)
    const flags = texts.flatMap(text =>
      [...text.matchAll(/pyseal(?:@\d+)? build\b([^\n`]*)|cli\.js build\b([^\n`]*)/g)].flatMap(m =>
        [...(m[1] ?? m[2]).matchAll(/--([a-z][\w-]*)/g)].map(f => f[1])
      )
    )
    expect(flags.length).toBeGreaterThan(0)
    expect(flags.filter(flag => !namesOn('cli').includes(flag))).toEqual([])
  })

  it('set only action inputs in .env.example (npm run local-action)', () => {
    const names = [...read(path.join(REPO, '.env.example')).matchAll(/^INPUT_([A-Z0-9_-]+)=/gm)].map(m =>
      m[1].toLowerCase()
    )
    expect(names.length).toBeGreaterThan(0)
    expect(differences('.env.example', names, namesOn('action')).filter(d => / names /.test(d))).toEqual([])
  })
})

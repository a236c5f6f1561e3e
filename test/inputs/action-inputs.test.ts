import { readActionInputs } from '../../src/inputs/action-inputs'
import { escapeCommand } from '../../src/main'

describe('action inputs', () => {
  it('reads INPUT_* variables by the CLI flag names, leaving empty ones unset', () => {
    const inputs = readActionInputs({
      INPUT_TARGET: 'linux-musl-x64',
      'INPUT_ENTRY-POINT': 'app.cli:main',
      INPUT_REQUIREMENTS: 'requirements.txt\n dev.txt \n',
      INPUT_NAME: '',
      'INPUT_OUT-DIR': 'out'
    })
    expect(inputs).toEqual({
      target: 'linux-musl-x64',
      'entry-point': 'app.cli:main',
      requirements: ['requirements.txt', 'dev.txt'],
      'out-dir': 'out'
    })
  })

  it('escapes a multi-line error for a workflow command', () => {
    expect(escapeCommand('a\nb 100%')).toBe('a%0Ab 100%25')
  })
})

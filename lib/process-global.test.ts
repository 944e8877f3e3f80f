import { expect, it } from 'vitest'
import { processGlobal } from './process-global'

it('creates the value once per process and returns that same value under the same key', () => {
  let created = 0
  const create = () => ({ id: ++created })
  const first = processGlobal('backend-playbook.test-global', create)
  expect(processGlobal('backend-playbook.test-global', create)).toBe(first)
  expect(Reflect.get(globalThis, Symbol.for('backend-playbook.test-global'))).toBe(first)
  expect(created).toBe(1)
})

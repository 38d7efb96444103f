import { describe, expect, it } from '@jest/globals'
import { apiUrlOf, serverUrlOf } from '../../src/core/env.js'

describe('the GitHub server and API a runner names', () => {
  it('are GitHub.com when the runner names none', () => {
    expect(serverUrlOf({})).toBe('https://github.com')
    expect(apiUrlOf({ GITHUB_API_URL: '' })).toBe('https://api.github.com')
    expect(serverUrlOf({ GITHUB_SERVER_URL: '  ' })).toBe('https://github.com')
  })

  it('have one form, without a trailing slash, whoever builds an address on them', () => {
    expect(serverUrlOf({ GITHUB_SERVER_URL: 'https://ghe.example.com/' })).toBe(
      'https://ghe.example.com'
    )
    expect(serverUrlOf({ GITHUB_SERVER_URL: 'https://ghe.example.com' })).toBe(
      'https://ghe.example.com'
    )
    expect(apiUrlOf({ GITHUB_API_URL: 'https://ghe.example.com/api/v3//' })).toBe(
      'https://ghe.example.com/api/v3'
    )
  })
})

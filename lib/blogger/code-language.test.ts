import { describe, expect, it } from 'vitest'
import { inferCodeLanguage } from './code-language'

describe('inferCodeLanguage', () => {
  it.each([
    [['brush:', 'js;'], 'js'],
    [['brush:', 'jscript;', 'gutter:', 'false;'], 'js'],
    [['brush:csharp'], 'csharp'],
    [['brush:', 'plain;'], 'text'],
    [['prettyprint', 'lang-java'], 'java'],
    [['language-sql'], 'sql'],
    [['language-Python'], 'python'],
    [['lang-yml'], 'yml'],
  ])('reads the language from the classes %j', (classNames, lang) => {
    expect(inferCodeLanguage(classNames, 'x = 1')).toEqual({ lang, source: 'class', hint: expect.any(String) })
  })

  it.each([
    ['#!/bin/bash\necho hi', 'bash'],
    ['#!/usr/bin/env python3\nprint(1)', 'python'],
    ['$ npm install\n$ npm test', 'bash'],
    ['<?xml version="1.0"?><a/>', 'xml'],
    ['<div class="x">hi</div>', 'html'],
    ['{"ok": true, "items": [1, 2]}', 'json'],
    ['select * from posts;', 'sql'],
    ['  WITH recent AS (select 1)\nselect * from recent', 'sql'],
    ['GET /api/posts HTTP/1.1\nHost: example.com', 'http'],
    ['HTTP/1.1 404 Not Found', 'http'],
  ])('guesses from the code when no class names one: %j', (code, lang) => {
    expect(inferCodeLanguage([], code)).toEqual({ lang, source: 'content' })
  })

  it.each([
    ['const a = 1', []],
    ['{ not: json', []],
    ['$ npm install\nadded 3 packages', []],
    ['Selecting the right index matters.', []],
  ])('falls back to text rather than guess: %j', (code, classNames) => {
    expect(inferCodeLanguage(classNames, code)).toEqual({ lang: 'text', source: 'none' })
  })

  it('ignores a class that names no language Shiki knows, and says so through the hint', () => {
    expect(inferCodeLanguage(['brush:', 'frobnicate;'], 'select 1')).toEqual({
      lang: 'sql',
      source: 'content',
      hint: 'frobnicate',
    })
    expect(inferCodeLanguage(['language-frobnicate'], 'x')).toEqual({
      lang: 'text',
      source: 'none',
      hint: 'frobnicate',
    })
  })
})

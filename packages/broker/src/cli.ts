#!/usr/bin/env node
import { runCli } from './run-cli.js'

await runCli({
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
  onSignal: (signal, handler) => process.on(signal, handler),
})

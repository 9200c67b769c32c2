#!/usr/bin/env node
import { runCli } from './cli';

process.exitCode = runCli(process.argv.slice(2), text => console.log(text), text => console.error(text));

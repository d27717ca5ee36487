#!/usr/bin/env node
import '../dist/cli/bulwark.js';

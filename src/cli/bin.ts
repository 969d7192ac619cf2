#!/usr/bin/env node
/** The installed command, `ecs-eks-cost` (the package in cli-package/, built by scripts/build-cli.ts). */
import { runFromProcess } from './main.ts';

runFromProcess();

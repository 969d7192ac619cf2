#!/usr/bin/env node
/** The installed pricing proxy, `ecs-eks-cost-proxy` (the package in cli-package/; settings: docs/proxy.md). */
import './main.ts';

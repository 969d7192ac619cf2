/**
 * The same proxy as an AWS Lambda handler (API Gateway REST or HTTP API, Function URL or ALB).
 * Settings come from the function's environment variables; package public/pricing/ with the
 * function and point SNAPSHOT_DIR at it. On Lambda the in-memory cache lives as long as the
 * execution environment, and PRICING_CACHE_DIR may point at /tmp.
 */
import { handle } from 'hono/aws-lambda';
import { createDefaultDeps } from './create-default-deps.ts';
import { createProxyApp } from './create-proxy-app.ts';
import { readProxyConfig } from './proxy-config.ts';

export const handler = handle(createProxyApp(createDefaultDeps(readProxyConfig(process.env))));

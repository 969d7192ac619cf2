# syntax=docker/dockerfile:1
#
# One small image: the built calculator (dist/) and the pricing proxy, which serves both the app
# and /api/pricing/<region> on port 8787. Build and run (docs/proxy.md):
#
#   docker build -t ecs-eks-calculator .
#   docker run --rm -p 8787:8787 -e AWS_PROFILE=pricing -v ~/.aws:/home/node/.aws:ro ecs-eks-calculator
#
# Without AWS credentials it still runs: /api/pricing answers the bundled snapshot with a reason.

# Node 22 LTS: the AWS SDK for JavaScript needs Node >= 22 for releases after January 2027.
ARG NODE_IMAGE=node:22-alpine

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The app asks the server it was loaded from for live prices (/api on the same origin).
ENV VITE_PRICING_API=same-origin
# 1. Type-check and build the app into dist/ (public/pricing/ is copied to dist/pricing/).
# 2. Build the proxy the npm package ships (scripts/build-cli.ts): the proxy and its dependencies
#    (hono, the AWS SDK, zod) as ES modules in cli-package/build/cli/, so the runtime image needs
#    no node_modules. scripts/cli-package.test.ts starts the runtime stage laid out from this file.
# 3. Pre-compress text files once; the proxy sends the .gz sibling to clients that accept gzip.
RUN npm run build \
 && npm run --silent build:cli \
 && find dist -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.json' -o -name '*.svg' \) \
      -size +1k -exec gzip -9 -k {} \;

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    STATIC_DIR=/app/dist \
    SNAPSHOT_DIR=/app/dist/pricing \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
WORKDIR /app
# curl: the container health check of the calculator's own ECS export runs
# `curl --fail http://localhost:8787/healthz` (Alpine ships only busybox wget).
RUN apk add --no-cache curl
COPY --from=build /app/dist ./dist
# The proxy's entry and the chunks it imports; the CLI's entry and chunks, built with them, come
# along unused (under 1 MB).
COPY --from=build /app/cli-package/build/cli ./proxy
# Files stay root-owned and read-only to the process; it needs no write access (PRICING_CACHE_DIR,
# when used, should point at a mounted volume or /tmp).
USER node
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl --fail --silent --output /dev/null http://127.0.0.1:8787/healthz || exit 1
# node itself, not npm, so the orchestrator's SIGTERM reaches the proxy and it closes gracefully.
CMD ["node", "proxy/ecs-eks-cost-proxy.mjs"]

# syntax=docker/dockerfile:1
# Crosstalk's image: a build stage with every dependency compiles dist/ (server code and embed bundle),
# then a runtime stage with production dependencies only runs it as the unprivileged `node` user.
#   docker build -t crosstalk .
#   docker run -p 4000:4000 -e DATABASE_URL=mysql://… -e REDIS_URL=redis://… crosstalk

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# npm ci applies patches/ (postinstall: patch-package).
COPY patches patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.js scripts/build.js
COPY embed embed
COPY studio studio
COPY entities entities
COPY resolvers resolvers
COPY src src
RUN node scripts/build.js --force \
  && rm -rf dist/.build \
  && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=4000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded SQLite file (used only when DATABASE_URL is unset) lives in data/, owned by the app user.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
# Slim Node images have no curl: the check is Node's own fetch against the liveness endpoint.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/server/main.js"]

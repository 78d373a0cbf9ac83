# Consent Gate — the gateway as a container.
#
#   docker build -t consent-gate .
#   docker run -p 8080:8080 -v consent-gate-data:/data -e CONSENT_GATE_API_KEY=... consent-gate
#
# Two stages: the build stage has the compiler better-sqlite3 needs (it
# builds from source when no prebuilt binary matches) and installs the
# production dependencies only — tsx is one of them: the gateway runs its
# TypeScript sources directly, there is no build step. The runtime stage is
# node:20-slim with no compiler, running as the unprivileged `node` user.

FROM node:20-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY adapters ./adapters
COPY data/state-rules.json data/area-code-states.json ./data/

FROM node:20-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data \
    PATH=/app/bin:$PATH
WORKDIR /app
COPY --from=build /app /app
# The store (SQLite, or the opt-out fallback queue with STORE=redis) lives in
# the volume; the code is owned by root and read-only to the process.
RUN mkdir -p /data && chown node:node /data && chmod 700 /data
VOLUME /data
USER node
EXPOSE 8080
# Process up: GET /healthz with the fetch built into Node (no curl in the image).
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM drains in-flight requests and closes the store, then exits 0;
# give it longer than SHUTDOWN_GRACE_MS (10 s) — e.g. docker stop -t 30.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]

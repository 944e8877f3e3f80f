# syntax=docker/dockerfile:1
# Multi-stage image for any container host: the final stage holds only the standalone server.
#   docker build -t backend-playbook .
#   docker run -p 3000:3000 -v playbook-data:/app/.data backend-playbook                # embedded PGlite
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://... backend-playbook             # PostgreSQL

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# SITE_URL is baked into canonical URLs and feeds at build time.
ARG SITE_URL=http://localhost:3000
ENV SITE_URL=${SITE_URL}
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
# The same public address at run time: canonical links and feeds rendered by the server, webhook
# links, and the comment origin check all read it, and the server refuses to start without it.
ARG SITE_URL=http://localhost:3000
ENV SITE_URL=${SITE_URL}
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    PGLITE_DIR=/app/.data/pglite
RUN groupadd --system --gid 1001 app && useradd --system --uid 1001 --gid app app \
    && mkdir -p /app/.data && chown app:app /app/.data
COPY --from=build --chown=app:app /app/.next/standalone ./
USER app
# The embedded database lives here; mount a volume, or set DATABASE_URL to use PostgreSQL.
VOLUME ["/app/.data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node itself is PID 1 and runs the server entry (lib/server/start.mjs, as `npm start` does), which
# handles SIGTERM: requests in flight and their after() work finish, then the database closes, within
# SHUTDOWN_TIMEOUT_MS. Webhooks a shutdown cuts off are sent at the next start (the outbox).
CMD ["node", "lib/server/start.mjs"]

# Image for the api (default), the worker and the CLI, on Node.js 24 LTS (the supported runtime):
#   docker build -t startup-grants .
#   docker run ... startup-grants                                   # api on :3000
#   docker run ... startup-grants node dist/src/worker.js           # worker
#   docker run ... startup-grants node dist/src/cli.js migrate      # migrations (also: create-database, seed)

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
# Dependencies first, so this layer is reused until package*.json change.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
 && npm prune --omit=dev \
 && npm cache clean --force

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Owned by root and read-only to the app user.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/templates ./templates
# The web pages' stylesheet and scripts, hashed and compressed in memory at start.
COPY --from=build /app/src/web/assets ./src/web/assets
# Attachments are written here (mount a volume on it to keep them across containers).
RUN mkdir -p /app/.data/attachments && chown -R node:node /app/.data
USER node
EXPOSE 3000
CMD ["node", "dist/src/main.js"]

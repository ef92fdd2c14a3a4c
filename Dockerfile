FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY src/store/drivers/postgres-next-write-patch.mjs ./src/store/drivers/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json drizzle.config.ts ./
COPY src ./src
COPY drizzle ./drizzle
COPY content ./content
# npm start's JavaScript build of src/, made now: the app's user cannot write node_modules.
RUN node scripts/start.mjs --build
USER node
EXPOSE 3000
CMD ["node", "scripts/start.mjs"]

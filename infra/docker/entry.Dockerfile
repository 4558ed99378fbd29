# The entry point: nginx with the web app's static files (services/web/dist) and nginx.conf.
# Build from the repository root (docker-compose.yml's `entry` does).

# --- build: only what the web app's Vite build needs.
FROM node:22.12.0-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json nx.json tsconfig.base.json .swcrc.json ./
COPY libs libs
COPY services services
RUN npm ci --no-audit --no-fund --ignore-scripts
RUN NX_DAEMON=false npx nx run @leerzone/web:build --output-style=stream

# --- runtime: nginx serving the build at / and proxying /api to the services.
FROM nginx:1.27.3-alpine
COPY infra/docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=web /app/services/web/dist /usr/share/nginx/html

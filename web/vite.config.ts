import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    // The Content-Security-Policy allows scripts from our own origin only: no inlined modules.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      // zod's sources carry comments Rollup cannot place; they are dropped, harmlessly.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
      output: {
        // Libraries change less often than our code: a separate file stays cached across releases.
        // One chunk only: splitting React from the libraries built on it breaks their load order.
        manualChunks: (id) => (id.includes("node_modules") ? "vendor" : undefined),
      },
    },
    // The libraries (React, Mantine, i18next, zod) make one file of about 750 kB, 230 kB compressed.
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    // shared/ (schemas, vocabulary, messages) lives beside web/.
    fs: { allow: [repositoryRoot] },
    proxy: { "/api": { target: "http://127.0.0.1:8080", changeOrigin: false } },
  },
});

import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { compileHints } from './scripts/build/compile-hints';

// Host access is limited to huggingface.co (the pages, and the digest's fetch of the Daily Papers API). API permissions:
// `storage`, `contextMenus` for the "Highlight/Mute the selection as a topic" items (Firefox accepts that name as well
// as `menus`), `alarms` for the digest's schedule; `notifications` is optional, asked for when the reader turns it on.
// `browser_specific_settings` (Firefox add-on id) lives here so browser differences stay in one place.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // PAPERSIFT_NO_MINIFY=1 keeps names readable in CPU profiles (see README, Benchmarks).
  vite: () => ({ plugins: [preact(), compileHints(/^content-scripts\/.*\.js$/)], build: { minify: !process.env.PAPERSIFT_NO_MINIFY } }),
  manifest: ({ browser }) => ({
    name: 'PaperSift',
    description: 'Highlight, save and hide papers on the Hugging Face Daily Papers pages.',
    // `alarms`: the digest's scheduled check; `notifications` only when the reader turns them on (asked then).
    permissions: ['storage', 'contextMenus', 'alarms'],
    optional_permissions: ['notifications'],
    host_permissions: ['https://huggingface.co/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // PaperSift keeps everything in the browser and sends nothing anywhere.
            gecko: { id: 'papersift@papersift.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            // Firefox for Android knows data_collection_permissions from 142 (web-ext lint warns otherwise).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

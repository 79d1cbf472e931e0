/** pdf.js's worker module, imported to run its parser on the main thread in Node (see pdfjs.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

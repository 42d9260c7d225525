import { Worker } from "node:worker_threads";

/** One college's answer as its client saw it. */
export interface ClientResult {
  status: number;
  latency: number;
  body: { result?: { data: { duplicate: boolean; rows: number } } };
}

/**
 * The colleges' clients, on a thread of their own: real secretaries send from their own machines, so their
 * requests' encoding, sending and answer parsing must not take the server's event loop (the bench's clients in
 * the server's thread once did: a few percent of its CPU, and their callbacks queued behind its work). Each body
 * is given to the thread once, before any clock; `send` then sends all of them at the same moment.
 */
const CLIENTS = `
const { parentPort } = require("node:worker_threads");
let bodies = [];
parentPort.on("message", async (message) => {
  if (message.bodies) { bodies = message.bodies; parentPort.postMessage({ ready: true }); return; }
  const results = await Promise.all(message.tokens.map(async (token, i) => {
    const t = performance.now();
    const res = await fetch(message.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer " + token },
      body: bodies[i],
    });
    const latency = performance.now() - t;
    return { status: res.status, latency, body: await res.json() };
  }));
  parentPort.postMessage({ results });
});
`;

export class HttpClients {
  private readonly worker = new Worker(CLIENTS, { eval: true });

  /** Hands the thread its request bodies (one per college, in the order of `send`'s tokens). */
  async load(bodies: readonly Uint8Array[]): Promise<void> {
    await this.ask({ bodies });
  }

  /** Every college sends its body to `url` at once; resolves with each answer, in the tokens' order. */
  async send(url: string, tokens: readonly string[]): Promise<ClientResult[]> {
    const { results } = (await this.ask({ url, tokens })) as { results: ClientResult[] };
    return results;
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private ask(message: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.worker.once("message", resolve);
      this.worker.once("error", reject);
      this.worker.postMessage(message);
    });
  }
}

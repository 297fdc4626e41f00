// The load: Chinese and Pakistani enterprises registered through the gateway, then offers and needs
// (the realistic texts of the matching evaluation set, test/fixtures/matching) posted with
// `?publish=true` at a steady rate with bounded concurrency. Every accepted write (201 + id) is kept;
// every other answer is counted per phase, and answers a client must never see (5xx other than 503 /
// 502 / 504 from the gateway, a 503 without Retry-After or a problem body, no answer at all) are kept
// as violations.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { ROOT, sleep } from '../preflight.mjs';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'matching');
const OMIT = new Set([
  'id',
  'enterpriseId',
  'country',
  'status',
  'version',
  'publishedAt',
  'updatedAt',
  'validUntil',
  'deadline',
]);
const strip = (o) => Object.fromEntries(Object.entries(o).filter(([k]) => !OMIT.has(k)));
export const OFFER_BODIES = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'offers.json'), 'utf8')).map(
  strip,
);
export const NEED_BODIES = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'needs.json'), 'utf8')).map(strip);

const CJK = '光华新明东方科技农业能源医药智能信息材料精密环保水利航天';
const URDU = 'ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہیے';
const pick = (alphabet, n) => {
  const chars = [...alphabet];
  return Array.from({ length: n }, () => chars[crypto.randomInt(chars.length)]).join('');
};

export function enterpriseBody(country) {
  const t = crypto.randomBytes(4).toString('hex');
  const cn = country === 'CN';
  return {
    legalName: cn ? `昆明${pick(CJK, 8)}技术有限公司` : `اسلام آباد ${pick(URDU, 8)} انجینئرنگ`,
    englishName: cn ? `Kunming ${t} Technology Co., Ltd.` : `Islamabad ${t} Engineering (Pvt) Ltd.`,
    country,
    region: cn ? 'CN-YN' : 'PK-IS',
    organisationType: 'company',
    sizeBand: 'medium',
    sectors: cn ? ['agriculture', 'energy', 'health'] : ['agriculture', 'energy'],
    website: `https://${t}.example.${cn ? 'cn' : 'pk'}`,
    languages: cn ? ['zh-Hans', 'en'] : ['ur', 'en'],
    contact: {
      name: cn ? '张伟' : 'Bilal Ahmed',
      email: `faults-${t}@example.${cn ? 'cn' : 'pk'}`,
      phone: cn ? '+8613900139000' : '+923331234567',
    },
  };
}

/** One HTTP call with a hard deadline; never throws. */
export async function call(base, method, p, body, key, timeoutMs = 25_000) {
  const headers = {};
  if (key) headers['x-api-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const started = Date.now();
  try {
    const res = await fetch(`${base}${p}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, json, text, ms: Date.now() - started };
  } catch (e) {
    const hang = e.name === 'TimeoutError' || e.name === 'AbortError';
    return { status: hang ? 'hang' : 'neterr', error: e.message, ms: Date.now() - started };
  }
}

/** Register `n` enterprises of `country`; throws unless every registration answers 201. */
export async function registerEnterprises(base, country, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = await call(base, 'POST', '/v1/enterprises', enterpriseBody(country));
    if (r.status !== 201)
      throw new Error(`registering a ${country} enterprise answered ${r.status}: ${r.text ?? r.error}`);
    out.push({ id: r.json.id, apiKey: r.json.apiKey, country });
  }
  return out;
}

/** Wait until catalog accepts each enterprise's key and knows the enterprise (one offer or need each). */
export async function warmUp(base, enterprises, timeoutMs = 60_000) {
  const accepted = [];
  for (const e of enterprises) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const kind = e.country === 'CN' ? 'offer' : 'need';
      const body = kind === 'offer' ? OFFER_BODIES[0] : NEED_BODIES[0];
      const r = await call(base, 'POST', `/v1/${kind}s?publish=true`, body, e.apiKey);
      if (r.status === 201) {
        accepted.push({ kind, id: r.json.id, enterpriseId: e.id, at: Date.now(), phase: 'warm-up' });
        break;
      }
      if (Date.now() > deadline)
        throw new Error(
          `catalog did not accept ${e.country} enterprise ${e.id} within ${timeoutMs / 1000} s (last: ${r.status} ${r.text ?? r.error})`,
        );
      await sleep(300);
    }
  }
  return accepted;
}

/**
 * A steady load of offer / need creations (and, with `registerEvery`, an enterprise registration every
 * n-th operation) at `rate` operations per second, at most `concurrency` in flight, until stop().
 */
export class Load {
  constructor({ base, enterprises, rate = 20, concurrency = 8, registerEvery = 0, log = () => undefined }) {
    this.base = base;
    this.cn = enterprises.filter((e) => e.country === 'CN');
    this.pk = enterprises.filter((e) => e.country === 'PK');
    this.rate = rate;
    this.concurrency = concurrency;
    this.registerEvery = registerEvery;
    this.log = log;
    this.accepted = [];
    this.statuses = {}; // phase → status → count
    this.violations = [];
    this.phase = 'before';
    this.seq = 0;
    this.inFlight = 0;
    this.stopped = false;
    this.waiters = [];
  }

  setPhase(p) {
    this.phase = p;
  }

  count(phase, status) {
    const s = (this.statuses[phase] ??= {});
    s[status] = (s[status] ?? 0) + 1;
  }

  /** Accepted writes of one kind (or all). */
  acceptedOf(kind) {
    return kind ? this.accepted.filter((a) => a.kind === kind) : this.accepted;
  }

  waitAccepted(n) {
    if (this.accepted.length >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  nextOp() {
    const i = this.seq++;
    if (this.registerEvery && i % this.registerEvery === this.registerEvery - 1) {
      const country = i % 2 ? 'CN' : 'PK';
      return { kind: 'enterprise', method: 'POST', path: '/v1/enterprises', body: enterpriseBody(country) };
    }
    if (i % 2 === 0) {
      const e = this.cn[i % this.cn.length];
      return {
        kind: 'offer',
        method: 'POST',
        path: '/v1/offers?publish=true',
        body: OFFER_BODIES[(i >> 1) % OFFER_BODIES.length],
        key: e.apiKey,
        enterpriseId: e.id,
      };
    }
    const e = this.pk[i % this.pk.length];
    return {
      kind: 'need',
      method: 'POST',
      path: '/v1/needs?publish=true',
      body: NEED_BODIES[(i >> 1) % NEED_BODIES.length],
      key: e.apiKey,
      enterpriseId: e.id,
    };
  }

  async one() {
    const op = this.nextOp();
    const phase = this.phase;
    const r = await call(this.base, op.method, op.path, op.body, op.key);
    this.count(phase, r.status);
    if (r.status === 201 && r.json?.id) {
      this.accepted.push({
        kind: op.kind,
        id: r.json.id,
        enterpriseId: op.kind === 'enterprise' ? r.json.id : op.enterpriseId,
        at: Date.now(),
        phase,
      });
      for (const w of [...this.waiters]) {
        if (this.accepted.length >= w.n) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve();
        }
      }
      return;
    }
    const problem = (r.headers?.get('content-type') ?? '').includes('application/problem+json');
    if (r.status === 'hang')
      this.violations.push({ phase, what: `no answer within 25 s (${op.method} ${op.path})` });
    else if (r.status === 503 && !(r.headers.get('retry-after') && problem)) {
      this.violations.push({
        phase,
        what: `503 without ${r.headers.get('retry-after') ? 'a problem body' : 'Retry-After'} (${op.method} ${op.path}): ${r.text?.slice(0, 200)}`,
      });
    } else if (typeof r.status === 'number' && r.status >= 500 && ![502, 503, 504].includes(r.status)) {
      this.violations.push({
        phase,
        what: `${r.status} (${op.method} ${op.path}): ${r.text?.slice(0, 300)}`,
      });
    }
  }

  /** Runs until stop(); resolves when the last request in flight has answered. */
  run() {
    const interval = 1000 / this.rate;
    const loop = async () => {
      let next = Date.now();
      const pending = new Set();
      while (!this.stopped) {
        if (this.inFlight >= this.concurrency) {
          await Promise.race(pending);
          continue;
        }
        const wait = next - Date.now();
        if (wait > 0) await sleep(wait);
        if (this.stopped) break;
        next = Math.max(next + interval, Date.now() - 5 * interval);
        this.inFlight++;
        const p = this.one().finally(() => {
          this.inFlight--;
          pending.delete(p);
        });
        pending.add(p);
      }
      await Promise.all(pending);
    };
    this.running = loop();
    return this.running;
  }

  async stop() {
    this.stopped = true;
    await this.running;
  }
}

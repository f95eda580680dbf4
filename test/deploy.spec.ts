import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';
import { PATH_METADATA } from '@nestjs/common/constants';
import { parse, parseAllDocuments } from 'yaml';
import { HealthController } from '../libs/health/src/health.controller';
import { MetricsController } from '../libs/observability/src/metrics.module';

const ROOT = join(__dirname, '..');
const KUSTOMIZE_DIRS = ['deploy/kubernetes/base', 'deploy/kubernetes/overlays/example'];

/** Kubernetes' own schemas, per apiVersion and kind, through kubernetes-models (an ES module: its own process). */
function validate(objects: unknown[]): Array<{ name: string; error: string | null }> {
  const out = execFileSync(process.execPath, [join(__dirname, 'support/validate-kubernetes.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
    cwd: ROOT,
  });
  return JSON.parse(out);
}

/** The HTTP paths the processes really serve for probes, read from the controllers' route metadata. */
function servedPaths(): Set<string> {
  const paths = new Set<string>();
  for (const controller of [HealthController, MetricsController]) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    for (const name of Object.getOwnPropertyNames(controller.prototype).filter((n) => n !== 'constructor')) {
      const sub = Reflect.getMetadata(PATH_METADATA, (controller.prototype as any)[name]);
      if (typeof sub === 'string') paths.add(`/${[base, sub].filter((p) => p && p !== '/').join('/')}`);
    }
  }
  return paths;
}

function render(dir: string): any[] {
  const out = execFileSync('kubectl', ['kustomize', join(ROOT, dir)], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => d.toJS());
}

describe.each(KUSTOMIZE_DIRS)('Kubernetes manifests (%s)', (dir) => {
  const objects = render(dir);
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = of('Deployment');
  const config = of('ConfigMap').find((c) => c.metadata.name === 'opvolging-config');

  it('render with kustomize, and every object is valid against the Kubernetes schema of its kind', () => {
    expect(objects.length).toBeGreaterThanOrEqual(9);
    const results = validate(objects);
    expect(results).toHaveLength(objects.length);
    expect(results.filter((r) => r.error)).toEqual([]);
    // and the validation does refuse what Kubernetes would refuse
    const [broken] = validate([{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'three' } }]);
    expect(broken.error).toEqual(expect.stringMatching(/replicas|selector|template/));
  });

  it('hold the API and worker Deployments (several replicas), the migration Job, an HPA and PodDisruptionBudgets', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['opvolging-api', 'opvolging-worker']);
    for (const d of deployments) expect(d.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(of('Job').map((j) => j.spec.template.spec.containers[0].command)).toEqual([['node', 'dist/apps/launcher/src/migrate.js']]);
    const [hpa] = of('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'opvolging-api' });
    for (const d of deployments) {
      const labels = d.spec.template.metadata.labels;
      const pdb = of('PodDisruptionBudget').find((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v));
      expect(pdb).toBeDefined();
    }
  });

  it('probe endpoints the processes really serve, on the port they listen on', () => {
    const paths = servedPaths();
    expect(paths).toEqual(new Set(['/health', '/health/ready', '/metrics']));
    const listens: Record<string, number> = {
      'opvolging-api': Number(config.data.PORT),
      'opvolging-worker': Number(config.data.WORKER_PORT),
    };
    for (const d of deployments) {
      const [container] = d.spec.template.spec.containers;
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.livenessProbe.httpGet.path).toBe('/health');
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
        const { path, port } = container[probe].httpGet;
        expect(paths).toContain(path);
        const named = container.ports.find((p: any) => p.name === port || p.containerPort === port);
        expect(named.containerPort).toBe(listens[d.metadata.name]);
      }
      expect(Number(d.spec.template.metadata.annotations['prometheus.io/port'])).toBe(listens[d.metadata.name]);
    }
  });

  it('take configuration from the ConfigMap and a Secret, in production without demo data', () => {
    expect(config.data).toMatchObject({ NODE_ENV: 'production', DEMO_DATA: 'false', LOG_FORMAT: 'json' });
    for (const pod of [...deployments, ...of('Job')].map((o) => o.spec.template.spec)) {
      expect(pod.containers[0].envFrom).toEqual([
        { configMapRef: { name: 'opvolging-config' } },
        { secretRef: { name: 'opvolging-secrets' } },
      ]);
    }
  });

  it('run as non-root, without privilege escalation, with resources and a grace period above the shutdown bound', () => {
    for (const object of [...deployments, ...of('Job')]) {
      const pod = object.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of pod.containers) {
        expect(c.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(c.resources.requests).toMatchObject({ cpu: expect.any(String), memory: expect.any(String) });
        expect(c.resources.limits.memory).toEqual(expect.any(String));
      }
    }
    for (const d of deployments) {
      expect(d.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(Number(config.data.SHUTDOWN_TIMEOUT_SECONDS));
    }
  });
});

describe('Docker', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker/compose.yaml'), 'utf8'), { merge: true });
  const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
  const app = ['migrate', 'api', 'worker'].map((name) => compose.services[name]);

  it('compose builds one image once and reuses it', () => {
    expect(app.filter((s) => s.build)).toHaveLength(1);
    expect(new Set(app.map((s) => s.image))).toEqual(new Set(['opvolging:local']));
    for (const s of app.filter((s) => !s.build)) expect(s.pull_policy).toBe('never');
  });

  it('compose loads no demo data by default and publishes the API on loopback only', () => {
    expect(app[1].environment.NODE_ENV).toBe('production');
    expect(app[1].environment.DEMO_DATA).toBe('${DEMO_DATA:-false}');
    expect(app[1].ports).toEqual(['127.0.0.1:3000:3000']);
  });

  it('the image is a supported Node LTS, runs as non-root and checks readiness', () => {
    const image = /^ARG NODE_IMAGE=node:(\d+)-/m.exec(dockerfile);
    expect(['22', '24']).toContain(image?.[1]);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(/^HEALTHCHECK[\s\S]*?CMD (.*)$/m.exec(dockerfile)?.[1]).toContain("'/health/ready'");
  });
});

// Names one object uses for another must exist in the same render, or be made outside it on
// purpose (listed in providedOutside with who makes them).
const providedOutside = [
  // The MongoDB operator writes each user's connection string as <resource>-<db>-<user>.
  { secret: /^decentwork-mongodb-admin-[a-z]+$/, by: "the MongoDB Community Operator" },
  // TLS certificates come from the organisation's CA or cert-manager (README "## Kubernetes").
  { secret: /^(identity|gateway)-tls$/, by: "the operator of the cluster (TLS certificate)" },
];

export function crossReferences(objects) {
  const problems = [];
  const named = kind => new Set(objects.filter(o => o.kind === kind).map(o => o.metadata.name));
  const secrets = named("Secret"), configMaps = named("ConfigMap"), claims = named("PersistentVolumeClaim");
  const services = new Map(objects.filter(o => o.kind === "Service").map(o => [o.metadata.name, o]));
  const workloads = objects.filter(o => ["Deployment", "StatefulSet"].includes(o.kind));
  const where = o => `${o.kind} ${o.metadata.name}`;
  const needSecret = (o, name, what) => {
    if (!secrets.has(name) && !providedOutside.some(p => p.secret?.test(name))) problems.push(`${where(o)}: ${what} names Secret ${name}, which is not rendered`);
  };
  const needConfigMap = (o, name, what) => {
    if (!configMaps.has(name)) problems.push(`${where(o)}: ${what} names ConfigMap ${name}, which is not rendered`);
  };
  const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

  for (const o of workloads) {
    const pod = o.spec.template.spec;
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      const ports = new Set((c.ports ?? []).flatMap(p => [p.name, p.containerPort]));
      for (const e of c.env ?? []) {
        if (e.valueFrom?.secretKeyRef) needSecret(o, e.valueFrom.secretKeyRef.name, `env ${e.name}`);
        if (e.valueFrom?.configMapKeyRef) needConfigMap(o, e.valueFrom.configMapKeyRef.name, `env ${e.name}`);
      }
      for (const e of c.envFrom ?? []) {
        if (e.secretRef) needSecret(o, e.secretRef.name, "envFrom");
        if (e.configMapRef) needConfigMap(o, e.configMapRef.name, "envFrom");
      }
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
        if (port !== undefined && !ports.has(port)) problems.push(`${where(o)}: ${probe} of ${c.name} uses port ${port}, which the container does not declare`);
      }
      const volumes = new Set((pod.volumes ?? []).map(v => v.name));
      for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) problems.push(`${where(o)}: ${c.name} mounts volume ${m.name}, which the pod does not define`);
    }
    for (const v of pod.volumes ?? []) {
      if (v.secret) needSecret(o, v.secret.secretName, `volume ${v.name}`);
      if (v.configMap) needConfigMap(o, v.configMap.name, `volume ${v.name}`);
      if (v.persistentVolumeClaim && !claims.has(v.persistentVolumeClaim.claimName))
        problems.push(`${where(o)}: volume ${v.name} names PersistentVolumeClaim ${v.persistentVolumeClaim.claimName}, which is not rendered`);
    }
    if (!matches(o.spec.selector.matchLabels, o.spec.template.metadata?.labels)) problems.push(`${where(o)}: its selector does not match its own pod template`);
  }

  // Selectors must find pods: ours, or the operators' (their StatefulSets are not rendered here).
  const operatorPods = [{ app: "decentwork-mongodb-svc" }, { "app.kubernetes.io/name": "decentwork-rabbitmq" }];
  const selects = selector => workloads.some(w => matches(selector, w.spec.template.metadata?.labels)) || operatorPods.some(l => matches(selector, l));
  for (const o of objects) {
    if (o.kind === "Service" && o.spec.selector && !selects(o.spec.selector)) problems.push(`${where(o)}: its selector matches no pod template`);
    if (o.kind === "PodDisruptionBudget" && !selects(o.spec.selector.matchLabels)) problems.push(`${where(o)}: its selector matches no pod template`);
    if (o.kind === "NetworkPolicy" && Object.keys(o.spec.podSelector.matchLabels ?? {}).length && !selects(o.spec.podSelector.matchLabels))
      problems.push(`${where(o)}: its podSelector matches no pod template`);
    if (o.kind === "HorizontalPodAutoscaler" && !workloads.some(w => w.kind === o.spec.scaleTargetRef.kind && w.metadata.name === o.spec.scaleTargetRef.name))
      problems.push(`${where(o)}: scales ${o.spec.scaleTargetRef.kind} ${o.spec.scaleTargetRef.name}, which is not rendered`);
    if (o.kind === "Ingress")
      for (const rule of o.spec.rules ?? []) for (const path of rule.http?.paths ?? []) {
        const backend = path.backend.service, service = services.get(backend?.name);
        if (!service) problems.push(`${where(o)}: routes to Service ${backend?.name}, which is not rendered`);
        else if (!service.spec.ports.some(p => p.name === backend.port.name || p.port === backend.port.number))
          problems.push(`${where(o)}: routes to port ${backend.port.name ?? backend.port.number} of Service ${backend.name}, which it does not have`);
      }
    if (o.kind === "MongoDBCommunity") for (const u of o.spec.users ?? []) needSecret(o, u.passwordSecretRef?.name, `user ${u.name}`);
    if (o.kind === "User" && o.spec.importCredentialsSecret) needSecret(o, o.spec.importCredentialsSecret.name, "importCredentialsSecret");
    if (o.kind === "Permission" && o.spec.userReference && !objects.some(u => u.kind === "User" && u.metadata.name === o.spec.userReference.name))
      problems.push(`${where(o)}: names User ${o.spec.userReference.name}, which is not rendered`);
  }
  return problems;
}

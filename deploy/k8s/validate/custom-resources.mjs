// The operators' custom resources are not in kubernetes-models. These rules check what can be
// checked honestly without the operators' CRDs: the apiVersion and kind the operators serve, the
// fields their CRDs mark required, and the type (and enum or pattern) of every field DecentWork
// sets, as their CRDs (MongoDB Community Operator v1, RabbitMQ Cluster Operator and Messaging
// Topology Operator v1beta1) declare them. Other fields are let through: the CRDs have many more.
const str = { type: "string" };
const int = { type: "integer" };
const quantity = { type: ["string", "integer"] };
const ref = { type: "object", required: ["name"], properties: { name: str } };
const resources = {
  type: "object",
  properties: { requests: { type: "object", values: quantity }, limits: { type: "object", values: quantity } },
};
const dnsName = { type: "string", pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/ };
const clusterReference = { type: "object", properties: { name: str, namespace: str, connectionSecret: ref } };

export const customResources = {
  "mongodbcommunity.mongodb.com/v1 MongoDBCommunity": {
    type: "object",
    required: ["security", "type", "users", "version"],
    properties: {
      type: { type: "string", enum: ["ReplicaSet"] },
      members: int,
      arbiters: int,
      version: { type: "string", pattern: /^\d+\.\d+\.\d+/ },
      featureCompatibilityVersion: str,
      security: {
        type: "object",
        properties: {
          authentication: {
            type: "object",
            required: ["modes"],
            properties: { modes: { type: "array", items: { type: "string", enum: ["SCRAM", "SCRAM-SHA-256", "SCRAM-SHA-1", "X509"] } } },
          },
        },
      },
      users: {
        type: "array",
        items: {
          type: "object",
          required: ["name", "passwordSecretRef", "roles", "scramCredentialsSecretName"],
          properties: {
            name: str,
            db: str,
            passwordSecretRef: { type: "object", required: ["name"], properties: { name: str, key: str } },
            roles: { type: "array", items: { type: "object", required: ["db", "name"], properties: { db: str, name: str } } },
            scramCredentialsSecretName: dnsName,
          },
        },
      },
      additionalMongodConfig: { type: "object" },
      statefulSet: { type: "object", required: ["spec"], properties: { spec: { type: "object" } } },
    },
  },
  "rabbitmq.com/v1beta1 RabbitmqCluster": {
    type: "object",
    properties: {
      replicas: int,
      image: str,
      persistence: { type: "object", properties: { storage: quantity, storageClassName: str } },
      resources,
      rabbitmq: {
        type: "object",
        properties: { additionalConfig: str, advancedConfig: str, envConfig: str, additionalPlugins: { type: "array", items: str } },
      },
    },
  },
  "rabbitmq.com/v1beta1 User": {
    type: "object",
    required: ["rabbitmqClusterReference"],
    properties: {
      rabbitmqClusterReference: clusterReference,
      importCredentialsSecret: ref,
      tags: { type: "array", items: { type: "string", enum: ["management", "policymaker", "monitoring", "administrator"] } },
    },
  },
  "rabbitmq.com/v1beta1 Permission": {
    type: "object",
    required: ["permissions", "rabbitmqClusterReference", "vhost"],
    // The operator refuses a Permission naming neither (its webhook); the CRD cannot say it.
    oneOf: [["user"], ["userReference"]],
    properties: {
      vhost: str,
      user: str,
      userReference: ref,
      rabbitmqClusterReference: clusterReference,
      permissions: { type: "object", properties: { configure: str, write: str, read: str } },
    },
  },
};

/** Problems of <value> against <rule>, each "path: what". */
export function check(value, rule, path) {
  const problems = [];
  const types = [rule.type].flat();
  const typeOf = Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : value === null ? "null" : typeof value;
  if (!types.includes(typeOf)) return [`${path}: must be ${types.join(" or ")}, is ${typeOf}`];
  if (rule.enum && !rule.enum.includes(value)) problems.push(`${path}: must be one of ${rule.enum.join(", ")}`);
  if (rule.pattern && !rule.pattern.test(value)) problems.push(`${path}: does not match ${rule.pattern}`);
  for (const key of rule.required ?? []) if (!(key in value)) problems.push(`${path}.${key}: required`);
  if (rule.oneOf && rule.oneOf.filter(keys => keys.every(k => k in value)).length !== 1)
    problems.push(`${path}: needs exactly one of ${rule.oneOf.map(k => k.join("+")).join(", ")}`);
  for (const [key, sub] of Object.entries(rule.properties ?? {})) if (key in value) problems.push(...check(value[key], sub, `${path}.${key}`));
  if (rule.items) value.forEach((item, i) => problems.push(...check(item, rule.items, `${path}[${i}]`)));
  if (rule.values) for (const [k, v] of Object.entries(value)) problems.push(...check(v, rule.values, `${path}.${k}`));
  return problems;
}

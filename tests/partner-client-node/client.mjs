// A partner agency's client on another stack (Node, @grpc/grpc-js + @grpc/proto-loader): it loads
// the protos from contracts/ exactly as a partner would, and through the gateway, with a bearer
// token, reads from each of the four services, makes one write, and decodes the
// google.rpc.BadRequest of a refused call and the google.rpc.ErrorInfo of a missing one. Prints one JSON summary line; exits non-zero on any
// surprise, so the end-to-end test that spawns it fails.
//
//   DECENTWORK_GATEWAY=127.0.0.1:5000 DECENTWORK_TOKEN=<access token> node client.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const contracts = process.env.DECENTWORK_CONTRACTS ?? path.resolve(here, '../../contracts');
const gateway = process.env.DECENTWORK_GATEWAY ?? '127.0.0.1:5000';
const token = process.env.DECENTWORK_TOKEN;
if (!token) throw new Error('DECENTWORK_TOKEN is required: an access token the gateway accepts');

const includeDirs = [path.join(contracts, 'protos'), path.join(contracts, 'third_party')];
const files = ['programming', 'coordination', 'partnerships', 'training'].map(c => `decentwork/${c}/v1/${c}.proto`);
// Enums as their proto names and 64-bit integers as strings: what the proto3 JSON mapping says.
const definition = protoLoader.loadSync(files, { includeDirs, keepCase: false, longs: String, enums: String, defaults: true, oneofs: true });
const api = grpc.loadPackageDefinition(definition).decentwork;

// The token travels on every call as metadata; cleartext HTTP/2 to the gateway's gRPC listener (loopback here).
const bearer = new grpc.Metadata();
bearer.set('authorization', `Bearer ${token}`);

const client = (Service) => new Service(gateway, grpc.credentials.createInsecure());
const call = (service, method, request) => new Promise((resolve, reject) =>
  service[method](request, bearer, (error, response) => (error ? reject(error) : resolve(response))));

const programming = client(api.programming.v1.ProgrammingService);
const coordination = client(api.coordination.v1.CoordinationService);
const partnerships = client(api.partnerships.v1.PartnershipsService);
const training = client(api.training.v1.TrainingService);

/** google.rpc.Status and its details, from the protos vendored in contracts/third_party/google/rpc. */
function errorTypes() {
  const root = new protobuf.Root();
  root.resolvePath = (_, target) => (path.isAbsolute(target) ? target : includeDirs.map(d => path.join(d, target)).find(fs.existsSync) ?? target);
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: false });
  return Object.fromEntries(['Status', 'BadRequest', 'ErrorInfo', 'RetryInfo'].map(name => [name, root.lookupType(`google.rpc.${name}`)]));
}
const errors = errorTypes();

/** The google.rpc.Status a refused call carries in its trailers, with each detail decoded by its type. */
function statusOf(error) {
  const [bin] = error.metadata.get('grpc-status-details-bin');
  if (!bin) throw new Error(`${error.code} without grpc-status-details-bin`);
  const status = errors.Status.decode(bin);
  // protobufjs's built-in google.protobuf.Any keeps the proto field name type_url.
  const detail = (type) => status.details.filter(d => (d.typeUrl ?? d.type_url).endsWith(`/google.rpc.${type}`)).map(d => errors[type].decode(d.value))[0];
  return { status, detail };
}

async function main() {
  const reads = {
    programmes: (await call(programming, 'ListProgrammes', { pageSize: 5 })).totalSize,
    undafs: (await call(coordination, 'ListUndafs', { pageSize: 5 })).totalSize,
    partners: (await call(partnerships, 'ListPartners', { pageSize: 5 })).totalSize,
    courses: (await call(training, 'ListCourses', { pageSize: 5 })).totalSize,
  };
  const partner = await call(partnerships, 'RegisterPartner', {
    name: `Partner agency from Node ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    category: 'PARTNER_CATEGORY_BILATERAL_GOVERNMENT',
  });

  let refusal;
  try {
    await call(programming, 'RegisterProgramme', { countryCode: 'QQQ', title: '' });
    throw new Error('an invalid programme was accepted');
  } catch (error) {
    if (error.code !== grpc.status.INVALID_ARGUMENT) throw error;
    const badRequest = statusOf(error).detail('BadRequest');
    if (!badRequest) throw new Error('no google.rpc.BadRequest among the details');
    refusal = { code: 'INVALID_ARGUMENT', fields: badRequest.fieldViolations.map(v => v.field).sort() };
  }

  // A non-validation error: a stable reason, the domain and the id in a google.rpc.ErrorInfo.
  let notFound;
  const missing = '00000000-0000-4000-8000-000000000001';
  try {
    await call(programming, 'GetProgramme', { id: missing });
    throw new Error('a programme that does not exist was found');
  } catch (error) {
    if (error.code !== grpc.status.NOT_FOUND) throw error;
    const info = statusOf(error).detail('ErrorInfo');
    if (!info) throw new Error('no google.rpc.ErrorInfo among the details');
    notFound = { code: 'NOT_FOUND', reason: info.reason, domain: info.domain, metadata: info.metadata ?? {} };
  }
  console.log(JSON.stringify({ reads, wrote: { partnerId: partner.id, partnerName: partner.name }, refusal, notFound }));
}

main().then(() => process.exit(0), error => {
  console.error(`partner client failed: ${error.code ?? ''} ${error.details ?? error.message}`);
  process.exit(1);
});

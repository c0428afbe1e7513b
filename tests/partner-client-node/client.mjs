// A partner agency's client on another stack (Node, @grpc/grpc-js + @grpc/proto-loader): it loads
// the protos from contracts/ exactly as a partner would, and through the gateway, with a bearer
// token, reads from each of the four services, makes one write, and decodes the
// google.rpc.BadRequest of a refused call. Prints one JSON summary line; exits non-zero on any
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

/** google.rpc.Status and BadRequest: from contracts/third_party/google/rpc when vendored, else the same two messages declared here. */
function errorTypes() {
  const vendored = path.join(contracts, 'third_party', 'google', 'rpc');
  if (fs.existsSync(path.join(vendored, 'error_details.proto'))) {
    const root = new protobuf.Root();
    root.resolvePath = (_, target) => (path.isAbsolute(target) ? target : includeDirs.map(d => path.join(d, target)).find(fs.existsSync) ?? target);
    root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: false });
    return { Status: root.lookupType('google.rpc.Status'), BadRequest: root.lookupType('google.rpc.BadRequest'), source: 'contracts/third_party' };
  }
  const root = protobuf.Root.fromJSON({ nested: { google: { nested: { rpc: { nested: {
    Any: { fields: { typeUrl: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 } } },
    Status: { fields: { code: { type: 'int32', id: 1 }, message: { type: 'string', id: 2 }, details: { rule: 'repeated', type: 'Any', id: 3 } } },
    BadRequest: { fields: { fieldViolations: { rule: 'repeated', type: 'FieldViolation', id: 1 } }, nested: {
      FieldViolation: { fields: { field: { type: 'string', id: 1 }, description: { type: 'string', id: 2 } } } } },
  } } } } } });
  return { Status: root.lookupType('google.rpc.Status'), BadRequest: root.lookupType('google.rpc.BadRequest'), source: 'declared in the client' };
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
    const [bin] = error.metadata.get('grpc-status-details-bin');
    if (!bin) throw new Error('INVALID_ARGUMENT without grpc-status-details-bin');
    const types = errorTypes();
    const status = types.Status.decode(bin);
    const badRequest = status.details.filter(d => d.typeUrl.endsWith('/google.rpc.BadRequest')).map(d => types.BadRequest.decode(d.value))[0];
    if (!badRequest) throw new Error('no google.rpc.BadRequest among the details');
    refusal = { code: 'INVALID_ARGUMENT', fields: badRequest.fieldViolations.map(v => v.field).sort(), decodedWith: types.source };
  }
  console.log(JSON.stringify({ reads, wrote: { partnerId: partner.id, partnerName: partner.name }, refusal }));
}

main().then(() => process.exit(0), error => {
  console.error(`partner client failed: ${error.code ?? ''} ${error.details ?? error.message}`);
  process.exit(1);
});

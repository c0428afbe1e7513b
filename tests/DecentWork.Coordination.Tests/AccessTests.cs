using DecentWork.Contracts.Coordination.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace DecentWork.Coordination.Tests;

/// <summary>Who may call what in the coordination service, from the matrix and <see cref="CoordinationRpcs"/>.</summary>
public class AccessTests(CoordinationFixture fixture)
    : ServiceAccessTests<CoordinationFixture, CoordinationService.CoordinationServiceClient, CoordinationRpcs>(fixture)
{
    protected override ServiceDescriptor Descriptor => CoordinationService.Descriptor;
    protected override Type Implementation => typeof(Grpc.CoordinationService);
    protected override Type ImplementationBase => typeof(CoordinationService.CoordinationServiceBase);
    protected override string PolicyPrefix => "coordination.";
    protected override string WritePolicy => AccessPolicies.CoordinationWrite;
    protected override string JsonRoute => "/v1/undafs";
    protected override CoordinationService.CoordinationServiceClient ClientOn(ChannelBase channel) => new(channel);
}

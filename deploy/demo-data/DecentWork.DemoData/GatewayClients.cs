using Grpc.Net.Client;
using Coordination = DecentWork.Contracts.Coordination.V1;
using Partnerships = DecentWork.Contracts.Partnerships.V1;
using Programming = DecentWork.Contracts.Programming.V1;
using Training = DecentWork.Contracts.Training.V1;

namespace DecentWork.DemoData;

/// <summary>The four services' clients, all through the gateway, as a partner agency would call them.</summary>
public sealed class GatewayClients(GrpcChannel gateway)
{
    public Programming.ProgrammingService.ProgrammingServiceClient Programming { get; } = new(gateway);
    public Partnerships.PartnershipsService.PartnershipsServiceClient Partnerships { get; } = new(gateway);
    public Coordination.CoordinationService.CoordinationServiceClient Coordination { get; } = new(gateway);
    public Training.TrainingService.TrainingServiceClient Training { get; } = new(gateway);
}

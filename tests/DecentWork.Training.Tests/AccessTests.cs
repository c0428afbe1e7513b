using DecentWork.Contracts.Training.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace DecentWork.Training.Tests;

/// <summary>Who may call what in the training service, from the matrix and <see cref="TrainingRpcs"/>.</summary>
public class AccessTests(TrainingFixture fixture)
    : ServiceAccessTests<TrainingFixture, TrainingService.TrainingServiceClient, TrainingRpcs>(fixture)
{
    protected override ServiceDescriptor Descriptor => TrainingService.Descriptor;
    protected override Type Implementation => typeof(Grpc.TrainingService);
    protected override Type ImplementationBase => typeof(TrainingService.TrainingServiceBase);
    protected override string PolicyPrefix => "training.";
    protected override string WritePolicy => AccessPolicies.TrainingWrite;
    protected override string JsonRoute => "/v1/courses";
    protected override TrainingService.TrainingServiceClient ClientOn(ChannelBase channel) => new(channel);
}

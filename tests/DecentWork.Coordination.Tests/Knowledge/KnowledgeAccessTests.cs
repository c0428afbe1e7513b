using DecentWork.Contracts.Coordination.V1;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>Every RPC of the knowledge service with the policy it is meant to name.</summary>
public sealed class KnowledgeRpcs : IServiceRpcs<KnowledgeService.KnowledgeServiceClient>
{
    private const string Read = AccessPolicies.KnowledgeRead;
    private const string Write = AccessPolicies.KnowledgeWrite;

    public static IReadOnlyList<ServiceRpc<KnowledgeService.KnowledgeServiceClient>> All { get; } =
    [
        new(nameof(KnowledgeService.KnowledgeServiceClient.RegisterKnowledgeItem), Write, c => c.RegisterKnowledgeItemAsync(new RegisterKnowledgeItemRequest()).ResponseAsync),
        new(nameof(KnowledgeService.KnowledgeServiceClient.GetKnowledgeItem), Read, c => c.GetKnowledgeItemAsync(new GetKnowledgeItemRequest()).ResponseAsync),
        new(nameof(KnowledgeService.KnowledgeServiceClient.ListKnowledgeItems), Read, c => c.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest()).ResponseAsync),
        new(nameof(KnowledgeService.KnowledgeServiceClient.ChangeKnowledgeItem), Write, c => c.ChangeKnowledgeItemAsync(new ChangeKnowledgeItemRequest()).ResponseAsync),
        new(nameof(KnowledgeService.KnowledgeServiceClient.WithdrawKnowledgeItem), Write, c => c.WithdrawKnowledgeItemAsync(new WithdrawKnowledgeItemRequest()).ResponseAsync),
        new(nameof(KnowledgeService.KnowledgeServiceClient.Search), Read, c => c.SearchAsync(new SearchRequest()).ResponseAsync),
        new(nameof(KnowledgeService.KnowledgeServiceClient.ReportRegionComparison), Read, c => c.ReportRegionComparisonAsync(new ReportRegionComparisonRequest()).ResponseAsync),
    ];
}

/// <summary>Who may call what in the knowledge service, from the matrix and <see cref="KnowledgeRpcs"/>.</summary>
public class KnowledgeAccessTests(CoordinationFixture fixture)
    : ServiceAccessTests<CoordinationFixture, KnowledgeService.KnowledgeServiceClient, KnowledgeRpcs>(fixture)
{
    protected override ServiceDescriptor Descriptor => KnowledgeService.Descriptor;
    protected override Type Implementation => typeof(Grpc.KnowledgeService);
    protected override Type ImplementationBase => typeof(KnowledgeService.KnowledgeServiceBase);
    protected override string PolicyPrefix => "knowledge.";
    protected override string WritePolicy => AccessPolicies.KnowledgeWrite;
    protected override string JsonRoute => "/v1/knowledge-items";
    protected override KnowledgeService.KnowledgeServiceClient ClientOn(ChannelBase channel) => new(channel);
}

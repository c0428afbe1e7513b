using DecentWork.Contracts.Partnerships.V1;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.Testing;

namespace DecentWork.Partnerships.Tests;

public sealed class PartnershipsFixture() : ServiceFixture(PartnershipsApp.ServiceName, PartnershipsApp.Build);

/// <summary>Request builders the service tests share; names are made unique because the rule forbids repeats.</summary>
internal static class Requests
{
    public static RegisterPartnerRequest Partner(string name = "Government of Norway", PartnerCategory category = PartnerCategory.BilateralGovernment) =>
        new() { Name = $"{name} {Guid.NewGuid():N}", Category = category };

    public static RecordFundingApprovalRequest Approval(string partnerId, string? programmeId = null, decimal amount = 1_500_000.25m, int year = 2007) => new()
    {
        PartnerId = partnerId,
        ProgrammeId = programmeId ?? Guid.NewGuid().ToString(),
        Amount = ProtoConvert.ToMoney(amount),
        Year = year,
    };
}

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

    public static RegisterAgreementRequest Agreement(string partnerId, int startYear = 2008, AgreementKind kind = AgreementKind.MultiYearFramework) => new()
    {
        PartnerId = partnerId,
        Title = $"Framework agreement {startYear}",
        Kind = kind,
        StartDate = new Google.Type.Date { Year = startYear, Month = 1, Day = 1 },
        EndDate = new Google.Type.Date { Year = startYear + 1, Month = 12, Day = 31 },
        PledgedAmount = new Google.Type.Money { CurrencyCode = "NOK", Units = 120_000_000 },
        Earmarking = Earmarking.SoftlyEarmarked,
        ThematicProvisions = { ThematicProvision.GenderEquality, ThematicProvision.Tripartism },
    };
}

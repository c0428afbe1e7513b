using DecentWork.Partnerships.Domain;
using DecentWork.ServiceDefaults;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;

namespace DecentWork.Partnerships.Tests;

public class FundingApprovalRequestIdTests
{
    private static readonly DateTimeOffset Now = new(2007, 5, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Partner Eu = Partner.Register("European Union", PartnerCategory.EuropeanUnion, Now);
    private static readonly Guid Programme = Guid.NewGuid();

    private static FundingTerms Terms(string? requestId = "retry-1", decimal secondAllocation = 400m) => new(Programme,
        [
            new Allocation { Region = IloRegion.Africa, CountryCode = "ZMB", ProgrammeId = Programme, StrategicObjective = 2, AmountUsd = 600m },
            new Allocation { ProgrammeId = Programme, AmountUsd = secondAllocation },
        ],
        new DateOnly(2007, 6, 30), 800m, "EUR", FundingSource.ExtraBudgetary, Earmarking.SoftlyEarmarked, MobilisedBy.FieldOffice, Guid.NewGuid(), requestId);

    private static FundingApproval Recorded(FundingTerms terms) => FundingApproval.Record(Eu, 1_000m, 2007, terms, Now);

    [Fact]
    public void Record_WhenRequestIdIsMalformed_IsNotPossible()
    {
        var error = Assert.Throws<DomainRuleException>(() => Recorded(Terms("no spaces")));
        Assert.Contains("request id", error.Message);
    }

    [Fact]
    public void Record_WhenRequestIdIsGiven_KeysTheApprovalByIt()
    {
        var approval = Recorded(Terms("retry-1"));
        Assert.Equal(("retry-1", "request:retry-1"), (approval.RequestId, approval.RequestKey));
    }

    [Fact]
    public void Record_WhenNoRequestId_KeysTheApprovalByItsOwnIdSoKeysNeverRepeat()
    {
        var first = Recorded(Terms(requestId: null));
        var second = Recorded(Terms(requestId: ""));

        Assert.Equal(("", $"approval:{first.Id:N}"), (first.RequestId, first.RequestKey));
        Assert.NotEqual(first.RequestKey, second.RequestKey);
    }

    [Fact]
    public void RequestKeyFor_WhenARequestIdLooksLikeAnApprovalKey_StillDiffersFromIt()
    {
        var id = Guid.NewGuid();
        Assert.NotEqual(FundingApproval.RequestKeyFor("", id), FundingApproval.RequestKeyFor($"approval:{id:N}", Guid.NewGuid()));
    }

    [Fact]
    public void Repeats_WhenTheSameTermsAreSentAgain_IsTrue()
    {
        var terms = Terms();
        var approval = Recorded(terms);

        Assert.True(approval.Repeats(Eu.Id, 1_000m, 2007, terms));
        Assert.Same(approval, approval.AnswerRepeat(Eu.Id, 1_000m, 2007, terms));
    }

    [Fact]
    public void Repeats_WhenDefaultsAreSpelledOut_IsTrue()
    {
        var minimal = FundingApproval.Record(Eu, 10m, 2007, new FundingTerms(Programme, [], RequestId: "min"), Now);
        var spelledOut = new FundingTerms(Programme, [], OriginalAmount: 10m, OriginalCurrency: "USD", Source: FundingSource.ExtraBudgetary,
            Earmarking: Earmarking.Earmarked, RequestId: "min");

        Assert.True(minimal.Repeats(Eu.Id, 10.00m, 2007, spelledOut));
    }

    [Fact]
    public void Repeats_WhenAnyPartOfTheContentDiffers_IsFalse()
    {
        var terms = Terms();
        var approval = Recorded(terms);

        Assert.False(approval.Repeats(Guid.NewGuid(), 1_000m, 2007, terms));
        Assert.False(approval.Repeats(Eu.Id, 1_000.01m, 2007, terms));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2008, terms));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { ApprovalDate = new DateOnly(2007, 7, 1) }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { OriginalAmount = 801m }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { OriginalCurrency = "CHF" }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { Source = FundingSource.RegularBudgetTc }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { Earmarking = Earmarking.TightlyEarmarked }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { MobilisedBy = MobilisedBy.Headquarters }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { AgreementId = null }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { ProgrammeId = null, Allocations = [new Allocation { AmountUsd = 1_000m }] }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, terms with { Allocations = [.. terms.Allocations.Reverse()] }));
        Assert.False(approval.Repeats(Eu.Id, 1_000m, 2007, Terms(secondAllocation: 399m) with { AgreementId = terms.AgreementId }));
    }

    [Fact]
    public void AnswerRepeat_WhenContentDiffers_IsAlreadyExistsNamingTheApproval()
    {
        var approval = Recorded(Terms());

        var error = Assert.Throws<AlreadyExistsException>(() => approval.AnswerRepeat(Eu.Id, 999m, 2007, Terms()));

        Assert.Contains(approval.Id.ToString(), error.Message);
        Assert.Contains("retry-1", error.Message);
    }
}

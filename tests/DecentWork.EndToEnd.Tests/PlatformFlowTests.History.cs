using System.Net;
using System.Text.Json;
using DecentWork.ServiceDefaults.Security;
using DecentWork.Testing;
using Google.Type;
using CoordinationV1 = DecentWork.Contracts.Coordination.V1;
using PartnershipsV1 = DecentWork.Contracts.Partnerships.V1;

namespace DecentWork.EndToEnd.Tests;

/// <summary>History through the gateway: two users change records in two services; each history names who, when and old → new.</summary>
public partial class PlatformFlowTests
{
    private static readonly TestCaller Ana = new("Programme officer Ana", [Roles.ProgrammeStaff]);
    private static readonly TestCaller Bo = new("Programme officer Bo", [Roles.ProgrammeStaff]);
    private static readonly TestCaller Chidi = new("UN coordination officer Chidi", [Roles.UnCoordination]);
    private static readonly TestCaller Dana = new("UN coordination officer Dana", [Roles.UnCoordination]);

    [Fact]
    public async Task Histories_WhenTwoUsersChangeAPartnersAgreementAndAnUndaf_ReadWhoWhenAndOldToNewOverJson()
    {
        var asAna = new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpcFor(Ana));
        var partner = await asAna.RegisterPartnerAsync(new PartnershipsV1.RegisterPartnerRequest
        {
            Name = $"Government of Norway {Guid.NewGuid():N}", Category = PartnershipsV1.PartnerCategory.BilateralGovernment,
        });
        var agreement = await asAna.RegisterAgreementAsync(new PartnershipsV1.RegisterAgreementRequest
        {
            PartnerId = partner.Id, Title = "Framework agreement 2008", Kind = PartnershipsV1.AgreementKind.MultiYearFramework,
            StartDate = new Date { Year = 2008, Month = 1, Day = 1 }, EndDate = new Date { Year = 2009, Month = 12, Day = 31 },
            PledgedAmount = new Money { CurrencyCode = "NOK", Units = 120_000_000 }, Earmarking = PartnershipsV1.Earmarking.SoftlyEarmarked,
        });
        await new PartnershipsV1.PartnershipsService.PartnershipsServiceClient(Platform.GatewayGrpcFor(Bo)).ReviewAgreementAlignmentAsync(
            new PartnershipsV1.ReviewAgreementAlignmentRequest
            {
                PartnerId = partner.Id, Id = agreement.Id, ExpectedVersion = agreement.Version,
                StrategicPriorities = new PartnershipsV1.AlignmentFinding { Met = true }, ProgrammingCycles = new PartnershipsV1.AlignmentFinding { Met = true },
                PredictableFunding = new PartnershipsV1.AlignmentFinding { Met = false }, HarmonisedReporting = new PartnershipsV1.AlignmentFinding { Met = true },
                CommonPrinciples = new PartnershipsV1.AlignmentFinding { Met = true }, ReviewDate = new Date { Year = 2008, Month = 9, Day = 1 },
            });
        var undaf = await new CoordinationV1.CoordinationService.CoordinationServiceClient(Platform.GatewayGrpcFor(Chidi))
            .RegisterUndafAsync(new CoordinationV1.RegisterUndafRequest { CountryCode = "MWI", CycleStartYear = 2008, CycleEndYear = 2011 });
        await new CoordinationV1.CoordinationService.CoordinationServiceClient(Platform.GatewayGrpcFor(Dana))
            .ChangeUndafStatusAsync(new CoordinationV1.ChangeUndafStatusRequest { Id = undaf.Id, Status = CoordinationV1.UndafStatus.Active, ExpectedVersion = undaf.Version });

        var partnerHistory = await HistoryAsync(Bo, $"/v1/partners/{partner.Id}/history");
        var agreementHistory = await HistoryAsync(Ana, $"/v1/partners/{partner.Id}/agreements/{agreement.Id}/history");
        var undafHistory = await HistoryAsync(Bo, $"/v1/undafs/{undaf.Id}/history");

        var created = Assert.Single(partnerHistory);
        Assert.Equal(("RegisterPartner", "Programme officer Ana"), (created.GetProperty("action").GetString(), created.GetProperty("actorName").GetString()));
        Assert.Contains(Changes(created), c => c.Path == "name" && c.Old is null && c.New == partner.Name);

        Assert.Equal(2, agreementHistory.Count);
        var reviewed = agreementHistory[1];
        Assert.Equal(("ReviewAgreementAlignment", "Programme officer Bo"), (reviewed.GetProperty("action").GetString(), reviewed.GetProperty("actorName").GetString()));
        // The first review fills a field that was empty: the whole review, null → its value.
        var review = Assert.Single(Changes(reviewed), c => c.Path == "alignmentReview");
        Assert.Null(review.Old);
        Assert.Contains("\"predictableFunding\":{\"met\":false", review.New);
        Assert.NotEqual(agreementHistory[0].GetProperty("actorSubject").GetString(), reviewed.GetProperty("actorSubject").GetString());

        Assert.Equal(["Chidi", "Dana"], undafHistory.Select(r => r.GetProperty("actorName").GetString()!.Split(' ')[^1]));
        var activated = undafHistory[1];
        Assert.Equal("2", activated.GetProperty("version").GetString());
        Assert.True(activated.GetProperty("changedAt").GetDateTimeOffset() >= undafHistory[0].GetProperty("changedAt").GetDateTimeOffset());
        var status = Assert.Single(Changes(activated), c => c.Path == "status");
        Assert.Equal("Active", status.New);
        Assert.NotNull(status.Old);
    }

    private async Task<List<JsonElement>> HistoryAsync(TestCaller caller, string path)
    {
        using var response = await Platform.GatewayJsonFor(caller).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.Clone())];
    }

    private static List<(string Path, string? Old, string? New)> Changes(JsonElement record) =>
        [.. record.GetProperty("changes").EnumerateArray().Select(c => (
            c.GetProperty("path").GetString()!,
            c.TryGetProperty("oldValue", out var old) ? old.GetString() : null,
            c.TryGetProperty("newValue", out var @new) ? @new.GetString() : null))];
}

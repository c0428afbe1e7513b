using DecentWork.Contracts.Programming.V1;
using DecentWork.Testing;
using Grpc.Core;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

/// <summary>
/// Country scope: a country office or constituent sees only its countries' programmes. Another
/// country's programme is, for them, an unknown id; lists and reports leave it out.
/// </summary>
public class ProgrammeScopeServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    private readonly ProgrammingService.ProgrammingServiceClient _staff = new(fixture.Service.Channel);
    private LifecycleClient Lifecycle => new(fixture.Service);
    private ProgrammingService.ProgrammingServiceClient As(TestCaller caller) => new(fixture.Service.ChannelFor(caller));

    [Fact]
    public async Task EveryRpc_WhenTheProgrammeIsOfAnotherCountry_AnswersAsForAnUnknownId()
    {
        var other = await Lifecycle.WithOutcomeAsync("RWA");
        var office = As(TestCaller.CountryOffice("UGA"));
        var unknown = Guid.NewGuid().ToString();

        var unknownError = await RpcAssert.FailsWith(StatusCode.NotFound, () => office.GetProgrammeAsync(new GetProgrammeRequest { Id = unknown }).ResponseAsync);
        var hiddenError = await RpcAssert.FailsWith(StatusCode.NotFound, () => office.GetProgrammeAsync(new GetProgrammeRequest { Id = other.Id }).ResponseAsync);
        // The same answer, word for word, as for an id that does not exist: nothing leaks.
        Assert.Equal(unknownError.Status.Detail.Replace(unknown, other.Id), hiddenError.Status.Detail);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = other.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.ReportIndicatorProgressAsync(new ReportIndicatorProgressRequest { ProgrammeId = other.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = other.Id, Title = "Not ours" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => office.StartConsultationAsync(new StartConsultationRequest { ProgrammeId = other.Id }).ResponseAsync);

        var unchanged = await _staff.GetProgrammeAsync(new GetProgrammeRequest { Id = other.Id });
        Assert.Equal((other.Version, ProgrammeStatus.Draft), (unchanged.Version, unchanged.Status));
    }

    [Fact]
    public async Task ListAndReports_ForACountryOffice_CountOnlyItsCountries()
    {
        var own = await Lifecycle.WithOutcomeAsync("KEN");
        await Lifecycle.WithOutcomeAsync("TZA");
        await Lifecycle.WithOutcomeAsync("ETH");
        var office = As(TestCaller.CountryOffice("KEN"));

        var listed = await office.ListProgrammesAsync(new ListProgrammesRequest { PageSize = 100 });
        Assert.Equal(own.Id, Assert.Single(listed.Programmes).Id);
        Assert.Equal(1, listed.TotalSize);
        var asked = await office.ListProgrammesAsync(new ListProgrammesRequest { Country = "TZA" });
        Assert.Equal((0, 0), (asked.Programmes.Count, asked.TotalSize));
        Assert.True((await _staff.ListProgrammesAsync(new ListProgrammesRequest())).TotalSize >= 3);

        var gaps = await office.ReportFundingGapsAsync(new ReportFundingGapsRequest { PageSize = 100 });
        Assert.Equal((1, own.Id), (gaps.TotalSize, Assert.Single(gaps.Programmes).ProgrammeId));
        Assert.Equal(1_000_000m, DecentWork.ServiceDefaults.Grpc.ProtoConvert.ToDecimal(gaps.TotalResourceNeed));
        var byStatus = await office.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest());
        Assert.Equal(1, byStatus.TotalProgrammes);
        var byObjective = await office.ReportOutcomesByStrategicObjectiveAsync(new ReportOutcomesByStrategicObjectiveRequest());
        Assert.Equal(1, byObjective.Rows.Sum(r => r.OutcomeCount));
        var training = await office.ReportTrainingByProgrammeAsync(new ReportTrainingByProgrammeRequest { Country = "TZA" });
        Assert.Equal(0, training.TotalSize);
        var staffView = await _staff.ReportOutcomesByStrategicObjectiveAsync(new ReportOutcomesByStrategicObjectiveRequest());
        Assert.True(staffView.Rows.Sum(r => r.OutcomeCount) >= 3);
    }

    [Fact]
    public async Task CountryOffice_ForItsOwnCountry_RegistersReadsAndChangesItsDrafts()
    {
        var officer = TestCaller.CountryOffice("GHA", "TGO");
        var office = As(officer);

        var registered = await office.RegisterProgrammeAsync(Registration("GHA"));
        var changed = await office.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = registered.Id, Title = "Youth employment" });
        Assert.Equal(officer.ClientId, changed.DraftedBy);
        Assert.Equal(changed, await office.GetProgrammeAsync(new GetProgrammeRequest { Id = registered.Id }));
        var history = await office.GetProgrammeHistoryAsync(new GetProgrammeHistoryRequest { ProgrammeId = registered.Id });
        var officerDisplay = await fixture.Service.DisplayOfAsync(officer);
        Assert.All(history.Entries, e => Assert.Equal(officerDisplay, e.ChangedBy));
        Assert.Equal(registered.Id, Assert.Single((await office.ListProgrammesAsync(new ListProgrammesRequest())).Programmes).Id);

        var elsewhere = await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => office.RegisterProgrammeAsync(Registration("NGA")).ResponseAsync);
        Assert.Equal("a country office registers programmes of its own countries", elsewhere.Status.Detail);
        Assert.Equal(0, (await _staff.ListProgrammesAsync(new ListProgrammesRequest { Country = "NGA" })).TotalSize);
    }

    [Fact]
    public async Task Constituent_OfTheCountry_ReadsItsProgrammeButCannotDraft()
    {
        var programme = await Lifecycle.WithOutcomeAsync("CIV");
        var elsewhere = await Lifecycle.RegisterAsync("MLI");
        var constituent = As(TestCaller.Constituent("CIV", "workers"));

        Assert.Equal(programme.Id, (await constituent.GetProgrammeAsync(new GetProgrammeRequest { Id = programme.Id })).Id);
        Assert.Equal(1, (await constituent.ListProgrammesAsync(new ListProgrammesRequest())).TotalSize);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => constituent.GetProgrammeAsync(new GetProgrammeRequest { Id = elsewhere.Id }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => constituent.AddPriorityAsync(new AddPriorityRequest { ProgrammeId = programme.Id, Title = "Ours too" }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => constituent.RegisterProgrammeAsync(Registration("CIV", 2012, 2015)).ResponseAsync);
    }

    [Fact]
    public async Task ScopedCaller_WhenTheTokenNamesNoCountry_SeesNothing()
    {
        await Lifecycle.RegisterAsync("SEN");
        var office = As(TestCaller.WithRole(DecentWork.ServiceDefaults.Security.Roles.CountryOffice));

        var listed = await office.ListProgrammesAsync(new ListProgrammesRequest());
        Assert.Equal((0, 0), (listed.Programmes.Count, listed.TotalSize));
        Assert.Equal(0, (await office.ReportProgrammesByStatusAsync(new ReportProgrammesByStatusRequest())).TotalProgrammes);
    }
}

using System.Linq.Expressions;
using System.Reflection;
using DecentWork.Coordination.Domain;
using DecentWork.Partnerships.Domain;
using DecentWork.Programming.Domain;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Reference;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Training.Domain;
using static DecentWork.ServiceDefaults.Tests.Storage.Mongo.Mql;
using TrainingContract = DecentWork.Contracts.Training.V1;

namespace DecentWork.ServiceDefaults.Tests.Storage.Mongo;

/// <summary>
/// The filters the four services pass to QueryAsync, CountAsync, PageAsync and ReadAllAsync,
/// rendered by the driver and compared with the MQL they must become: the field names the class
/// maps write, the operators, and values of the stored types (UUIDs, dates, enum numbers). Where the
/// service builds its filter in a method reachable from here, that method is called; otherwise the
/// expression is the call site's, copied with its file named.
/// </summary>
public sealed class ServiceFilterTests
{
    private static readonly Guid Id = Guid.Parse("3f2b1c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d");
    private const string IdShell = "UUID('3f2b1c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d')";

    // --- programming ---

    [Fact]
    public void ProgrammeFilters_WhenRendered_UseStoredNamesEnumNumbersAndIn()
    {
        var countries = new List<string> { "KHM", "TZA" };               // ProgrammeScope.VisibleTo
        var region = IloRegion.Africa;
        var status = ProgrammeStatus.Approved;
        var key = Programme.KeyOfRequest("agency:42");
        var list = Filter.All<Programme>(                                  // ProgrammingService.ListProgrammes
            p => countries.Contains(p.CountryCode), p => p.CountryCode == "KHM", p => p.Region == region, p => p.Status == status,
            p => p.RequestKey == key);

        Assert.Equal(Expect($"{{ $and : [{{ CountryCode : {{ $in : ['KHM', 'TZA'] }} }}, {{ CountryCode : 'KHM' }}, {{ Region : {(int)region} }}, {{ Status : {(int)status} }}, {{ RequestKey : '{key}' }}] }}"),
            Render(list));
        Assert.Equal(Expect("{ CountryCode : 'KHM', ApprovalSequence : { $gt : 0 } }"),   // ProgrammeChanges.LastApprovalSequenceAsync
            Render<Programme>(p => p.CountryCode == "KHM" && p.ApprovalSequence > 0));
        Assert.Equal(Expect($"{{ CountryCode : 'KHM', Status : {(int)status} }}"),       // ProgrammeChanges.BindingProgrammesAsync
            Render<Programme>(p => p.CountryCode == "KHM" && p.Status == status));
        Assert.Equal(Expect("{ CountryCode : '' }"), Render<Programme>(p => p.CountryCode == ""));
        Assert.Equal(Expect("{ }"), Render(Filter.All<Programme>()));                      // backfill and reports: everything
        Assert.Equal(Expect("{ }"), Render<Programme>(_ => true));
    }

    // --- partnerships ---

    [Fact]
    public void FundingApprovalFilters_WhenRendered_CompareUuidsAndYearRanges()
    {
        var source = FundingSource.Rbsa;
        var reports = Filter.All<FundingApproval>(a => a.Year >= 2006, a => a.Year <= 2007, a => a.Source == source); // PartnershipsService.Reports.LoadApprovals
        var list = Filter.All<FundingApproval>(a => a.PartnerId == Id, a => a.ProgrammeId == Id, a => a.Year == 2007,       // ListFundingApprovals
            a => a.RequestKey == "request:x");

        Assert.Equal(Expect($"{{ Year : {{ $gte : 2006, $lte : 2007 }}, Source : {(int)source} }}"), Render(reports));
        Assert.Equal(Expect($"{{ PartnerId : {IdShell}, ProgrammeId : {IdShell}, Year : 2007, RequestKey : 'request:x' }}"), Render(list));
        Assert.Equal(Expect($"{{ ProgrammeId : {IdShell} }}"), Render<FundingApproval>(a => a.ProgrammeId == Id)); // FundingGap
    }

    [Fact]
    public void ProgrammeNeedsByOutcome_WhenRendered_MatchesAnyOutcomeOfTheList()
    {
        // PartnershipsService.Approvals: programmes known to hold an outcome.
        var outcomeId = Id;

        var rendered = Render<ProgrammeNeeds>(p => p.Outcomes.Select(o => o.OutcomeId).Any(id => id == outcomeId));

        Assert.Equal(Expect($"{{ 'Outcomes.OutcomeId' : {IdShell} }}"), rendered);
    }

    [Fact]
    public void PartnerScopeFilters_WhenRendered_ComeFromTheServicesReadScope()
    {
        var scope = ReadScopeOfPartner(Id);
        var projects = (Expression<Func<Project, bool>>)Property(scope, "Projects");
        var agreements = (Expression<Func<Agreement, bool>>)Property(scope, "Agreements");
        var partners = (Expression<Func<Partner, bool>>)Property(scope, "Partners");
        var status = ProjectStatus.Implementation;

        Assert.Equal(Expect($"{{ PartnerIds : {IdShell}, Status : {(int)status} }}"), Render(Filter.All(projects, p => p.Status == status)));
        Assert.Equal(Expect($"{{ PartnerId : {IdShell} }}"), Render(agreements));
        Assert.Equal(Expect($"{{ _id : {IdShell}, Category : {(int)PartnerCategory.UnSystem} }}"),
            Render(Filter.All(partners, p => p.Category == PartnerCategory.UnSystem)));
        Assert.Equal(Expect("{ NormalizedName : 'european commission' }"), Render<Partner>(p => p.NormalizedName == "european commission"));
    }

    [Fact]
    public void ProjectPeriodFilter_WhenRendered_ComparesDatesAsBsonDates()
    {
        var from = new DateOnly(2006, 1, 1);
        var to = new DateOnly(2007, 12, 31);

        var rendered = Render(Filter.All<Project>(p => p.EndDate >= from, p => p.StartDate <= to)); // PartnershipsService.Projects linkage

        Assert.Equal(Expect("{ EndDate : { $gte : ISODate('2006-01-01T00:00:00Z') }, StartDate : { $lte : ISODate('2007-12-31T00:00:00Z') } }"), rendered);
    }

    // --- coordination ---

    [Fact]
    public void CoordinationFilters_WhenRendered_UseKeysAndEnumNumbers()
    {
        var kind = CrisisResponseKind.EarlyRecoveryProgramme;
        var status = ToolkitAssessmentStatus.Completed;
        var jointStatus = JointProgrammeStatus.Approved;

        Assert.Equal(Expect("{ CountryCycleKey : 'KHM|2011' }"), Render<Undaf>(u => u.CountryCycleKey == "KHM|2011"));
        Assert.Equal(Expect("{ CountryCode : 'KHM' }"), Render(Filter.All<Undaf>(u => u.CountryCode == "KHM")));
        Assert.Equal(Expect("{ CountryCode : 'KHM' }"), Render<CountryPresence>(p => p.CountryCode == "KHM"));
        Assert.Equal(Expect("{ CountryCode : 'ALB' }"), Render<DeliveringAsOnePilot>(p => p.CountryCode == "ALB"));
        Assert.Equal(Expect($"{{ Kind : {(int)kind}, CountryCode : 'HTI' }}"),
            Render(Filter.All<CrisisResponse>(c => c.Kind == kind, c => c.CountryCode == "HTI")));
        Assert.Equal(Expect("{ AgencyScopeKey : 'unicef|global' }"), Render<ToolkitAssessment>(a => a.AgencyScopeKey == "unicef|global"));
        Assert.Equal(Expect($"{{ Status : {(int)status}, Agency : 'UNICEF', CountryCode : 'KHM' }}"),
            Render(Filter.All<ToolkitAssessment>(a => a.Status == status, a => a.Agency == "UNICEF", a => a.CountryCode == "KHM")));
        Assert.Equal(Expect($"{{ Status : {(int)jointStatus} }}"), Render(Filter.All<JointProgramme>(j => j.Status == jointStatus)));
    }

    // --- training ---

    [Fact]
    public void CourseSearch_WhenRendered_EscapesTheSearchTextAndFacetsAsRegexLiterals()
    {
        var request = new TrainingContract.ListCoursesRequest
        {
            Text = "c++ (advanced).",
            Theme = TrainingContract.CourseTheme.SocialDialogue,
            DeliveryMode = TrainingContract.DeliveryMode.Distance,
            Language = "fr",
        };
        var filter = CourseFilter(request);

        var rendered = Render(filter);

        // Withdrawn courses are left out with $ne, which also matches courses stored before the field existed.
        Assert.Equal(Expect(@"{ $and : [{ Withdrawn : { $ne : true } }, { SearchText : /c\+\+\ \(advanced\)\./s }, { SearchFacets : /\|theme:socialdialogue\|/s },
            { SearchFacets : /\|delivery:distance\|/s }, { SearchFacets : /\|lang:fr\|/s }] }"),
            rendered);
    }

    [Fact]
    public void TrainingFilters_WhenRendered_UseArrayMembershipUuidsAndDayNumbers()
    {
        var withEditions = new List<Guid> { Id };

        // ProgrammeTrainingCounter: the keys are one delimited string, so Contains is a substring
        // match, a regex in MongoDB: its delimiters must arrive escaped, or "|" would mean "or".
        var key = ProgrammeKeys.Key(Id);
        var linked = Expect(@"{ LinkedProgrammeKeys : /\|3f2b1c4d5e6f4a8b9c0d1e2f3a4b5c6d\|/s }");
        Assert.Equal(linked, Render<Course>(c => c.LinkedProgrammeKeys.Contains(key)));
        Assert.Equal(linked, Render<Edition>(e => e.LinkedProgrammeKeys.Contains(key)));
        Assert.Equal(Expect($"{{ CourseId : {IdShell} }}"), Render<Edition>(e => e.CourseId == Id));
        Assert.Equal(Expect($"{{ _id : {{ $in : [{IdShell}] }} }}"), Render<Course>(c => withEditions.Contains(c.Id)));
        Assert.Equal(Expect("{ Code : 'A908' }"), Render<Course>(c => c.Code == "A908"));
        Assert.Equal(Expect($"{{ CourseId : {IdShell}, StartYear : {{ $gte : 2005, $lte : 2007 }} }}"),
            Render(Filter.All<Edition>(e => e.CourseId == Id, e => e.StartYear >= 2005, e => e.StartYear <= 2007)));
        Assert.Equal(Expect($"{{ StartDay : {{ $gte : 732000, $lte : 733000 }}, Status : {{ $ne : {(int)EditionStatus.Cancelled} }} }}"),
            Render(Filter.All<Edition>(e => e.StartDay >= 732000, e => e.StartDay <= 733000, e => e.Status != EditionStatus.Cancelled)));
    }

    private static Expression<Func<Course, bool>> CourseFilter(TrainingContract.ListCoursesRequest request)
    {
        var mapping = typeof(Course).Assembly.GetType("DecentWork.Training.Grpc.CourseMapping", throwOnError: true)!;
        var violations = new FieldViolations();
        var filter = (Expression<Func<Course, bool>>)mapping.GetMethod("ToFilter", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [request, violations])!;
        Assert.True(violations.IsEmpty);
        return filter;
    }

    private static object ReadScopeOfPartner(Guid partnerId)
    {
        var scope = typeof(Partner).Assembly.GetType("DecentWork.Partnerships.Grpc.ReadScope", throwOnError: true)!;
        return scope.GetMethod("OfPartner", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [partnerId])!;
    }

    private static object Property(object target, string name) =>
        target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)!.GetValue(target)!;
}

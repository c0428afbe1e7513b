using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Partnerships;
using DecentWork.Contracts.Events.Training;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Coordination.Tests.Knowledge.KnowledgeClients;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>TC projects and courses in the search, from partnerships' and training's events over the real broker.</summary>
public class ProjectCourseSearchTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private static readonly DateTimeOffset At = new(2008, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly KnowledgeService.KnowledgeServiceClient _staff = For(fixture, TestCaller.ProgrammeStaff);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private static ProjectPublished Project(Guid id, string title, int revision, bool withdrawn = false, params string[] countries) =>
        new(id, $"TC/{id:N}", title, countries.Length == 0 ? ["KEN"] : countries, new DateOnly(2008, 1, 1), withdrawn, revision, At.AddDays(revision));

    private Task<SearchResponse> FoundAsync(string word, Func<SearchResponse, bool> done, KnowledgeService.KnowledgeServiceClient? client = null,
        SearchResultKind kind = SearchResultKind.Unspecified) =>
        Eventually.Until(() => (client ?? _staff).SearchAsync(new SearchRequest { Query = word, Kind = kind }).ResponseAsync, done, what: $"search for {word}");

    [Fact]
    public async Task Search_WhenAProjectAndACourseArePublished_FindsThemByTheirWords()
    {
        var word = UniqueWord();
        var project = Project(Guid.NewGuid(), $"Youth employment {word} in Kenya", 1);
        var course = new CoursePublished(Guid.NewGuid(), "A907", "Labour inspection", $"Modern {word} methods", At, false, 1, At);
        await Bus.Publish(project);
        await Bus.Publish(course);

        var found = await FoundAsync(word, r => r.Results.Count == 2);

        Assert.Equal([(SearchResultKind.Project, project.ProjectId.ToString(), project.Title, "KEN", 3), (SearchResultKind.Course, course.CourseId.ToString(), "Labour inspection", "", 1)],
            found.Results.Select(r => (r.Kind, r.Id, r.Title, r.CountryCode, r.Score)));
        var onlyCourses = await _staff.SearchAsync(new SearchRequest { Query = word, Kind = SearchResultKind.Course });
        Assert.Equal([course.CourseId.ToString()], onlyCourses.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_WhenAProjectIsWithdrawnOrRepublishedLate_FollowsTheLatestState()
    {
        var (word, renamed) = (UniqueWord(), UniqueWord());
        var id = Guid.NewGuid();
        await Bus.Publish(Project(id, $"Social dialogue {word}", 1));
        await FoundAsync(word, r => r.Results.Count == 1);

        await Bus.Publish(Project(id, $"Social dialogue {renamed}", 2));
        await FoundAsync(renamed, r => r.Results.Count == 1);
        Assert.Empty((await _staff.SearchAsync(new SearchRequest { Query = word })).Results);

        await Bus.Publish(Project(id, $"Social dialogue {renamed}", 3, withdrawn: true));
        await FoundAsync(renamed, r => r.Results.Count == 0);
        // The same event again, and an older one, change nothing: a withdrawn project stays unfound.
        await Bus.Publish(Project(id, $"Social dialogue {renamed}", 2));
        var sentinel = UniqueWord();
        await Bus.Publish(Project(Guid.NewGuid(), $"Sentinel {sentinel}", 1));
        await FoundAsync(sentinel, r => r.Results.Count == 1);
        Assert.Empty((await _staff.SearchAsync(new SearchRequest { Query = renamed })).Results);
    }

    [Fact]
    public async Task Search_WhenTheRoleMayNotReadProjectsOrCourses_DoesNotFindThem()
    {
        var word = UniqueWord();
        var own = Project(Guid.NewGuid(), $"Ghana {word}", 1, countries: "GHA");
        await Bus.Publish(own);
        await Bus.Publish(Project(Guid.NewGuid(), $"Togo {word}", 1, countries: "TGO"));
        await Bus.Publish(new CoursePublished(Guid.NewGuid(), "B12", $"Course {word}", "", At, false, 1, At));
        await FoundAsync(word, r => r.Results.Count == 3);

        // A country office may not read projects in partnerships; it finds the catalogue's course only.
        var ghana = await For(fixture, TestCaller.CountryOffice("GHA")).SearchAsync(new SearchRequest { Query = word });
        var unCoordination = await For(fixture, TestCaller.UnCoordination).SearchAsync(new SearchRequest { Query = word });

        Assert.Equal([SearchResultKind.Course], ghana.Results.Select(r => r.Kind));
        Assert.Empty(unCoordination.Results);
    }

    [Fact]
    public void KnownSearchable_WhenAMultiCountryProjectOrAnOlderState_IsGlobalAndIgnored()
    {
        var id = Guid.NewGuid();
        var known = KnownSearchable.From(Project(id, "Regional", 2, countries: new[] { "KEN", "TZA" }));

        Assert.Equal("", known.CountryCode);
        Assert.False(known.Replace(KnownSearchable.From(Project(id, "Older", 1))));
        Assert.Equal("Regional", known.Title);
    }
}

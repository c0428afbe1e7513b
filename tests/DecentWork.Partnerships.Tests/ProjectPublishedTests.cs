using System.Collections.Concurrent;
using DecentWork.Contracts.Partnerships.V1;
using DecentWork.Testing;
using MassTransit;
using Published = DecentWork.Contracts.Events.Partnerships.ProjectPublished;

namespace DecentWork.Partnerships.Tests;

/// <summary>RegisterProject and WithdrawProject announce the project's words through the outbox, for the search.</summary>
public class ProjectPublishedTests(PartnershipsFixture fixture) : IClassFixture<PartnershipsFixture>
{
    private readonly FinanceSteps _steps = new(fixture);

    [Fact]
    public async Task RegisterProjectAndWithdrawProject_WhenSaved_PublishTheProjectsWordsWithAGrowingRevision()
    {
        var heard = new ConcurrentQueue<Published>();
        var handle = fixture.Bus.ConnectReceiveEndpoint($"test-project-published-{Guid.NewGuid():N}", e =>
            e.Handler<Published>(context => { heard.Enqueue(context.Message); return Task.CompletedTask; }));
        await handle.Ready;
        try
        {
            var partner = await _steps.Staff.RegisterPartnerAsync(Requests.Partner());
            var project = await _steps.ProjectAsync(partner.Id, 100_000m, country: "GHA");
            var registered = await Eventually.Until(() => Task.FromResult(heard.FirstOrDefault(e => e.ProjectId.ToString() == project.Id)),
                e => e is not null, what: "ProjectPublished on registration");
            await _steps.Staff.WithdrawProjectAsync(new WithdrawProjectRequest { Id = project.Id, Reason = "Donor withdrew" });
            var withdrawn = await Eventually.Until(() => Task.FromResult(heard.FirstOrDefault(e => e.ProjectId.ToString() == project.Id && e.Withdrawn)),
                e => e is not null, what: "ProjectPublished on withdrawal");

            Assert.Equal((project.Code, "Decent work for youth", "GHA", false), (registered!.Code, registered.Title, string.Join(",", registered.CountryCodes), registered.Withdrawn));
            Assert.True(withdrawn!.Revision > registered.Revision, $"{withdrawn.Revision} should follow {registered.Revision}");
        }
        finally
        {
            await handle.StopAsync();
        }
    }
}

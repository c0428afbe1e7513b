using DecentWork.Contracts.Programming.V1;
using DecentWork.ServiceDefaults.Storage;
using DecentWork.Testing;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Domain = DecentWork.Programming.Domain;
using static DecentWork.Programming.Tests.LifecycleClient;

namespace DecentWork.Programming.Tests;

/// <summary>A data folder written before approval slots and request keys existed still starts, and its programmes get both.</summary>
public class ApprovalSlotBackfillServiceTests(ProgrammingFixture fixture) : IClassFixture<ProgrammingFixture>
{
    [SkippableFact]
    public async Task Start_WhenProgrammesHaveNoApprovalSlotOrRequestKey_GivesThemBothBeforeTheUniqueIndexes()
    {
        Skip.If(TestStore.UsesMongo, "The test edits the embedded store's file; it does not apply to MongoDB.");
        var folder = Path.Combine(Path.GetTempPath(), "decentwork-tests", $"programming-backfill-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string> { ["RABBITMQ_URI"] = fixture.RabbitUri, ["Storage:DataFolder"] = folder };
        try
        {
            string approvedId, draftId;
            await using (var before = await ServiceInstance.StartAsync(ProgrammingApp.ServiceName, ProgrammingApp.Build, settings))
            {
                var lifecycle = new LifecycleClient(before);
                approvedId = (await lifecycle.ApprovedAsync("MLT")).Id;
                draftId = (await lifecycle.RegisterAsync("MLT", 2012, 2013)).Id;
                await lifecycle.RegisterAsync("CYP");
            }
            // What a file from before approval slots and request ids holds: no slot or request
            // fields and no index on them.
            using (var file = new LiteDatabase($"Filename={Path.Combine(folder, "programming.db")};Connection=direct"))
            {
                var programmes = file.GetCollection("programmes");
                Assert.True(programmes.DropIndex(nameof(Domain.Programme.ApprovalSlot)));
                Assert.True(programmes.DropIndex(nameof(Domain.Programme.RequestKey)));
                foreach (var document in programmes.FindAll().ToList())
                {
                    document.Remove(nameof(Domain.Programme.ApprovalSlot));
                    document.Remove(nameof(Domain.Programme.ApprovalSequence));
                    document.Remove(nameof(Domain.Programme.RequestId));
                    document.Remove(nameof(Domain.Programme.RequestKey));
                    programmes.Update(document);
                }
            }

            await using var after = await ServiceInstance.StartAsync(ProgrammingApp.ServiceName, ProgrammingApp.Build, settings);

            var store = after.Services.GetRequiredService<IAggregateStore<Domain.Programme>>();
            var approved = (await store.FindAsync(Guid.Parse(approvedId)))!;
            var draft = (await store.FindAsync(Guid.Parse(draftId)))!;
            Assert.Equal((1, "MLT|000001"), (approved.ApprovalSequence, approved.ApprovalSlot));
            Assert.Equal($"MLT|unapproved|{draft.Id:N}", draft.ApprovalSlot);
            // One save gave each both keys: the draft was stored at version 1.
            Assert.Equal(("", $"programme:{draft.Id:N}", 2L), (draft.RequestId, draft.RequestKey, draft.Version));
            Assert.Equal($"programme:{approved.Id:N}", approved.RequestKey);
            var client = new ProgrammingService.ProgrammingServiceClient(after.Channel);
            var next = await new LifecycleClient(after).ApprovedAsync("MLT", 2012, 2015);
            Assert.Equal("MLT|000002", (await store.FindAsync(Guid.Parse(next.Id)))!.ApprovalSlot);
            var request = Registration("MLT", 2016, 2019, "after-backfill:1");
            var registered = await client.RegisterProgrammeAsync(request);
            Assert.Equal(registered.Id, (await client.RegisterProgrammeAsync(request)).Id);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}

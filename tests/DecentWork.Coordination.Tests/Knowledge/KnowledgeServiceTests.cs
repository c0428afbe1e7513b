using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;
using static DecentWork.Coordination.Tests.Knowledge.KnowledgeClients;
using Date = Google.Type.Date;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>Register, get, list, change and withdraw over real gRPC with real tokens.</summary>
public class KnowledgeServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly KnowledgeService.KnowledgeServiceClient _staff = For(fixture, TestCaller.ProgrammeStaff);

    [Fact]
    public async Task RegisterKnowledgeItem_WhenValid_StoresItWithItsRegionAndRevision()
    {
        var document = Content("KEN", kind: KnowledgeItemKind.Document);
        (document.Link, document.DocumentCategory) = ("https://www.ilo.org/gender/audit-manual.pdf", "A01");
        document.Attachments.Add(new Attachment { Kind = AttachmentKind.ProgrammeOutcome, Id = Guid.NewGuid().ToString(), ProgrammeId = Guid.NewGuid().ToString() });

        var registered = await _staff.RegisterKnowledgeItemAsync(Register(document));
        var fetched = await _staff.GetKnowledgeItemAsync(new GetKnowledgeItemRequest { Id = registered.Id });

        Assert.Equal(registered, fetched);
        Assert.Equal((Region.Africa, 1L, false), (fetched.Content.Region, fetched.Version, fetched.Withdrawn));
        var revision = Assert.Single(fetched.Revisions);
        Assert.Equal("registered", revision.Action);
        Assert.Equal(await fixture.Service.DisplayOfAsync(TestCaller.ProgrammeStaff), revision.ChangedBy);
    }

    [Fact]
    public async Task RegisterKnowledgeItem_WhenEveryFieldIsWrong_ListsEveryField()
    {
        var content = new KnowledgeItemContent
        {
            Kind = KnowledgeItemKind.Document, Title = " ", Summary = "", Body = new string('b', 20001), Link = "http://ilo.org/x",
            DocumentCategory = "Z9", Language = "xx", Date = new Date { Year = 2999, Month = 1, Day = 1 }, CountryCode = "XXX",
            Region = (Region)9, StrategicObjective = 7, Theme = new string('t', 81),
            Attachments = { new Attachment { Kind = AttachmentKind.Unspecified, Id = "x", ProgrammeId = "y" } },
        };
        await RpcAssert.InvalidFields(() => _staff.RegisterKnowledgeItemAsync(Register(content)).ResponseAsync,
            "content.title", "content.summary", "content.body", "content.link", "content.document_category", "content.language", "content.date",
            "content.country_code", "content.region", "content.strategic_objective", "content.theme",
            "content.attachments[0].kind", "content.attachments[0].id", "content.attachments[0].programme_id");
    }

    [Fact]
    public async Task RegisterKnowledgeItem_WhenRegionIsNotTheCountrysOrNoKind_IsInvalid()
    {
        await RpcAssert.InvalidFields(() => _staff.RegisterKnowledgeItemAsync(Register(Content().With(c => c.Region = Region.Americas))).ResponseAsync, "content.region");
        await RpcAssert.InvalidFields(() => _staff.RegisterKnowledgeItemAsync(Register(Content().With(c => c.Kind = KnowledgeItemKind.Unspecified))).ResponseAsync, "content.kind");
        await RpcAssert.InvalidFields(() => _staff.RegisterKnowledgeItemAsync(new RegisterKnowledgeItemRequest()).ResponseAsync,
            "content.kind", "content.title", "content.summary", "content.language", "content.date");
    }

    [Fact]
    public async Task GetKnowledgeItem_WhenUnknownOrNotAUuid_IsNotFoundOrInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _staff.GetKnowledgeItemAsync(new GetKnowledgeItemRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _staff.GetKnowledgeItemAsync(new GetKnowledgeItemRequest { Id = "x" }).ResponseAsync, "id");
    }

    [Fact]
    public async Task ChangeKnowledgeItem_WhenFieldsChange_RecordsThemAndBumpsTheVersion()
    {
        var item = await _staff.RegisterKnowledgeItemAsync(Register(Content()));
        var changed = item.Content.Clone();
        changed.Title = "Gender audit: the federation's own findings";
        changed.CountryCode = "TZA";

        var after = await _staff.ChangeKnowledgeItemAsync(new ChangeKnowledgeItemRequest { Id = item.Id, Content = changed, ExpectedVersion = 1, Reason = "Moved" });

        Assert.Equal((2L, "TZA", Region.Africa), (after.Version, after.Content.CountryCode, after.Content.Region));
        Assert.Equal(["title", "country_code"], after.Revisions[^1].ChangedFields);
        Assert.Equal("Moved", after.Revisions[^1].Reason);
        var again = await _staff.ChangeKnowledgeItemAsync(new ChangeKnowledgeItemRequest { Id = item.Id, Content = changed });
        Assert.Equal(2L, again.Version);
    }

    [Fact]
    public async Task ChangeKnowledgeItem_WhenManyChangesOfOneItemRace_AppliesEveryOne()
    {
        var item = await _staff.RegisterKnowledgeItemAsync(Register(Content()));

        // Six changes at once, none naming a version, each with its own title: each loser of the race
        // changes the item again on the winner's state, and since every title differs from the one
        // there, every write changes it once.
        var answers = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => _staff.ChangeKnowledgeItemAsync(new ChangeKnowledgeItemRequest
        {
            Id = item.Id, Content = item.Content.Clone().With(c => c.Title = $"Gender audit, reading {i}"),
        }).ResponseAsync));

        var read = await _staff.GetKnowledgeItemAsync(new GetKnowledgeItemRequest { Id = item.Id });
        Assert.Equal((7L, 7), (read.Version, read.Revisions.Count));
        Assert.Equal(answers.MaxBy(a => a.Version), read);
    }

    [Fact]
    public async Task ChangeKnowledgeItem_WhenStaleOrWithdrawnOrUnknown_FailsWithTheRightCode()
    {
        var item = await _staff.RegisterKnowledgeItemAsync(Register(Content()));
        await RpcAssert.FailsWith(StatusCode.Aborted, () => _staff.ChangeKnowledgeItemAsync(
            new ChangeKnowledgeItemRequest { Id = item.Id, Content = Content(), ExpectedVersion = 7 }).ResponseAsync);
        await _staff.WithdrawKnowledgeItemAsync(new WithdrawKnowledgeItemRequest { Id = item.Id, Reason = "Superseded" });
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _staff.ChangeKnowledgeItemAsync(
            new ChangeKnowledgeItemRequest { Id = item.Id, Content = Content() }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _staff.ChangeKnowledgeItemAsync(
            new ChangeKnowledgeItemRequest { Id = Guid.NewGuid().ToString(), Content = Content() }).ResponseAsync);
        await RpcAssert.InvalidFields(() => _staff.ChangeKnowledgeItemAsync(
            new ChangeKnowledgeItemRequest { Id = "x", Content = Content().With(c => c.Title = ""), ExpectedVersion = -1 }).ResponseAsync,
            "id", "content.title", "expected_version");
    }

    [Fact]
    public async Task WithdrawKnowledgeItem_WhenDone_IsRecordedKeptAndNotWithdrawnTwice()
    {
        var item = await _staff.RegisterKnowledgeItemAsync(Register(Content()));
        await RpcAssert.InvalidFields(() => _staff.WithdrawKnowledgeItemAsync(new WithdrawKnowledgeItemRequest { Id = item.Id }).ResponseAsync, "reason");

        var withdrawn = await _staff.WithdrawKnowledgeItemAsync(new WithdrawKnowledgeItemRequest { Id = item.Id, Reason = "Superseded", ExpectedVersion = 1 });

        Assert.True(withdrawn.Withdrawn);
        Assert.Equal(("withdrawn", "Superseded"), (withdrawn.Revisions[^1].Action, withdrawn.Revisions[^1].Reason));
        Assert.True((await _staff.GetKnowledgeItemAsync(new GetKnowledgeItemRequest { Id = item.Id })).Withdrawn);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _staff.WithdrawKnowledgeItemAsync(
            new WithdrawKnowledgeItemRequest { Id = item.Id, Reason = "again" }).ResponseAsync);
    }

    [Fact]
    public async Task ListKnowledgeItems_FiltersByAttachmentKindObjectiveThemeAndPagesNewestFirst()
    {
        var programme = Guid.NewGuid().ToString();
        Attachment To() => new() { Kind = AttachmentKind.Programme, Id = programme };
        var older = await _staff.RegisterKnowledgeItemAsync(Register(Content("GHA").With(c => { c.Date = new Date { Year = 2006, Month = 1, Day = 1 }; c.Attachments.Add(To()); })));
        var newer = await _staff.RegisterKnowledgeItemAsync(Register(Content("GHA").With(c => c.Attachments.Add(To()))));
        var lesson = await _staff.RegisterKnowledgeItemAsync(Register(Content("GHA", kind: KnowledgeItemKind.LessonLearned).With(c => { c.Theme = "Child labour"; c.StrategicObjective = 1; c.Attachments.Add(To()); })));
        var withdrawn = await _staff.RegisterKnowledgeItemAsync(Register(Content("GHA").With(c => c.Attachments.Add(To()))));
        await _staff.WithdrawKnowledgeItemAsync(new WithdrawKnowledgeItemRequest { Id = withdrawn.Id, Reason = "Duplicate" });

        var first = await _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { AttachedTo = programme, PageSize = 2 });
        var second = await _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { AttachedTo = programme, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(3, first.TotalSize);
        // Newest date first: the two of 2008 (same day, then by id) before the one of 2006.
        Assert.Equal(new[] { newer.Id, lesson.Id }.Order(), first.KnowledgeItems.Select(i => i.Id).Order());
        Assert.Equal([older.Id], second.KnowledgeItems.Select(i => i.Id));
        Assert.Equal("", second.NextPageToken);

        Assert.Equal([lesson.Id], (await _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { AttachedTo = programme, Kind = KnowledgeItemKind.LessonLearned })).KnowledgeItems.Select(i => i.Id));
        Assert.Equal([lesson.Id], (await _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { AttachedTo = programme, Theme = "CHILD  labour" })).KnowledgeItems.Select(i => i.Id));
        Assert.Equal([lesson.Id], (await _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { AttachedTo = programme, StrategicObjective = 1 })).KnowledgeItems.Select(i => i.Id));
        Assert.Equal(4, (await _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { AttachedTo = programme, IncludeWithdrawn = true })).TotalSize);
    }

    [Fact]
    public async Task ListKnowledgeItems_WhenFiltersAreBad_ListsEveryField()
    {
        await RpcAssert.InvalidFields(() => _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest
        {
            PageSize = -1, PageToken = "forged", Country = "XXX", Region = (Region)8, StrategicObjective = 9, Kind = (KnowledgeItemKind)9,
            AttachedTo = "x", Theme = new string('t', 81), Query = new string('q', 201),
        }).ResponseAsync, "page_size", "page_token", "country", "region", "strategic_objective", "kind", "attached_to", "theme", "query");
        await RpcAssert.InvalidFields(() => _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { Query = "the and of" }).ResponseAsync, "query");
    }
}

using DecentWork.Contracts.Coordination.V1;
using DecentWork.Testing;
using Grpc.Core;
using static DecentWork.Coordination.Tests.Knowledge.KnowledgeClients;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>A country office sees global items and its countries' items, and writes only its own countries' items.</summary>
public class KnowledgeScopeTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly KnowledgeService.KnowledgeServiceClient _staff = For(fixture, TestCaller.ProgrammeStaff);
    private readonly KnowledgeService.KnowledgeServiceClient _kenya = For(fixture, TestCaller.CountryOffice("KEN"));

    [Fact]
    public async Task GetAndList_WhenCountryOffice_SeesGlobalAndOwnCountryOnly()
    {
        var word = UniqueWord();
        var own = await _staff.RegisterKnowledgeItemAsync(Register(Content("KEN", word)));
        var global = await _staff.RegisterKnowledgeItemAsync(Register(Content("", word)));
        var other = await _staff.RegisterKnowledgeItemAsync(Register(Content("TZA", word)));

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _kenya.GetKnowledgeItemAsync(new GetKnowledgeItemRequest { Id = other.Id }).ResponseAsync);
        Assert.Equal(own.Id, (await _kenya.GetKnowledgeItemAsync(new GetKnowledgeItemRequest { Id = own.Id })).Id);
        var found = await _kenya.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { Query = word });
        Assert.Equal(new[] { own.Id, global.Id }.Order(), found.KnowledgeItems.Select(i => i.Id).Order());
        Assert.Equal(2, found.TotalSize);
        Assert.Empty((await _kenya.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { Country = "TZA" })).KnowledgeItems);
        Assert.Equal(3, (await _staff.ListKnowledgeItemsAsync(new ListKnowledgeItemsRequest { Query = word })).TotalSize);
    }

    [Fact]
    public async Task Writes_WhenCountryOfficeNamesAnotherCountryOrNone_ArePermissionDeniedOrNotFound()
    {
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _kenya.RegisterKnowledgeItemAsync(Register(Content("TZA"))).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _kenya.RegisterKnowledgeItemAsync(Register(Content(""))).ResponseAsync);
        var own = await _kenya.RegisterKnowledgeItemAsync(Register(Content("KEN")));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _kenya.ChangeKnowledgeItemAsync(
            new ChangeKnowledgeItemRequest { Id = own.Id, Content = Content("TZA") }).ResponseAsync);

        var global = await _staff.RegisterKnowledgeItemAsync(Register(Content("")));
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => _kenya.WithdrawKnowledgeItemAsync(
            new WithdrawKnowledgeItemRequest { Id = global.Id, Reason = "not mine" }).ResponseAsync);
        var other = await _staff.RegisterKnowledgeItemAsync(Register(Content("TZA")));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _kenya.WithdrawKnowledgeItemAsync(
            new WithdrawKnowledgeItemRequest { Id = other.Id, Reason = "not mine" }).ResponseAsync);
        Assert.False((await _staff.GetKnowledgeItemAsync(new GetKnowledgeItemRequest { Id = other.Id })).Withdrawn);
    }

    [Fact]
    public async Task Search_WhenCountryOffice_FindsOnlyGlobalAndOwnCountryItemsAndProgrammes()
    {
        var word = UniqueWord();
        var own = await _staff.RegisterKnowledgeItemAsync(Register(Content("KEN", word)));
        var global = await _staff.RegisterKnowledgeItemAsync(Register(Content("", word)));
        await _staff.RegisterKnowledgeItemAsync(Register(Content("TZA", word)));

        var found = await _kenya.SearchAsync(new SearchRequest { Query = $"gender {word}" });

        Assert.Equal(new[] { own.Id, global.Id }.Order(), found.Results.Select(r => r.Id).Order());
        Assert.All(found.Results, r => Assert.Equal(SearchResultKind.KnowledgeItem, r.Kind));
    }
}

using DecentWork.Contracts.Coordination.V1;
using DecentWork.Contracts.Events.Programming;
using DecentWork.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static DecentWork.Coordination.Tests.Knowledge.KnowledgeClients;

namespace DecentWork.Coordination.Tests.Knowledge;

/// <summary>Search over knowledge items and the DWCPs this service hears of over the real broker.</summary>
public class SearchServiceTests(CoordinationFixture fixture) : IClassFixture<CoordinationFixture>
{
    private readonly KnowledgeService.KnowledgeServiceClient _staff = For(fixture, TestCaller.ProgrammeStaff);
    private IBus Bus => fixture.Service.Services.GetRequiredService<IBus>();

    private async Task<ProgrammeRegistered> RegisterProgrammeAsync(string country, string title, string word)
    {
        var registered = new ProgrammeRegistered(Guid.NewGuid(), country, "Africa", title, new DateOnly(2008, 1, 1), new DateOnly(2011, 12, 31), DateTimeOffset.UtcNow);
        await Bus.Publish(registered);
        await Eventually.Until(() => _staff.SearchAsync(new SearchRequest { Query = word, Kind = SearchResultKind.Programme }).ResponseAsync,
            r => r.Results.Any(x => x.Id == registered.ProgrammeId.ToString()), what: $"programme {title} to be indexed");
        return registered;
    }

    [Fact]
    public async Task Search_WhenProgrammesAndItemsMatch_RanksTitleWordsFirstAndShowsTitles()
    {
        var word = UniqueWord();
        var programme = await RegisterProgrammeAsync("MOZ", $"Decent work country programme {word} Mozambique", word);
        var inSummary = await _staff.RegisterKnowledgeItemAsync(Register(Content("MOZ").With(c => c.Summary = $"Lessons from the {word} programme")));

        var found = await _staff.SearchAsync(new SearchRequest { Query = word.ToUpperInvariant() });

        Assert.Equal([programme.ProgrammeId.ToString(), inSummary.Id], found.Results.Select(r => r.Id));
        Assert.Equal((SearchResultKind.Programme, $"Decent work country programme {word} Mozambique", "MOZ", 3),
            (found.Results[0].Kind, found.Results[0].Title, found.Results[0].CountryCode, found.Results[0].Score));
        Assert.Equal((SearchResultKind.KnowledgeItem, 1), (found.Results[1].Kind, found.Results[1].Score));
        var onlyItems = await _staff.SearchAsync(new SearchRequest { Query = word, Kind = SearchResultKind.KnowledgeItem });
        Assert.Equal([inSummary.Id], onlyItems.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_WhenCountryOffice_DoesNotFindAnotherCountrysProgramme()
    {
        var word = UniqueWord();
        var own = await RegisterProgrammeAsync("UGA", $"Uganda {word}", word);
        await RegisterProgrammeAsync("RWA", $"Rwanda {word}", word);

        var found = await For(fixture, TestCaller.CountryOffice("UGA")).SearchAsync(new SearchRequest { Query = word });

        Assert.Equal([own.ProgrammeId.ToString()], found.Results.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_WhenTheLastWordIsABeginning_FindsLongerWordsAndPages()
    {
        var word = UniqueWord();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((await _staff.RegisterKnowledgeItemAsync(Register(Content("", word + "s")))).Id);

        var first = await _staff.SearchAsync(new SearchRequest { Query = $"audit {word}", PageSize = 2 });
        var second = await _staff.SearchAsync(new SearchRequest { Query = $"audit {word}", PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(3, first.TotalSize);
        Assert.Equal(ids.Order(), first.Results.Concat(second.Results).Select(r => r.Id).Order());
        Assert.Equal("", second.NextPageToken);
    }

    [Fact]
    public async Task Search_WhenAnItemIsChangedOrWithdrawn_TheIndexFollows()
    {
        var word = UniqueWord();
        var newWord = UniqueWord();
        var item = await _staff.RegisterKnowledgeItemAsync(Register(Content("", word)));
        await _staff.ChangeKnowledgeItemAsync(new ChangeKnowledgeItemRequest { Id = item.Id, Content = Content("", newWord) });

        Assert.Empty((await _staff.SearchAsync(new SearchRequest { Query = word })).Results);
        Assert.Single((await _staff.SearchAsync(new SearchRequest { Query = newWord })).Results);
        await _staff.WithdrawKnowledgeItemAsync(new WithdrawKnowledgeItemRequest { Id = item.Id, Reason = "Superseded" });
        Assert.Empty((await _staff.SearchAsync(new SearchRequest { Query = newWord })).Results);
    }

    [Fact]
    public async Task Search_WhenTheQueryIsMissingOrBad_IsInvalid()
    {
        await RpcAssert.InvalidFields(() => _staff.SearchAsync(new SearchRequest()).ResponseAsync, "query");
        await RpcAssert.InvalidFields(() => _staff.SearchAsync(new SearchRequest { Query = "of the", PageSize = -1, PageToken = "x", Kind = (SearchResultKind)9 }).ResponseAsync,
            "query", "page_size", "page_token", "kind");
    }
}

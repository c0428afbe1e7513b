using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Tests.Knowledge;

public class SearchRankingTests
{
    private static Bucket Hit(string word, string kind, Guid id, bool title, int date, string scope = "-") =>
        new($"{word}|{scope}|{kind}|{id:N}", new Dictionary<string, decimal> { [title ? "title" : "text"] = 1m, ["date"] = date });

    [Fact]
    public void Rank_WhenAThingLacksOneWord_LeavesItOut()
    {
        var both = Guid.NewGuid();
        var one = Guid.NewGuid();
        var hits = SearchRanking.Rank([
            [Hit("gender", "K", both, true, 20080101), Hit("gender", "K", one, true, 20080101)],
            [Hit("audit", "K", both, false, 20080101)],
        ]);
        Assert.Equal([both], hits.Select(h => h.Id));
        Assert.Equal(SearchHit.TitleWordScore + SearchHit.TextWordScore, hits[0].Score);
    }

    [Fact]
    public void Rank_WhenScoresDiffer_TitleWordsFirstThenNewerDate()
    {
        var inTitle = Guid.NewGuid();
        var inTextNewer = Guid.NewGuid();
        var inTextOlder = Guid.NewGuid();
        var hits = SearchRanking.Rank([[
            Hit("audit", "K", inTextOlder, false, 20050101), Hit("audit", "P", inTitle, true, 20000101), Hit("audit", "K", inTextNewer, false, 20090101),
        ]]);
        Assert.Equal([inTitle, inTextNewer, inTextOlder], hits.Select(h => h.Id));
    }

    [Fact]
    public void Rank_WhenAPrefixWordMatchesSeveralWordsOfOneThing_CountsTheBestOnce()
    {
        var id = Guid.NewGuid();
        var hits = SearchRanking.Rank([[Hit("audit", "K", id, false, 20080101), Hit("audits", "K", id, true, 20080101)]]);
        Assert.Equal(SearchHit.TitleWordScore, hits.Single().Score);
    }

    [Fact]
    public void Rank_WhenNoWords_FindsNothing() => Assert.Empty(SearchRanking.Rank([]));

    [Fact]
    public void SortKey_WhenScoresDiffer_OrdersHigherFirstOrdinally()
    {
        var high = new SearchHit("K", Guid.NewGuid(), "-", 9, 20000101);
        var low = new SearchHit("K", Guid.NewGuid(), "-", 1, 20200101);
        Assert.True(string.CompareOrdinal(high.SortKey, low.SortKey) < 0);
    }
}

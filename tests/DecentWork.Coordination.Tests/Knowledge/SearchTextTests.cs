using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Tests.Knowledge;

public class SearchTextTests
{
    [Fact]
    public void Words_WhenCaseAccentsAndWidthDiffer_FoldToTheSameWords()
    {
        Assert.Equal(["egalite", "genre"], SearchText.Words("Égalité de GENRE"));
        Assert.Equal(["european", "union"], SearchText.Words("Ｅuropean  UNION"));
        Assert.Equal(["strasse", "zurich"], SearchText.Words("Straße, Zürich"));
    }

    [Fact]
    public void Words_WhenStopWordsOrRepeatsOrPunctuation_DropsThemAndKeepsFirstOrder()
    {
        Assert.Equal(["gender", "audit", "trade", "unions"], SearchText.Words("The gender audit: of trade-unions, and the gender AUDIT."));
    }

    [Fact]
    public void Words_WhenLettersAreNotLatin_EncodesThemAsPrintableAscii()
    {
        var words = SearchText.Words("Труд работа");
        Assert.Equal(2, words.Count);
        Assert.All(words, w => Assert.All(w, c => Assert.InRange(c, ' ', '~')));
        Assert.Equal(words, SearchText.Words("ТРУД РАБОТА"));
    }

    [Fact]
    public void Words_WhenAWordIsVeryLong_CutsItToTheMaximum()
    {
        Assert.Equal(SearchText.MaxWordLength, SearchText.Words(new string('a', 100)).Single().Length);
    }

    [Fact]
    public void Fold_WhenThemesDifferInCaseAccentsAndSpacing_AreEqual()
    {
        Assert.Equal(SearchText.Fold("Égalité  des genres"), SearchText.Fold("egalite des GENRES"));
    }

    [Fact]
    public void RangesFor_WhenScoped_ReadsOneRangePerCountryAndTheGlobalScopeOnly()
    {
        var query = SearchQuery.Parse("gender audit");
        var ranges = query.RangesFor(0, new HashSet<string> { "KEN" }).ToList();
        Assert.Equal([BucketRange.Prefix("gender|-|"), BucketRange.Prefix("gender|KEN|")], ranges);
        Assert.Equal([BucketRange.Prefix("gender|")], query.RangesFor(0, null));
        // The last word also matches longer words ("audits"), so it is read as a prefix and filtered.
        Assert.True(query.IsPrefix(1));
        Assert.Equal([BucketRange.Prefix("audit")], query.RangesFor(1, new HashSet<string> { "KEN" }));
    }

    [Fact]
    public void InScope_WhenABucketIsOfAnotherCountry_IsFalse()
    {
        var scopes = new HashSet<string> { "KEN" };
        Assert.True(SearchQuery.InScope(Bucket("audit|KEN|K|" + Guid.NewGuid().ToString("N")), scopes));
        Assert.True(SearchQuery.InScope(Bucket("audit|-|K|" + Guid.NewGuid().ToString("N")), scopes));
        Assert.False(SearchQuery.InScope(Bucket("audit|TZA|K|" + Guid.NewGuid().ToString("N")), scopes));
    }

    [Fact]
    public void Parse_WhenMoreWordsThanAllowed_KeepsTheFirst()
    {
        Assert.Equal(SearchText.MaxQueryWords, SearchQuery.Parse("one two three four five six seven eight nine ten").Words.Count);
        Assert.Empty(SearchQuery.Parse("the of and").Words);
    }

    private static Bucket Bucket(string key) => new(key, new Dictionary<string, decimal> { ["title"] = 1m });
}

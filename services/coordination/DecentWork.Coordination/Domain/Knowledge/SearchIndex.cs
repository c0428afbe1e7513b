using DecentWork.ServiceDefaults.Storage;

namespace DecentWork.Coordination.Domain.Knowledge;

/// <summary>
/// The search index's shape: one bucket per word and searchable thing, keyed
/// "word|scope|kind|id" where scope is the country code or "-" for a global thing, with the
/// figures "title" (1 when the word is in the title), "text" (1 when it is elsewhere) and "date"
/// (yyyymmdd, for ties). The store keeps the buckets in the same transaction as the write, so the
/// index is never behind the records it indexes and a search reads only the words asked for.
/// </summary>
public static class SearchIndex
{
    public const string GlobalScope = "-";
    public const string TitleFigure = "title";
    public const string TextFigure = "text";
    public const string DateFigure = "date";

    /// <summary>One letter per kind of searchable thing, as the bucket key holds it.</summary>
    public const string KnowledgeItem = "K";
    public const string Programme = "P";
    public const string Project = "J";
    public const string Course = "C";

    /// <summary>Adds one thing's words: those of the title count as title words, the rest as text words.</summary>
    public static void Contribute(Contributions contributions, string kind, Guid id, string countryCode, int date, string title, IEnumerable<string> texts)
    {
        var scope = countryCode.Length == 0 ? GlobalScope : countryCode;
        var titleWords = SearchText.Words(title);
        var textWords = SearchText.Words(string.Join(' ', texts)).Except(titleWords);
        foreach (var (word, figure) in titleWords.Select(w => (w, TitleFigure)).Concat(textWords.Select(w => (w, TextFigure))))
        {
            var key = BucketKey.Of(word, scope, kind, id.ToString("N"));
            contributions.Add(key, figure, 1m).Add(key, DateFigure, date);
        }
    }
}

/// <summary>Knowledge items not withdrawn, by their title, summary, body and theme.</summary>
public sealed class KnowledgeSearchProjection : Projection<KnowledgeItem>
{
    public const string ProjectionName = "search-knowledge";
    public override string Name => ProjectionName;

    public override void Contribute(KnowledgeItem state, Contributions contributions)
    {
        if (state.Withdrawn) return;
        var c = state.Content;
        SearchIndex.Contribute(contributions, SearchIndex.KnowledgeItem, state.Id, c.CountryCode, KnowledgeItem.DateKey(c.Date), c.Title, [c.Summary, c.Body, c.Theme]);
    }
}

/// <summary>DWCPs as this service knows them: the title and the statements of outcomes not withdrawn.</summary>
public sealed class ProgrammeSearchProjection : Projection<KnownProgramme>
{
    public const string ProjectionName = "search-programmes";
    public override string Name => ProjectionName;

    public override void Contribute(KnownProgramme state, Contributions contributions)
    {
        // An approval may arrive before the registration: nothing to find by until the title is known.
        if (state.Title.Length == 0) return;
        SearchIndex.Contribute(contributions, SearchIndex.Programme, state.Id, state.CountryCode, KnowledgeItem.DateKey(state.PeriodStart), state.Title,
            state.Outcomes.Where(o => !o.Withdrawn).Select(o => o.Statement));
    }
}

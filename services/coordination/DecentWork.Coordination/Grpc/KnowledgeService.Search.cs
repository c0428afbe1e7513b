using DecentWork.Coordination.Domain;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>
/// Free-text search over the token index (<see cref="SearchIndex"/>): the words' buckets within the
/// caller's scopes, ranked by <see cref="SearchRanking"/>, paged by the hits' sort key; only the
/// page's things are read to show their titles.
/// </summary>
public sealed partial class KnowledgeService
{
    /// <summary>The roles that may find DWCPs: those programming lets read them (country offices and constituents only their own).</summary>
    private static readonly string[] ProgrammeReaders = AccessPolicies.Matrix[AccessPolicies.ProgrammesRead];

    /// <summary>
    /// The roles that may find TC projects: those partnerships lets read them, except partner agencies,
    /// whose view there is the projects they fund, which this index does not know.
    /// </summary>
    private static readonly string[] ProjectReaders = [.. AccessPolicies.Matrix[AccessPolicies.PartnershipsRead].Where(r => r != Roles.Partner)];

    /// <summary>The roles that may find courses: those training lets read the catalogue.</summary>
    private static readonly string[] CourseReaders = AccessPolicies.Matrix[AccessPolicies.TrainingRead];

    [Authorize(Policy = AccessPolicies.KnowledgeRead)]
    public override async Task<Contract.SearchResponse> Search(Contract.SearchRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        var query = SearchQuery.Parse(request.Query);
        violations.Check(request.Query.Length > SearchText.MaxQueryLength || query.Words.Count == 0, "query",
            $"is required: 1-{SearchText.MaxQueryLength} characters with at least one word that is not a very common one");
        violations.Check(!Enum.IsDefined(request.Kind), "kind", "is not a kind of search result");
        violations.ThrowIfAny();

        var caller = Caller.From(context);
        var indexes = new List<string>();
        if (request.Kind is Contract.SearchResultKind.Unspecified or Contract.SearchResultKind.KnowledgeItem)
            indexes.Add(KnowledgeSearchProjection.ProjectionName);
        if (request.Kind is Contract.SearchResultKind.Unspecified or Contract.SearchResultKind.Programme && caller.HasAnyRole(ProgrammeReaders))
            indexes.Add(ProgrammeSearchProjection.ProjectionName);
        // Projects and courses share one index (their views come from events); the kinds the caller may not find are dropped.
        var kinds = new HashSet<string>(StringComparer.Ordinal) { SearchIndex.KnowledgeItem, SearchIndex.Programme };
        if (request.Kind is Contract.SearchResultKind.Unspecified or Contract.SearchResultKind.Project && caller.HasAnyRole(ProjectReaders))
            kinds.Add(SearchIndex.Project);
        if (request.Kind is Contract.SearchResultKind.Unspecified or Contract.SearchResultKind.Course && caller.HasAnyRole(CourseReaders))
            kinds.Add(SearchIndex.Course);
        if (kinds.Contains(SearchIndex.Project) || kinds.Contains(SearchIndex.Course))
            indexes.Add(SearchableProjection.ProjectionName);
        var hits = indexes.Count == 0 ? [] : await SearchAsync(query, indexes, ScopeOf(caller), context.CancellationToken);
        hits = [.. hits.Where(h => kinds.Contains(h.Kind))];

        var (pageHits, total, next) = page.Of(hits, h => h.SortKey);
        var response = new Contract.SearchResponse { NextPageToken = next, TotalSize = total };
        foreach (var hit in pageHits)
            response.Results.Add(new Contract.SearchResult
            {
                Kind = hit.Kind switch
                {
                    SearchIndex.Programme => Contract.SearchResultKind.Programme,
                    SearchIndex.Project => Contract.SearchResultKind.Project,
                    SearchIndex.Course => Contract.SearchResultKind.Course,
                    _ => Contract.SearchResultKind.KnowledgeItem,
                },
                Id = hit.Id.ToString(),
                Title = await TitleOfAsync(hit, context.CancellationToken),
                CountryCode = hit.CountryCode,
                Score = hit.Score,
            });
        return response;
    }

    /// <summary>The hits for every word of the query in the given indexes, within the scopes (null: all countries).</summary>
    private async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, IReadOnlyList<string> indexes, IReadOnlySet<string>? scopes, CancellationToken cancellationToken)
    {
        var perWord = new List<IReadOnlyList<Bucket>>();
        for (var w = 0; w < query.Words.Count; w++)
        {
            var buckets = new List<Bucket>();
            foreach (var index in indexes)
                foreach (var range in query.RangesFor(w, scopes))
                    buckets.AddRange((await projections.ReadAsync(index, range, cancellationToken)).Where(b => SearchQuery.InScope(b, scopes)));
            perWord.Add(buckets);
            // Every word must match: once one matches nothing, the rest need not be read.
            if (buckets.Count == 0) return [];
        }
        return SearchRanking.Rank(perWord);
    }

    // The index and the record are written in one transaction, so a hit's record exists.
    private async Task<string> TitleOfAsync(SearchHit hit, CancellationToken cancellationToken) => hit.Kind switch
    {
        SearchIndex.Programme => (await programmes.FindAsync(hit.Id, cancellationToken))?.Title ?? "",
        SearchIndex.Project or SearchIndex.Course => (await searchables.FindAsync(hit.Id, cancellationToken))?.Title ?? "",
        _ => (await items.FindAsync(hit.Id, cancellationToken))?.Content.Title ?? "",
    };
}

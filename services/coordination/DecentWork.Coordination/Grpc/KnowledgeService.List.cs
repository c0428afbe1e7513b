using System.Linq.Expressions;
using DecentWork.Coordination.Domain.Knowledge;
using DecentWork.ServiceDefaults.Grpc;
using DecentWork.ServiceDefaults.Security;
using DecentWork.ServiceDefaults.Storage;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Contract = DecentWork.Contracts.Coordination.V1;

namespace DecentWork.Coordination.Grpc;

/// <summary>Lists knowledge items, filtered, and searches them by text through the index.</summary>
public sealed partial class KnowledgeService
{
    [Authorize(Policy = AccessPolicies.KnowledgeRead)]
    public override async Task<Contract.ListKnowledgeItemsResponse> ListKnowledgeItems(Contract.ListKnowledgeItemsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = Page.From(request.PageSize, request.PageToken, violations);
        violations.Check(request.Query.Length > SearchText.MaxQueryLength, "query", $"must be at most {SearchText.MaxQueryLength} characters");
        var country = violations.OptionalCountry(request.Country, "country");
        var region = KnowledgeItemMapping.ToDomain(request.Region);
        violations.Check(request.Region != Contract.Region.Unspecified && region is null, "region", "is not a region");
        violations.Check(!KnowledgeRules.IsValidStrategicObjective(request.StrategicObjective), "strategic_objective", "must be 1-4, or 0 for any");
        var kind = KnowledgeItemMapping.ToDomain(request.Kind);
        violations.Check(request.Kind != Contract.KnowledgeItemKind.Unspecified && kind is null, "kind", "is not a kind of knowledge item");
        var attachedTo = ProtoConvert.ToId(request.AttachedTo);
        violations.Check(request.AttachedTo.Length > 0 && attachedTo is null, "attached_to", "must be a UUID");
        violations.Check(!KnowledgeRules.IsValidTheme(request.Theme), "theme", $"must be at most {KnowledgeRules.MaxThemeLength} characters");
        var query = SearchQuery.Parse(request.Query);
        violations.Check(request.Query.Trim().Length > 0 && query.Words.Count == 0, "query", "has no word to search for (only very common words)");
        violations.ThrowIfAny();

        var caller = Caller.From(context);
        var theme = SearchText.Fold(request.Theme);
        var kindNumber = (int?)kind;
        var regionNumber = (int?)region;
        var objective = request.StrategicObjective;
        var filter = Filter.All(
            VisibleTo(caller),
            country is null ? null : i => i.CountryCode == country.Code,
            regionNumber is null ? null : i => i.Region == regionNumber.Value,
            kindNumber is null ? null : i => i.Kind == kindNumber.Value,
            objective == 0 ? null : i => i.StrategicObjective == objective,
            theme.Length == 0 ? null : i => i.ThemeKey == theme,
            attachedTo is null ? null : i => i.AttachedTo.Contains(attachedTo.Value),
            request.IncludeWithdrawn && query.Words.Count == 0 ? null : i => i.Withdrawn == false);

        var response = new Contract.ListKnowledgeItemsResponse();
        if (query.Words.Count == 0)
        {
            var (found, total, next) = await items.PageAsync(filter, new SortOrder<KnowledgeItem>(i => i.SortKey), page, context.CancellationToken);
            response.KnowledgeItems.AddRange(found.Select(KnowledgeItemMapping.ToProto));
            (response.NextPageToken, response.TotalSize) = (next, total);
            return response;
        }

        // The index names the items that match every word; the store applies the other filters to
        // those only, so the cost follows the matches, not the catalogue.
        var hits = await SearchAsync(query, [KnowledgeSearchProjection.ProjectionName], ScopeOf(caller), context.CancellationToken);
        var ids = hits.Select(h => h.Id).ToList();
        var matching = ids.Count == 0 ? [] : await items.ReadAllAsync(Filter.All(filter, i => ids.Contains(i.Id)), new SortOrder<KnowledgeItem>(i => i.SortKey), context.CancellationToken);
        var byId = matching.ToDictionary(i => i.Id);
        var ranked = hits.Where(h => byId.ContainsKey(h.Id)).ToList();
        var (pageHits, count, nextToken) = page.Of(ranked, h => h.SortKey);
        response.KnowledgeItems.AddRange(pageHits.Select(h => KnowledgeItemMapping.ToProto(byId[h.Id])));
        (response.NextPageToken, response.TotalSize) = (nextToken, count);
        return response;
    }

    /// <summary>The list condition for the caller's countries plus the global items; null when the caller sees all.</summary>
    private static Expression<Func<KnowledgeItem, bool>>? VisibleTo(Caller caller)
    {
        if (ScopeOf(caller) is not { } scope) return null;
        var countries = scope.Append("").ToList();
        return i => countries.Contains(i.CountryCode);
    }
}
